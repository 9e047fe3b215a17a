import type { CompiledForm, FormEvaluationBudget } from '@bankforge/form-engine';
import type { FieldCipher } from '../../platform/crypto/field-cipher.js';
import type { SqlValue } from '../../platform/database/database.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { canonicalJson } from '../audit/canonical-json.js';
import { recordChanges } from '../events/domain-events.js';
import type { EntityModel } from '../metadata/entity-model.js';
import { fieldColumnValues } from '../metadata/record-codec.js';
import { auditValues, createValues, recordBody } from './record-checks.js';
import type { RecordView } from './record-view.js';

/** An imported row's create, checked and encoded: its values, its columns after the system's, its audit detail and event changes. */
export interface PreparedImportCreate {
  values: Record<string, unknown>;
  columns: SqlValue[];
  /** The audit entry's detail and the domain event's changes, rendered as the entry and the event store them. */
  auditDetail: string;
  renderedChanges: string;
}

/** What checking an imported row's create needs: the importer's create view, the form's rules and the cipher. */
export interface ImportCreateChecks {
  view: RecordView;
  rules: CompiledForm | undefined;
  budget: FormEvaluationBudget;
  cipher: FieldCipher;
}

/**
 * An imported row's create checked as a create through the API is (field rules, the form's rules,
 * the entity's validation) and encoded: plain computation, done ahead of the row's batch (in the
 * import's worker thread). Answers the problem that refuses it instead of throwing it.
 */
export function prepareImportCreate(checks: ImportCreateChecks, input: Record<string, unknown>): PreparedImportCreate | ProblemError {
  try {
    return encodeImportCreate(checks.view.model, createValues(checks.view, recordBody(input), checks.rules, checks.budget), checks.cipher);
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
}

/** A create's checked values as the batch writes them: columns (encrypted where the field is), audit detail and event changes. */
export function encodeImportCreate(model: EntityModel, values: Record<string, unknown>, cipher: FieldCipher): PreparedImportCreate {
  const columns: SqlValue[] = [];
  for (const field of model.definition.fields) columns.push(...fieldColumnValues(field, values[field.key], cipher));
  return { values, columns, auditDetail: canonicalJson({ values: auditValues(model, values) }), renderedChanges: JSON.stringify(recordChanges(model.definition, null, values)) };
}
