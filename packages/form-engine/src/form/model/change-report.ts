import type { Rule } from '../compile/form-plan.js';

/** What one change did, so the model refreshes only the errors and states it touched. */
export interface ChangeReport {
  /** Pointers of fields whose condition results changed or whose value was set. */
  readonly touched: Set<string>;
  /** Pointers of fields whose FieldState changed. */
  readonly states: Set<string>;
  /** Pointers of computed fields whose value changed. */
  readonly computed: Set<string>;
  /** Validation rules that ran. */
  readonly validations: Set<Rule>;
  /** A visibility condition changed (or rows came or went): every state is recomputed. */
  visibility: boolean;
}

export function newReport(): ChangeReport {
  return { touched: new Set(), states: new Set(), computed: new Set(), validations: new Set(), visibility: false };
}
