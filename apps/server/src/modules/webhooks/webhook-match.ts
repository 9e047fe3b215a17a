import { compileExpression, FeelSyntaxError, toFeelValue, type CompiledExpression, type FeelValue } from '@bankforge/rule-engine';
import type { DomainEvent } from '../events/domain-events.js';

/** Steps a filter may take on one event: a filter is a short condition, never a computation. */
const FILTER_STEP_BUDGET = 10_000;
/** Compiled filters kept (by source); past this the cache starts again. */
const CACHED_FILTERS = 500;

const compiled = new Map<string, CompiledExpression>();

/** Whether `type` is one the selectors name, exactly or by family (`record.*`). */
export function selectsType(selectors: readonly string[], type: string): boolean {
  return selectors.some((selector) => selector === type || (selector.endsWith('.*') && type.startsWith(selector.slice(0, -1))));
}

/** Why a filter does not compile (`line 1, column 5: ...`), or undefined when it does. */
export function filterSyntaxProblem(source: string): string | undefined {
  try {
    compileExpression(source);
    return undefined;
  } catch (error) {
    if (error instanceof FeelSyntaxError) {
      const d = error.diagnostics[0];
      return d === undefined ? 'syntax error' : `line ${d.line}, column ${d.column}: ${d.message}`;
    }
    return error instanceof Error ? error.name : 'error';
  }
}

/** What a filter reads of an event: the same fields the receiver is sent. */
export function filterVariables(event: DomainEvent): Record<string, FeelValue> {
  return {
    type: event.type,
    entity: event.entity,
    recordId: event.recordId,
    changes: toFeelValue(event.changes),
    actor: toFeelValue(event.actor),
    occurredAt: event.occurredAt,
  };
}

/**
 * Whether the event passes the subscription's filter. Only `true` passes: a filter that reads a
 * field the event lacks gives null, and one that fails (or runs past its budget) sends nothing.
 */
export function passesFilter(source: string | null, event: DomainEvent): boolean {
  if (source === null || source.trim() === '') return true;
  try {
    let expression = compiled.get(source);
    if (expression === undefined) {
      if (compiled.size >= CACHED_FILTERS) compiled.clear();
      expression = compileExpression(source);
      compiled.set(source, expression);
    }
    return expression.evaluate(filterVariables(event), { stepBudget: FILTER_STEP_BUDGET }).value === true;
  } catch {
    return false;
  }
}
