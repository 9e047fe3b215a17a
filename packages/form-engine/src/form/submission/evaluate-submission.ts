/**
 * The server's check of a record write against a form: the same model the browser ran, over the
 * stored record with the changes applied, so a crafted request cannot skip a rule the UI enforces.
 */
import type { FieldError } from '@bankforge/data-model';
import { planOf } from '../compile/plan-of.js';
import { FormModel } from '../form-model.js';
import type { CompiledForm, FormModelOptions, FormValues } from '../form-model-api.js';
import { fieldHiddenError, fieldReadonlyError, isBudgetExceededError } from '../model/model-errors.js';
import { sameValue } from '../values/feel-values.js';

export interface Submission {
  /** The record as stored (null on create; the server may pass the entity's defaults instead). */
  readonly stored: FormValues | null;
  /** The field values the request sets. */
  readonly changes: FormValues;
}

export interface SubmissionResult {
  readonly errors: readonly FieldError[];
  /** The changes with every computed field recomputed (repeating groups left out). */
  readonly values: FormValues;
}

function withoutGroups(values: FormValues, groups: ReadonlySet<string>): FormValues {
  return Object.fromEntries(Object.entries(values).filter(([key]) => !groups.has(key)));
}

const underGroup = (path: string, groups: ReadonlySet<string>): boolean => groups.has(path.split('/')[1] ?? '');

export function evaluateSubmission(compiled: CompiledForm, submission: Submission, options: FormModelOptions = {}): SubmissionResult {
  const plan = planOf(compiled);
  const groups = new Set(plan.groups.keys());
  const stored = withoutGroups(submission.stored ?? {}, groups);
  const changes = withoutGroups(submission.changes, groups);
  const after = new FormModel(compiled, { ...stored, ...changes }, options);
  const checked = after.validate();
  // A rule the budget stopped decides nothing: the write cannot be judged, whatever else holds.
  const stopped = checked.filter(isBudgetExceededError);
  if (stopped.length > 0) return { errors: stopped, values: { ...changes } };
  const before = new FormModel(compiled, stored, options);
  const errors = [...checked.filter((e) => !underGroup(e.path, groups)), ...before.state.errors.filter(isBudgetExceededError)];

  for (const [key, value] of Object.entries(changes)) {
    const placed = plan.fields.get(key);
    if (placed === undefined || placed.node.value !== undefined) continue;
    const pointer = `/${key}`;
    const state = after.state.fields[pointer];
    if (state?.visible === false && value !== null && value !== undefined) errors.push(fieldHiddenError(pointer));
    // read-only both before and after the change: no order of edits in the form could have set it
    else if (state?.readonly && before.state.fields[pointer]?.readonly && !sameValue(value, stored[key])) errors.push(fieldReadonlyError(pointer));
  }

  const values: FormValues = { ...changes };
  for (const key of plan.computed.keys()) values[key] = after.state.values[key] ?? null;
  return { errors, values };
}
