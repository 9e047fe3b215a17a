import { FIELD_TYPES, SYSTEM_FIELDS, type FieldError, type FieldType } from './entity-definition.js';
import { definitionError } from './definition-errors.js';
import { NOT_INDEXABLE_TYPES, optionApplies, TYPE_OPTION_TYPES } from './type-options.js';
import { pointer } from '../json-pointer/json-pointer.js';
import { canonicalDecimal, compareDecimal, decimalFits } from '../field-types/decimal.js';
import { canonicalDatetime, isIsoDate } from '../field-types/date-time.js';
import { isIsoCurrency } from '../field-types/currency.js';
import { fieldPatternProblem } from '../record/field-pattern.js';
import { numberingProblem } from '../field-types/auto-number.js';
import {
  MAX_TEXT_LENGTH,
  decimalShape,
  moneyCurrencyColumn,
  blindIndexColumn,
  stringLength,
} from '../field-types/column-shape.js';

/** A field definition as found in an unchecked document: any property may be anything. */
export type RawField = Record<string, unknown>;

const DECIMAL_TYPES: readonly FieldType[] = ['decimal', 'money', 'percentage'];
const MAX_LENGTH_CAPS: Partial<Record<FieldType, number>> = {
  text: MAX_TEXT_LENGTH,
  email: stringLength({ type: 'email' }),
  url: stringLength({ type: 'url' }),
};
const MAX_PRECISION = 30;

export function fieldType(field: RawField): FieldType | undefined {
  return FIELD_TYPES.find((t) => t === field.type);
}

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}

interface Context {
  field: RawField;
  type: FieldType;
  at: (...tokens: Array<string | number>) => string;
  fieldKey: string | undefined;
  errors: FieldError[];
}

function checkApplicable(c: Context): void {
  for (const [name, types] of Object.entries(TYPE_OPTION_TYPES)) {
    // `sensitive: false` says nothing, so it applies to anything.
    if (c.field[name] !== undefined && c.field[name] !== false && !types.includes(c.type)) {
      c.errors.push(definitionError(c.at(name), 'notApplicable', { name, type: c.type, field: c.fieldKey }));
    }
  }
  for (const name of ['unique', 'indexed']) {
    if (c.field[name] === true && NOT_INDEXABLE_TYPES.includes(c.type)) {
      c.errors.push(definitionError(c.at(name), 'notIndexable', { name, type: c.type, field: c.fieldKey }));
    }
  }
}

function checkOptions(c: Context): void {
  if (c.type !== 'singleSelect' && c.type !== 'multiSelect') return;
  const options = c.field.options;
  if (options === undefined || (Array.isArray(options) && options.length === 0)) {
    c.errors.push(definitionError(c.at('options'), 'optionsRequired', { type: c.type, field: c.fieldKey }));
    return;
  }
  if (!Array.isArray(options)) return;
  const seen = new Set<string>();
  options.forEach((option: unknown, j) => {
    const value = (option as { value?: unknown } | null)?.value;
    if (typeof value !== 'string') return;
    if (seen.has(value)) {
      c.errors.push(
        definitionError(c.at('options', j, 'value'), 'duplicateOption', { value, field: c.fieldKey }),
      );
    }
    seen.add(value);
  });
}

function checkReference(c: Context): void {
  if (c.type === 'reference' && c.field.reference === undefined) {
    c.errors.push(definitionError(c.at('reference'), 'referenceRequired', { field: c.fieldKey }));
  }
}

function checkPattern(c: Context): void {
  const pattern = c.field.pattern;
  if (c.type !== 'text' || typeof pattern !== 'string') return;
  // Refused here, on save and publish, rather than when a record is written: records run the
  // pattern in RE2 (linear time), which cannot run lookaround or back-references.
  const problem = fieldPatternProblem(pattern);
  if (problem !== null) {
    c.errors.push(definitionError(c.at('pattern'), 'invalidPattern', { value: pattern, field: c.fieldKey, reason: problem }));
  }
}

