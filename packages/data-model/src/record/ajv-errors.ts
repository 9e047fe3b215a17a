/**
 * Ajv's errors → FieldErrors. No Ajv import here (its error shape is restated below): standalone
 * validators run this in the browser.
 */
import type { FieldDefinition, FieldError } from '../entity/entity-definition.js';
import { escapePointerToken, pointerTokens, valueAt } from '../json-pointer/json-pointer.js';
import type { RecordErrorCode } from './error-codes.js';
import { CUSTOM_KEYWORDS } from './keyword-checks.js';
import { recordMessage, type MessageDetail } from './messages.js';
import { FORMAT_CODES } from './record-formats.js';

/** An Ajv error as the conversion reads it (Ajv's `SchemaError` fits). */
export interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** What the conversion needs to know of a field: enough to pick the code and word the message. */
export type ErrorField = Pick<FieldDefinition, 'key' | 'type' | 'label' | 'required' | 'patternHint'>;

/** The fields of an entity as the conversion reads them. */
export function errorFields(fields: readonly FieldDefinition[]): ErrorField[] {
  return fields.map(({ key, type, label, required, patternHint }) => ({
    key,
    type,
    label,
    ...(required ? { required } : {}),
    ...(patternHint ? { patternHint } : {}),
  }));
}

interface Located {
  path: string;
  code: RecordErrorCode;
  detail: MessageDetail;
  field: ErrorField | undefined;
}

function errorPath(error: SchemaError): string {
  const params = error.params;
  switch (error.keyword) {
    case 'required':
      return `${error.instancePath}/${escapePointerToken(String(params.missingProperty))}`;
    case 'additionalProperties':
      return `${error.instancePath}/${escapePointerToken(String(params.additionalProperty))}`;
    case 'uniqueItems':
      // i and j are the two positions holding the same value: point at the later one.
      return `${error.instancePath}/${Math.max(Number(params.i), Number(params.j))}`;
    default:
      return error.instancePath;
  }
}

function codeFor(error: SchemaError, field: ErrorField, value: unknown, depth: number): RecordErrorCode {
  const params = error.params;
  if (CUSTOM_KEYWORDS.has(error.keyword)) return params.code as RecordErrorCode;
  switch (error.keyword) {
    case 'required':
    case 'not':
    case 'minItems':
      return 'required';
    case 'additionalProperties':
      return 'unknownField';
    case 'type':
      if (value === null && field.required && depth === 1) return 'required';
      if (field.type === 'integer' && typeof value === 'number') return 'integer';
      return 'type';
    case 'enum':
    case 'uniqueItems':
      return 'option';
    case 'format':
      return FORMAT_CODES[String(params.format)] ?? 'type';
    case 'pattern':
      if (field.type === 'url') return 'url';
      if (field.type === 'reference') return 'reference';
      return 'pattern';
    case 'minLength':
      if (value === '' && field.required) return 'required';
      return field.type === 'reference' ? 'reference' : 'minLength';
    case 'maxLength':
      return field.type === 'reference' ? 'reference' : 'maxLength';
    case 'minimum':
    case 'maximum':
      return error.keyword;
    default:
      return 'type';
  }
}

function detailFor(
  error: SchemaError,
  code: RecordErrorCode,
  field: ErrorField,
  tokens: string[],
): MessageDetail {
  const params = error.params;
  const detail: MessageDetail = CUSTOM_KEYWORDS.has(error.keyword) ? { ...(params as MessageDetail) } : {};
  if (typeof params.limit === 'number') detail.limit = params.limit;
  if (code === 'option' && error.keyword === 'uniqueItems') detail.duplicate = true;
  if (code === 'unknownField') detail.key = tokens.at(-1);
  else if (field.type === 'money' && (tokens[1] === 'amount' || tokens[1] === 'currency'))
    detail.part = tokens[1];
  return detail;
}

function locate(error: SchemaError, fields: ReadonlyMap<string, ErrorField>, values: unknown): Located {
  const path = errorPath(error);
  const tokens = pointerTokens(path);
  const key = tokens[0];
  const field = key === undefined ? undefined : fields.get(key);
  if (field === undefined) {
    // Only a property the entity does not have, or a value that is not an object at all.
    const code = error.keyword === 'additionalProperties' ? 'unknownField' : 'type';
    return { path, code, detail: { key }, field };
  }
  const code = codeFor(error, field, valueAt(values, path), tokens.length);
  return { path, code, detail: detailFor(error, code, field, tokens), field };
}

/** Turns Ajv's errors into FieldErrors: one per (path, code), in the entity's field order. */
export function toFieldErrors(
  errors: readonly SchemaError[],
  fields: ReadonlyMap<string, ErrorField>,
  values: unknown,
): FieldError[] {
  const order = new Map([...fields.keys()].map((key, i) => [key, i]));
  // A value of the wrong type gets that one error; `enum` and the like would only repeat it.
  const mistyped = new Set(errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath));
  const seen = new Set<string>();
  const located: Array<Located & { rank: number }> = [];
  for (const error of errors) {
    if (
      error.keyword !== 'type' &&
      mistyped.has(error.instancePath) &&
      errorPath(error) === error.instancePath
    )
      continue;
    const item = locate(error, fields, values);
    const id = `${item.path}\u0000${item.code}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const key = pointerTokens(item.path)[0];
    located.push({ ...item, rank: (key === undefined ? -1 : order.get(key)) ?? fields.size });
  }
  located.sort((a, b) => a.rank - b.rank);
  // An empty required value is just missing: its format errors would only repeat that.
  const missing = new Set(located.filter((l) => l.code === 'required').map((l) => l.path));
  return located
    .filter((l) => l.code === 'required' || !missing.has(l.path))
    .map(({ path, code, detail, field }) => ({
      path,
      code,
      ...recordMessage(code, field, detail),
    }));
}
