import { isAutoNumbered } from '@bankforge/data-model';
import type { FeelValue } from '@bankforge/rule-engine';
import type { PlacedField } from '../compile/form-plan.js';
import type { FieldState } from '../form-definition.js';
import type { ConditionIndex } from './rule-index.js';

/** Whether a scope's condition rule holds (true only for FEEL `true`); absent rules do not hold. */
export function holds(conditions: ConditionIndex | undefined, results: readonly FeelValue[], key: string): boolean {
  const rule = conditions?.get(key);
  return rule !== undefined && results[rule.index] === true;
}

/**
 * A placed field's state: visible while every gate is; required (entity `required` or
 * `requiredWhen`) only while visible; read-only when computed or while `readonlyWhen` holds. An
 * auto-numbered field is the server's to fill on save: read-only, and never required of the writer.
 */
export function fieldStateOf(placed: PlacedField, gateVisible: (nodeId: string) => boolean, condition: (kind: 'required' | 'readonly') => boolean): FieldState {
  const visible = placed.gates.every(gateVisible);
  return {
    visible,
    required: visible && !isAutoNumbered(placed.field) && (placed.field.required === true || condition('required')),
    readonly: placed.node.value !== undefined || isAutoNumbered(placed.field) || condition('readonly'),
  };
}

export function sameState(a: FieldState | undefined, b: FieldState): boolean {
  return a !== undefined && a.visible === b.visible && a.required === b.required && a.readonly === b.readonly;
}
