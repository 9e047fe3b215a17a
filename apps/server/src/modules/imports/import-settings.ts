import type { ImportColumn, ImportMatchRule, ImportSettings } from '@bankforge/client';
import { requestSchema } from '../../platform/request-validation/request-schema.js';
import { ProblemError, type ProblemFieldError } from '../../platform/problem/problem-error.js';
import type { EntityModel } from '../metadata/entity-model.js';
import type { RecordView } from '../records/record-view.js';
import { importableFields, requiredUnmapped } from './import-mapping.js';

export const importSettingsSchema = {
  type: 'object',
  required: ['columns', 'match'],
  additionalProperties: false,
  properties: {
    columns: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        required: ['header', 'field'],
        additionalProperties: false,
        properties: { header: { type: 'string', maxLength: 500 }, field: { anyOf: [{ type: 'string', maxLength: 64 }, { type: 'null' }] } },
      },
    },
    match: {
      type: 'object',
      required: ['field', 'onMatch', 'onNew'],
      additionalProperties: false,
      properties: { field: { type: 'string', maxLength: 64 }, onMatch: { enum: ['update', 'skip'] }, onNew: { enum: ['create', 'skip'] } },
    },
  },
} as const;

export const parseImportSettings = requestSchema<ImportSettings>(importSettingsSchema, 'invalidImportSettings');

/** The fields a row can be matched by: a resident ID or mobile (blind index), or a unique field such as the customer number. */
export function matchableField(model: EntityModel, key: string): boolean {
  const field = model.fieldsByKey.get(key);
  return field !== undefined && (field.type === 'residentId' || field.type === 'mobile' || field.unique === true);
}

/**
 * One problem for each required field no column maps to, named by its label: rows that create
 * records would each fail on it, and the dry run would say so once a row instead of once.
 */
export function requiredNotMapped(model: EntityModel, mapped: ReadonlySet<string>): ProblemFieldError[] {
  return requiredUnmapped(model.definition.fields, mapped).map((field) => ({
    path: '/columns',
    code: 'requiredNotMapped',
    message: `No column maps to ${field.label.en} (required for the records the import creates)`,
    messageZh: `没有列对应${field.label['zh-CN']}（新建记录时必填）`,
  }));
}

/**
 * A mapping and match rule checked against the file and the entity: the file's headers in their
 * order, each mapped to nothing or to a distinct field the importer may write, and a match field
 * that can find a record and is mapped. `view`: the importer's writing view (create or update).
 */
export function checkSettings(settings: ImportSettings, headers: readonly ImportColumn[], model: EntityModel, view: RecordView): { columns: ImportColumn[]; match: ImportMatchRule } {
  const errors: ProblemFieldError[] = [];
  if (settings.columns.length !== headers.length || settings.columns.some((c, i) => c.header !== headers[i]!.header)) {
    errors.push({ path: '/columns', code: 'headersChanged', message: 'the columns must be the file\'s headers, in the file\'s order', messageZh: '列必须是文件的表头，且顺序一致' });
  }
  const importable = new Set(importableFields(model.definition.fields).map((f) => f.key));
  const seen = new Set<string>();
  settings.columns.forEach((column, i) => {
    if (column.field === null) return;
    const path = `/columns/${i}/field`;
    if (!importable.has(column.field)) errors.push({ path, code: 'unknownField', message: `${column.field} is not a field you can import into`, messageZh: `${column.field} 不是可导入的字段` });
    else if (seen.has(column.field)) errors.push({ path, code: 'duplicateField', message: `${column.field} is mapped from two columns`, messageZh: `${column.field} 被映射了两次` });
    else if (!view.fieldView(model.fieldsByKey.get(column.field)!).write) errors.push({ path, code: 'fieldNotPermitted', message: `You may not write ${column.field}`, messageZh: `您不能写入 ${column.field}` });
    seen.add(column.field);
  });
  if (!matchableField(model, settings.match.field)) {
    errors.push({ path: '/match/field', code: 'notMatchable', message: `${settings.match.field} cannot identify a record: choose a resident ID, a mobile or a unique field`, messageZh: `${settings.match.field} 不能用于识别记录：请选择身份证号、手机号或唯一字段` });
  } else if (!seen.has(settings.match.field)) {
    errors.push({ path: '/match/field', code: 'matchNotMapped', message: `no column is mapped to ${settings.match.field}`, messageZh: `没有列映射到 ${settings.match.field}` });
  }
  if (settings.match.onNew === 'create') errors.push(...requiredNotMapped(model, seen));
  if (errors.length > 0) throw ProblemError.invalid('The import mapping is not valid.', errors, 'invalidImportSettings');
  return { columns: settings.columns.map((c) => ({ header: c.header, field: c.field })), match: { ...settings.match } };
}
