/**
 * Cases that start by themselves (`record.startOn`): when a record of the flow's entity is created,
 * or when a FEEL condition over the variables the flow reads from the record becomes true.
 */
import { compileExpression, toFeelValue, type FeelDateTime, type FeelValue } from '@bankforge/rule-engine';
import type { FlowDefinition } from '../../definition/flow-definition.js';
import type { JsonValue } from '../state/flow-state.js';
import { variableToFeel } from '../values.js';
import { FEEL_STEP_BUDGET } from '../run/expressions.js';

/**
 * Whether a write of the bound record starts a case of `definition`. `before` is null for a create,
 * else the variables the record gave before the write; `after` what it gives now (both as
 * `record.variables` reads them). A create starts one when `startOn.created`, or when the
 * condition holds on it; an update when the condition holds now and did not before. A condition
 * that fails to evaluate does not hold. `now` is the time FEEL's `now()` and `today()` read.
 */
export function recordStartsCase(definition: FlowDefinition, before: Readonly<Record<string, JsonValue>> | null, after: Readonly<Record<string, JsonValue>>, now: string): boolean {
  const startOn = definition.record?.startOn;
  if (startOn === undefined) return false;
  if (before === null && startOn.created === true) return true;
  if (startOn.condition === undefined) return false;
  return holdsOn(definition, startOn.condition, after, now) && (before === null || !holdsOn(definition, startOn.condition, before, now));
}

function holdsOn(definition: FlowDefinition, condition: string, variables: Readonly<Record<string, JsonValue>>, now: string): boolean {
  const declared = new Map(definition.variables.map((v) => [v.name, v]));
  try {
    const compiled = compileExpression(condition, { names: [...declared.keys()] });
    const scope: Record<string, FeelValue> = {};
    for (const name of compiled.reads) if (Object.hasOwn(variables, name)) scope[name] = variableToFeel(declared.get(name), variables[name] as JsonValue);
    return compiled.evaluate(scope, { now: toFeelValue(new Date(now)) as FeelDateTime, stepBudget: FEEL_STEP_BUDGET }).value === true;
  } catch {
    return false;
  }
}
