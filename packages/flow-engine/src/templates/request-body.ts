import { compileExpression, fromFeelValue, type FeelDateTime, type FeelValue } from '@bankforge/rule-engine';
import type { JsonValue } from '../engine/state/flow-state.js';

export interface RequestBodyOptions {
  /** Evaluation steps the template may take (a guard against a runaway template). */
  stepBudget: number;
  /** The instant `now()` reads (a flow's case clock); the wall clock when absent. */
  now?: FeelDateTime;
  /** Names with spaces or other characters the template may read (a flow's variables). */
  names?: readonly string[];
}

/**
 * A request body written as a FEEL template, as automations' connector calls and flows' service
 * steps write it: `{customerId: record.id, amount: new.amount}` is evaluated over the caller's
 * values and its value is the body as JSON (a context an object, a decimal a number when exact,
 * a date its ISO text). Only what the template names leaves the server. Throws on a syntax error,
 * an unknown function or a spent budget; the caller says where.
 */
export function evaluateRequestBody(template: string, values: Readonly<Record<string, FeelValue>>, options: RequestBodyOptions): JsonValue {
  // The rule engine keeps what it compiled: a template is parsed once, then read on every call.
  const expression = compileExpression(template, options.names ? { names: [...options.names] } : undefined);
  const scope: Record<string, FeelValue> = {};
  for (const name of expression.reads) if (Object.hasOwn(values, name)) scope[name] = values[name] as FeelValue;
  const result = expression.evaluate(scope, { stepBudget: options.stepBudget, ...(options.now ? { now: options.now } : {}) });
  return fromFeelValue(result.value) as JsonValue;
}
