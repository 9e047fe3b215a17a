import { normalizeFieldValue, type FieldDefinition } from '@bankforge/data-model';
import type { ImportColumn, ImportProblem } from '@bankforge/client';
import type { EntityModel } from '../metadata/entity-model.js';
import type { PreparedImportCreate } from '../records/import-create.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { cellToValue } from './import-cells.js';
import type { SourceRow } from './import-file.js';

/** A data row read as field values: only the cells that hold something (an empty cell changes nothing). */
export interface ImportRow {
  number: number;
  byteEnd: number;
  values: Record<string, unknown>;
  /** The match field's canonical value, or undefined when the row has none. */
  matchValue: string | undefined;
  /** The row's create checked and encoded ahead of its batch (or why it is refused), when the run creates. */
  create?: PreparedImportCreate | ProblemError;
}

/** Which column fills which field, resolved once per run. */
export interface ColumnPlan {
  columns: { index: number; field: FieldDefinition }[];
  match: FieldDefinition;
}

export function columnPlan(model: EntityModel, columns: readonly ImportColumn[], matchField: string): ColumnPlan {
  const plan: ColumnPlan['columns'] = [];
  columns.forEach((column, index) => {
    const field = column.field === null ? undefined : model.fieldsByKey.get(column.field);
    if (field) plan.push({ index, field });
  });
  return { columns: plan, match: model.fieldsByKey.get(matchField)! };
}

export function importRow(plan: ColumnPlan, source: SourceRow): ImportRow {
  const values: Record<string, unknown> = {};
  for (const { index, field } of plan.columns) {
    const value = cellToValue(field, source.cells[index] ?? null);
    if (value !== null) values[field.key] = value;
  }
  const match = values[plan.match.key];
  const canonical = match === undefined ? undefined : normalizeFieldValue(plan.match, match);
  return { number: source.number, byteEnd: source.byteEnd, values, matchValue: typeof canonical === 'string' && canonical !== '' ? canonical : canonical === undefined || canonical === null ? undefined : String(canonical) };
}

/** Chinese for the refusals the records layer words in English only. */
const ZH: Record<string, (field: string) => string> = {
  unique: (field) => `${field} 已被其他记录使用，必须唯一`,
  uniqueViolation: () => '唯一字段的值已被其他记录使用',
  reference: (field) => `${field} 引用的记录不存在`,
  forbidden: () => '您的角色不允许此操作',
  fieldNotPermitted: (field) => `您不能写入 ${field}`,
  recordNotFound: () => '记录不存在',
  recordDeleted: () => '记录已删除',
};

/**
 * A row's problems from a refused write: the validators' field errors (which name fields and rules,
 * never the value), or the refusal itself. Undefined for an error that is not about the row.
 */
export function rowProblems(row: number, error: unknown): ImportProblem[] | undefined {
  if (!(error instanceof ProblemError)) return undefined;
  if (error.errors && error.errors.length > 0) {
    return error.errors.map((e) => ({ row, path: e.path, code: e.code, message: e.message, messageZh: e.messageZh ?? ZH[e.code]?.(e.path.slice(1)) ?? e.message }));
  }
  return [{ row, path: '/', code: error.code, message: error.detail, messageZh: ZH[error.code]?.('') ?? error.detail }];
}