/**
 * An auto-numbered field: a usable numbering pattern, unique (the database's index backs the
 * counter), and no default (the server assigns every value).
 */
function checkNumbering(c: Context): void {
  if (c.type !== 'autoNumber') return;
  const numbering = c.field.numbering;
  if (numbering === undefined) c.errors.push(definitionError(c.at('numbering'), 'numberingRequired', { field: c.fieldKey }));
  else if (typeof numbering === 'string') {
    const problem = numberingProblem(numbering);
    if (problem !== null) c.errors.push(definitionError(c.at('numbering'), 'invalidNumbering', { value: numbering, field: c.fieldKey, reason: problem }));
  }
  if (c.field.unique !== true) c.errors.push(definitionError(c.at('unique'), 'autoNumberUnique', { field: c.fieldKey }));
  if (c.field.default !== undefined) c.errors.push(definitionError(c.at('default'), 'notApplicable', { name: 'default', type: c.type, field: c.fieldKey }));
}

function checkLengths(c: Context): void {
  const { minLength, maxLength } = c.field;
  const cap = MAX_LENGTH_CAPS[c.type];
  if (isInt(maxLength) && cap !== undefined && maxLength > cap) {
    c.errors.push(
      definitionError(c.at('maxLength'), 'maxLengthTooLarge', {
        limit: cap,
        type: c.type,
        field: c.fieldKey,
      }),
    );
    return;
  }
  if (!isInt(minLength) || !optionApplies('minLength', c.type)) return;
  // Without maxLength: the column's own length (text 255, email 254, url 2048); longText has none.
  const effectiveMax = isInt(maxLength)
    ? maxLength
    : c.type === 'longText'
      ? undefined
      : stringLength({ type: c.type });
  if (effectiveMax !== undefined && minLength > effectiveMax) {
    c.errors.push(
      definitionError(c.at('minLength'), 'lengthRange', {
        value: minLength,
        limit: effectiveMax,
        field: c.fieldKey,
      }),
    );
  }
}

/** The field's DECIMAL shape, or undefined (and an error) when precision or scale is out of range. */
function checkDecimalShape(c: Context): { precision: number; scale: number } | undefined {
  if (!DECIMAL_TYPES.includes(c.type)) return undefined;
  const { precision, scale } = c.field;
  if ((precision !== undefined && !isInt(precision)) || (scale !== undefined && !isInt(scale)))
    return undefined;
  const shape = decimalShape({ type: c.type, precision, scale });
  if (shape.precision < 1 || shape.precision > MAX_PRECISION) {
    c.errors.push(definitionError(c.at('precision'), 'precision', { field: c.fieldKey }));
    return undefined;
  }
  if (shape.scale < 0 || shape.scale > shape.precision) {
    const at = scale === undefined ? c.at('precision') : c.at('scale');
    c.errors.push(definitionError(at, 'scale', { limit: shape.precision, field: c.fieldKey }));
    return undefined;
  }
  return shape;
}

/** A bound as a comparable string (decimal text, date or UTC date-time), or undefined if invalid. */
function boundValue(
  c: Context,
  bound: unknown,
  shape: { precision: number; scale: number } | undefined,
): string | undefined {
  switch (c.type) {
    case 'integer': {
      const n = typeof bound === 'string' && /^[+-]?\d+$/.test(bound.trim()) ? Number(bound) : bound;
      return typeof n === 'number' && Number.isSafeInteger(n) ? String(n) : undefined;
    }
    case 'decimal':
    case 'money':
    case 'percentage': {
      if (!shape || (typeof bound !== 'number' && typeof bound !== 'string')) return undefined;
      const text = canonicalDecimal(bound, shape.scale);
      return text !== undefined && decimalFits(text, shape.precision, shape.scale) ? text : undefined;
    }
    case 'date':
      return typeof bound === 'string' && isIsoDate(bound) ? bound : undefined;
    case 'datetime':
      return typeof bound === 'string' ? canonicalDatetime(bound) : undefined;
    default:
      return undefined;
  }
}

