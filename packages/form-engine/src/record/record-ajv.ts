import { Ajv, type KeywordDefinition, type SchemaValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { compareDecimal, canonicalDecimal, decimalFits } from '../field-types/decimal.js';
import { isIsoDate, isUtcDatetime } from '../field-types/date-time.js';
import { isIsoCurrency } from '../field-types/currency.js';
import { isMainlandMobile } from '../field-types/mobile.js';
import { validateResidentId } from '../field-types/resident-id.js';
import { isJsonValue } from '../field-types/json-value.js';
import type { RecordErrorCode } from './error-codes.js';

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsModule.default;

/** What a custom keyword reports: the error code and the details its message quotes. */
export interface KeywordFailure {
  code: RecordErrorCode;
  [detail: string]: unknown;
}

type Check = (schema: never, data: never) => KeywordFailure[];

function keyword(
  name: string,
  type: 'string' | 'number' | undefined,
  schemaType: 'object' | 'array' | 'boolean',
  check: Check,
): KeywordDefinition {
  const validate: SchemaValidateFunction = (schema: unknown, data: unknown) => {
    const failures = (check as (schema: unknown, data: unknown) => KeywordFailure[])(schema, data);
    validate.errors = failures.map((params) => ({ keyword: name, params, message: params.code }));
    return failures.length === 0;
  };
  return { keyword: name, ...(type ? { type } : {}), schemaType, errors: true, validate };
}

interface DecimalShapeSchema {
  precision: number;
  scale: number;
  min?: string;
  max?: string;
}

const decimalShapeKeyword = keyword(
  'decimalShape',
  'string',
  'object',
  (s: DecimalShapeSchema, data: string) => {
    if (canonicalDecimal(data, s.scale) !== data) return [{ code: 'decimal', scale: s.scale }];
    const failures: KeywordFailure[] = [];
    if (!decimalFits(data, s.precision, s.scale)) {
      failures.push({ code: 'decimalPrecision', integerDigits: s.precision - s.scale });
    }
    if (s.min !== undefined && compareDecimal(data, s.min) < 0)
      failures.push({ code: 'minimum', limit: s.min });
    if (s.max !== undefined && compareDecimal(data, s.max) > 0)
      failures.push({ code: 'maximum', limit: s.max });
    return failures;
  },
);

const safeIntegerKeyword = keyword('safeInteger', 'number', 'boolean', (on: boolean, data: number) =>
  on && Number.isInteger(data) && !Number.isSafeInteger(data) ? [{ code: 'integer' }] : [],
);

const RESIDENT_ID_CODES = {
  format: 'residentIdFormat',
  checksum: 'residentIdChecksum',
  birthDate: 'residentIdBirthDate',
} as const;

const residentIdKeyword = keyword('residentId', 'string', 'object', (s: { today?: string }, data: string) => {
  const result = validateResidentId(data, s.today);
  return result === 'ok' ? [] : [{ code: RESIDENT_ID_CODES[result] }];
});

const allowedCurrenciesKeyword = keyword(
  'allowedCurrencies',
  'string',
  'array',
  (allowed: string[], data: string) =>
    // An unknown code is the `iso-currency` format's to report, not this keyword's.
    isIsoCurrency(data) && !allowed.includes(data)
      ? [{ code: 'currencyNotAllowed', currency: data, allowed }]
      : [],
);

const dateRangeKeyword = keyword(
  'dateRange',
  'string',
  'object',
  (s: { kind: 'date' | 'datetime'; min?: string; max?: string }, data: string) => {
    if (!(s.kind === 'date' ? isIsoDate(data) : isUtcDatetime(data))) return [];
    const failures: KeywordFailure[] = [];
    if (s.min !== undefined && data < s.min) failures.push({ code: 'minimum', limit: s.min });
    if (s.max !== undefined && data > s.max) failures.push({ code: 'maximum', limit: s.max });
    return failures;
  },
);

const jsonValueKeyword = keyword('jsonValue', undefined, 'boolean', (on: boolean, data: unknown) =>
  on && !isJsonValue(data) ? [{ code: 'json' }] : [],
);

/** Custom format name → the error code its failure is reported as. */
export const FORMAT_CODES: Readonly<Record<string, RecordErrorCode>> = {
  email: 'email',
  uri: 'url',
  'mainland-mobile': 'mobile',
  'resident-id': 'residentIdFormat',
  'iso-currency': 'currency',
  'iso-date': 'date',
  'utc-datetime': 'datetime',
};

export const CUSTOM_KEYWORDS: ReadonlySet<string> = new Set([
  'decimalShape',
  'safeInteger',
  'residentId',
  'allowedCurrencies',
  'dateRange',
  'jsonValue',
]);

/** A fresh Ajv with this package's formats and keywords. Never leaves the package. */
export function createRecordAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    // Own properties only: a field keyed `constructor` must not see Object.prototype's.
    ownProperties: true,
    messages: false,
  });
  addFormats(ajv, { formats: ['email', 'uri'], keywords: false });
  ajv.addFormat('mainland-mobile', { type: 'string', validate: isMainlandMobile });
  ajv.addFormat('resident-id', { type: 'string', validate: (s: string) => validateResidentId(s) === 'ok' });
  ajv.addFormat('iso-currency', { type: 'string', validate: (s: string) => isIsoCurrency(s) });
  ajv.addFormat('iso-date', { type: 'string', validate: isIsoDate });
  ajv.addFormat('utc-datetime', { type: 'string', validate: isUtcDatetime });
  for (const definition of [
    decimalShapeKeyword,
    safeIntegerKeyword,
    residentIdKeyword,
    allowedCurrenciesKeyword,
    dateRangeKeyword,
    jsonValueKeyword,
  ]) {
    ajv.addKeyword(definition);
  }
  return ajv;
}
