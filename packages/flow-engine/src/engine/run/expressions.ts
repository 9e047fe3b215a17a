/** FEEL over the case variables, and the variables nodes write back. */
import { compileExpression, toFeelValue, type FeelValue } from '@bankforge/rule-engine';
import type { JsonValue } from '../state/flow-state.js';
import { FlowRuntimeError, pathGet, variableToFeel } from '../values.js';
import type { Run } from './run.js';

/** The evaluation steps one expression may take before it fails the case (a guard against runaway loops). */
export const FEEL_STEP_BUDGET = 100_000;

/** Evaluates `source` on the case variables (and `initiator`); a failure fails the case, naming `where`. */
export function feel(run: Run, source: string, where: string): FeelValue {
  const idx = run.index;
  let c = idx.expressions.get(source);
  try {
    if (c === undefined) {
      c = compileExpression(source, { names: idx.feelNames });
      idx.expressions.set(source, c);
    }
    return c.evaluate(caseValues(run, c.reads), { now: run.feelNow(), stepBudget: FEEL_STEP_BUDGET }).value;
  } catch (e) {
    throw new FlowRuntimeError(`expression at ${where} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The case's variables (typed as the flow declares them) and `initiator`, as FEEL reads them: those named, or all. */
export function caseValues(run: Run, names?: Iterable<string>): Record<string, FeelValue> {
  const scope: Record<string, FeelValue> = {};
  const vars = run.state.variables;
  for (const name of names ?? [...Object.keys(vars), 'initiator']) {
    if (name === 'initiator') {
      const ini = run.state.initiator;
      scope.initiator = toFeelValue({ userId: ini.userId, roles: ini.roles ?? [], branch: ini.branch ?? null });
    } else if (Object.hasOwn(vars, name)) scope[name] = variableToFeel(run.index.variables.get(name), vars[name] as JsonValue);
  }
  return scope;
}

export function holds(run: Run, condition: string, where: string): boolean {
  return feel(run, condition, where) === true;
}

/** Writes the mapped parts of a decision's or service's result into the case variables. */
export function setOutputs(run: Run, nodeId: string, mapping: Record<string, string>, result: Record<string, JsonValue>): void {
  const vars: Record<string, JsonValue> = {};
  for (const [v, path] of Object.entries(mapping)) vars[v] = pathGet(result, path);
  if (Object.keys(vars).length > 0) run.emit('varsSet', { variables: vars }, { nodeId });
}
