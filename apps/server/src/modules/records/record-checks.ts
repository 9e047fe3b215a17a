import { applyFieldDefaults, fillDerivedValues, normalizeRecordValues } from '@bankforge/data-model';
import { evaluateSubmission, type CompiledForm, type FormEvaluationBudget } from '@bankforge/form-engine';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { formProblem } from '../forms/feel-budget.js';
import type { EntityModel } from '../metadata/entity-model.js';
import { auditValue, type RecordView } from './record-view.js';

/**
 * The checks a record write passes before it reaches the database: pure, so an import's worker
 * thread runs them on its rows exactly as the records API runs them on a request.
 */

/** The standard columns, set by the server, in the order every entity table holds them. */
export const SYSTEM_COLUMNS = ['id', 'created_at', 'created_by', 'updated_at', 'updated_by', 'owner_id', 'version', 'deleted_at'];

/** The body of a create or patch: an object whose keys are fields (system columns are not writable). */
export function recordBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw ProblemError.invalid('The body must be a JSON object of field values.', [{ path: '/', code: 'type', message: 'must be an object' }]);
  }
  const readOnly = Object.keys(body).filter((k) => SYSTEM_COLUMNS.includes(k));
  if (readOnly.length > 0) {
    throw ProblemError.invalid(
      'Standard columns are set by the server.',
      readOnly.map((k) => ({ path: `/${k}`, code: 'readOnlyField', message: `${k} is set by the server` })),
    );
  }
  return body as Record<string, unknown>;
}

/** The form's rules over the stored record and the changes: the changes with computed fields recomputed, or a 422. */
export function obeyForm(rules: CompiledForm, budget: FormEvaluationBudget, stored: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const { errors, values } = evaluateSubmission(rules, { stored, changes }, { budget });
  if (errors.length > 0) throw formProblem(`The ${rules.entity.key} breaks the rules of form ${rules.form.key}: ${errors.length} problem${errors.length > 1 ? 's' : ''}.`, errors);
  return values;
}

/** The entity's own validation (types, required fields, patterns), or a 422 naming each field. */
export function validateRecord(model: EntityModel, values: Record<string, unknown>): void {
  const errors = model.validate(values);
  if (errors.length > 0) {
    throw ProblemError.invalid(
      `The ${model.key} is not valid: ${errors.length} problem${errors.length > 1 ? 's' : ''}.`,
      errors.map((e) => ({ path: e.path, code: e.code, message: e.message, messageZh: e.messageZh })),
    );
  }
}

/** The values a create writes: the actor may write each field sent, and the form's rules and the entity's validation pass. */
export function createValues(
  view: RecordView,
  input: Record<string, unknown>,
  rules: CompiledForm | undefined,
  budget: FormEvaluationBudget,
  fixed: Record<string, unknown> = {},
): Record<string, unknown> {
  const { model } = view;
  view.checkWritable(Object.keys(input));
  const normalized = normalizeRecordValues(model.definition, { ...input, ...fixed });
  // Defaults count as stored values for the form's conditions, but only what was sent can break a hidden/read-only rule.
  const submitted = rules ? obeyForm(rules, budget, applyFieldDefaults(model.definition, {}), normalized) : normalized;
  // A birth date left empty is read from the resident ID.
  const values = fillDerivedValues(model.definition, applyFieldDefaults(model.definition, submitted));
  validateRecord(model, values);
  return values;
}

/** Audit-log form of a record's values: sensitive fields masked, empty ones left out. */
export function auditValues(model: EntityModel, values: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of model.definition.fields) if (values[field.key] !== undefined && values[field.key] !== null) result[field.key] = auditValue(field, values[field.key]);
  return result;
}
