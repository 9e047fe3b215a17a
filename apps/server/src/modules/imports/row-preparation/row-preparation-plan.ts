import type { EntityDefinition } from '@bankforge/data-model';
import type { ImportColumn, ImportFormat } from '@bankforge/client';
import type { FieldCipherKeys } from '../../../platform/crypto/field-cipher.js';
import { ProblemError, type ProblemFieldError } from '../../../platform/problem/problem-error.js';
import type { EntityAccessSnapshot } from '../../access/access-profile.js';
import type { FormRulesSource } from '../../forms/form-catalog.js';
import type { PreparedImportCreate } from '../../records/import-create.js';
import type { ImportRow } from '../import-rows.js';

/**
 * What an import's worker thread is given to read and prepare a run's rows, as plain data: the
 * entity, the file's column mapping and, when the run creates, the importer's create access, the
 * form's rules and the cipher's keys (the worker checks and encrypts as the records API would).
 */
export interface RowPreparationPlan {
  entity: { definition: EntityDefinition; version: number };
  columns: ImportColumn[];
  matchField: string;
  create?: {
    access: EntityAccessSnapshot;
    rules: FormRulesSource | undefined;
    budget: { steps?: number; milliseconds?: number };
    keys: FieldCipherKeys;
  };
  file: { path: string; format: ImportFormat; from: { rows: number; byte: number } };
  batchRows: number;
}

/** A refusal as plain data: a `ProblemError` does not cross threads as itself. */
export interface ProblemShape {
  status: number;
  code: string;
  detail: string;
  errors?: readonly ProblemFieldError[];
}

/** A prepared row as the worker posts it. */
export type PostedRow = Omit<ImportRow, 'create'> & { create?: PreparedImportCreate | { refused: ProblemShape } };

/** The worker's answer to "next": a batch (empty at the end of the file), or why it stopped. */
export type PreparationAnswer = { rows: PostedRow[] } | { failed: ProblemShape | { system: string } };

export function problemShape(problem: ProblemError): ProblemShape {
  return { status: problem.status, code: problem.code, detail: problem.detail, ...(problem.errors ? { errors: problem.errors } : {}) };
}

export function problemOf(shape: ProblemShape): ProblemError {
  return new ProblemError(shape.status, shape.code, shape.detail, shape.errors);
}
