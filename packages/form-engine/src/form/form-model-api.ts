/**
 * The contract of the form model (implemented in `form-model.ts`), shared by the React renderer,
 * the runtime, the designer's preview and the server's write validation.
 */
import type { EntityDefinition, FieldError, RecordTypeCheck } from '@bankforge/data-model';
import type { FieldState, FormDefinition } from './form-definition.js';

/** Record values keyed by field key; a repeating group's rows sit under the group's `key`. */
export type FormValues = Record<string, unknown>;


export interface FormModelOptions {
  /** Type checks per entity key (the form's entity and each repeating group's entity). Absent: no type checks. */
  typeChecks?: Readonly<Record<string, RecordTypeCheck>>;
  /** The current date and time (ISO 8601 with zone) for FEEL's `now()` and `today()`. */
  now?: string;
  /** Limits on the FEEL the model runs; a rule stopped by them is an `expressionBudgetExceeded` error. */
  budget?: FormEvaluationBudget;
}

/**
 * Limits on FEEL evaluation. `steps` bounds each expression (the engine's default is 1,000,000).
 * `milliseconds` bounds all the evaluations of one model operation (building the model, one
 * change), measured with `clock` (e.g. `performance.now`): the engines have no clock of their own.
 */
export interface FormEvaluationBudget {
  steps?: number;
  milliseconds?: number;
  clock?: () => number;
}

/**
 * The result of analysing a form against its entities at publish time: the dependency graph of
 * every expression. `errors` (unknown fields, FEEL syntax errors, dependency cycles naming the
 * fields, misplaced nodes) make the form unpublishable.
 */
export interface CompiledForm {
  readonly form: FormDefinition;
  readonly entity: EntityDefinition;
  /** Entities of the repeating groups, by key. */
  readonly related: Readonly<Record<string, EntityDefinition>>;
  readonly errors: readonly FieldError[];
  /** What publishing should warn of without refusing: expressions the evaluation budget will stop (`expressionBudgetRisk`). */
  readonly warnings?: readonly FieldError[];
}

/** A snapshot of the form's state: a new object after every change (fit for `useSyncExternalStore`). */
export interface FormState {
  /** Current values, computed fields included. */
  readonly values: FormValues;
  /**
   * Per field: keyed by JSON Pointer into the values (`/employer`, `/contacts/0/phone`).
   * Every placed field has an entry; rows of a repeating group have one per cell.
   */
  readonly fields: Readonly<Record<string, FieldState>>;
  /** Per layout node id (sections, tabs, columns, groups, fields): whether it is shown. */
  readonly nodes: Readonly<Record<string, boolean>>;
  /** Current errors, paths as JSON Pointers into the values; cross-field messages on their field (or `''`). */
  readonly errors: readonly FieldError[];
}
