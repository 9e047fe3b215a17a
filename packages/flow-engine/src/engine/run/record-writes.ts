/**
 * The record binding's writes: at a milestone of the case (`started`, `returned`, `resubmitted`, the
 * outcome of a completed case, or the status it ended with otherwise), the values its FEEL
 * expressions give become an `updateRecord` effect for the server.
 *
 * No event records a write. The state does not change (the record is the server's), so replay needs
 * none; and each write is a pure function of what the history already holds: the milestone's own
 * event (`started`; `taskClosed` with `toInitiator`; `taskClosed` with reason `resubmitted`; `ended`),
 * its time and command (whose actor the command's events name), and the variables replay gives at
 * that event, under the pinned definition. The server performs the effect once, with the command
 * that produced it (a repeated command returns no effects), and its records keep their own audit of
 * what changed.
 */
import { compileExpression, type FeelValue } from '@bankforge/rule-engine';
import type { UpdateRecordEffect } from '../effects.js';
import type { JsonValue } from '../state/flow-state.js';
import { FlowRuntimeError, toJson, variableToFeel } from '../values.js';
import { FEEL_STEP_BUDGET } from './expressions.js';
import type { Run } from './run.js';

/**
 * The effect of the writes the binding configures at `milestone`, or undefined when it configures
 * none. Throws `FlowRuntimeError` (which fails the case) when an expression fails.
 */
export function recordWrite(run: Run, milestone: string): UpdateRecordEffect | undefined {
  const writes = run.definition.record?.writes;
  if (writes === undefined || !Object.hasOwn(writes, milestone)) return undefined;
  const expressions = writes[milestone] ?? {};
  const fields = Object.keys(expressions);
  if (fields.length === 0) return undefined;
  const values: Record<string, JsonValue> = {};
  for (const field of fields) values[field] = toJson(evaluate(run, expressions[field] ?? '', `${milestone}/${field}`));
  return { type: 'updateRecord', milestone, values };
}

/** Adds the writes of `milestone` to the command's effects (in their order with the others). */
export function writeRecord(run: Run, milestone: string): void {
  const write = recordWrite(run, milestone);
  if (write !== undefined) run.effects.push(write);
}

/** A write expression over the case variables, `initiator` (a user id), `actor` (a user id or null) and `at`. */
function evaluate(run: Run, source: string, where: string): FeelValue {
  const idx = run.index;
  try {
    let c = idx.recordExpressions.get(source);
    if (c === undefined) {
      c = compileExpression(source, { names: idx.recordNames });
      idx.recordExpressions.set(source, c);
    }
    const scope: Record<string, FeelValue> = {};
    const vars = run.state.variables;
    for (const name of c.reads) {
      if (name === 'initiator') scope.initiator = run.state.initiator.userId;
      else if (name === 'actor') scope.actor = run.actor;
      else if (name === 'at') scope.at = run.feelNow();
      else if (Object.hasOwn(vars, name)) scope[name] = variableToFeel(idx.variables.get(name), vars[name] as JsonValue);
    }
    return c.evaluate(scope, { now: run.feelNow(), stepBudget: FEEL_STEP_BUDGET }).value;
  } catch (e) {
    throw new FlowRuntimeError(`record write ${where} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}