function checkBounds(c: Context, shape: { precision: number; scale: number } | undefined): void {
  if (!optionApplies('min', c.type)) return;
  if (DECIMAL_TYPES.includes(c.type) && shape === undefined) return;
  const values: Array<string | undefined> = [];
  for (const name of ['min', 'max'] as const) {
    const bound = c.field[name];
    if (bound === undefined || (typeof bound !== 'number' && typeof bound !== 'string')) {
      values.push(undefined);
      continue;
    }
    const value = boundValue(c, bound, shape);
    if (value === undefined)
      c.errors.push(definitionError(c.at(name), 'invalidBound', { name, type: c.type, field: c.fieldKey }));
    values.push(value);
  }
  const [min, max] = values;
  if (min === undefined || max === undefined) return;
  const inverted = c.type === 'date' || c.type === 'datetime' ? min > max : compareDecimal(min, max) > 0;
  if (inverted)
    c.errors.push(definitionError(c.at('min'), 'boundRange', { value: min, limit: max, field: c.fieldKey }));
}

function checkCurrencies(c: Context): void {
  const currencies = c.field.currencies;
  if (c.type !== 'money' || !Array.isArray(currencies)) return;
  currencies.forEach((code: unknown, j) => {
    // Codes that are not three capitals are the schema's to report.
    if (typeof code === 'string' && /^[A-Z]{3}$/.test(code) && !isIsoCurrency(code)) {
      c.errors.push(definitionError(c.at('currencies', j), 'currency', { value: code, field: c.fieldKey }));
    }
  });
}

/** The rules for one field on its own. */
export function checkField(field: RawField, index: number): FieldError[] {
  const type = fieldType(field);
  if (type === undefined) return [];
  const c: Context = {
    field,
    type,
    at: (...tokens) => pointer('fields', index, ...tokens),
    fieldKey: typeof field.key === 'string' ? field.key : undefined,
    errors: [],
  };
  checkApplicable(c);
  checkOptions(c);
  checkReference(c);
  checkPattern(c);
  checkNumbering(c);
  checkLengths(c);
  checkBounds(c, checkDecimalShape(c));
  checkCurrencies(c);
  return c.errors;
}

/** The rules across fields: reserved and duplicate keys and ids, money currency columns. */
export function checkFieldSet(fields: readonly RawField[]): FieldError[] {
  const errors: FieldError[] = [];
  const keys = new Set<string>();
  const ids = new Set<string>();
  const allKeys = new Set(fields.map((f) => f.key).filter((k): k is string => typeof k === 'string'));
  fields.forEach((field, i) => {
    const key = typeof field.key === 'string' ? field.key : undefined;
    if (key !== undefined) {
      if ((SYSTEM_FIELDS as readonly string[]).includes(key)) {
        errors.push(definitionError(pointer('fields', i, 'key'), 'reservedKey', { value: key }));
      } else if (keys.has(key)) {
        errors.push(definitionError(pointer('fields', i, 'key'), 'duplicateKey', { value: key }));
      }
      keys.add(key);
      if (typeof field.derivedFrom === 'string' && (field.derivedFrom === key || !allKeys.has(field.derivedFrom))) {
        errors.push(definitionError(pointer('fields', i, 'derivedFrom'), 'unknownSourceField', { value: field.derivedFrom, field: key }));
      }
      if (field.sensitive === true && allKeys.has(blindIndexColumn(key))) {
        errors.push(definitionError(pointer('fields', i, 'key'), 'blindIndexColumnCollision', { value: blindIndexColumn(key), field: key }));
      }
      if (fieldType(field) === 'money' && allKeys.has(moneyCurrencyColumn(key))) {
        errors.push(
          definitionError(pointer('fields', i, 'key'), 'currencyColumnCollision', {
            value: moneyCurrencyColumn(key),
            field: key,
          }),
        );
      }
    }
    if (typeof field.id === 'string') {
      if (ids.has(field.id))
        errors.push(definitionError(pointer('fields', i, 'id'), 'duplicateId', { value: field.id }));
      ids.add(field.id);
    }
  });
  return errors;
}
