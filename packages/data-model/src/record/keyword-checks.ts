/**
 * The checks behind this package's custom JSON Schema keywords, as plain functions of (schema
 * value, data). Ajv calls them in Node; a standalone validator module reaches them through its
 * runtime. No Ajv here: this file is part of the browser bundle.
 */
import { compareDecimal, canonicalDecimal, decimalFits } from '../field-types/decimal.js';
import { isIsoDate, isUtcDatetime } from '../field-types/date-time.js';
import { isIsoCurrency } from '../field-types/currency.js';
import { validateResidentId } from '../field-types/resident-id.js';
import { isJsonValue } from '../field-types/json-value.js';
import type { RecordErrorCode } from './error-codes.js';

/** What a custom keyword reports: the error code and the details its message quotes. */
export interface KeywordFailure {
  code: RecordErrorCode;
  [detail: string]: unknown;
}

/** A keyword's check: every failure of `data` against the keyword's schema value, or `[]`. */
export type KeywordCheck = (schema: never, data: never) => KeywordFailure[];

interface DecimalShapeSchema {
  precision: number;
  scale: number;
  min?: string;
  max?: string;
}

function decimalShape(s: DecimalShapeSchema, data: string): KeywordFailure[] {
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
}

function safeInteger(on: boolean, data: number): KeywordFailure[] {
  return on && Number.isInteger(data) && !Number.isSafeInteger(data) ? [{ code: 'integer' }] : [];
}

const RESIDENT_ID_CODES = {
  format: 'residentIdFormat',
  checksum: 'residentIdChecksum',
  birthDate: 'residentIdBirthDate',
} as const;

function residentId(s: { today?: string }, data: string): KeywordFailure[] {
  const result = validateResidentId(data, s.today);
  return result === 'ok' ? [] : [{ code: RESIDENT_ID_CODES[result] }];
}

function allowedCurrencies(allowed: string[], data: string): KeywordFailure[] {
  // An unknown code is the `iso-currency` format's to report, not this keyword's.
  return isIsoCurrency(data) && !allowed.includes(data)
    ? [{ code: 'currencyNotAllowed', currency: data, allowed }]
    : [];
}

function dateRange(
  s: { kind: 'date' | 'datetime'; min?: string; max?: string },
  data: string,
): KeywordFailure[] {
  if (!(s.kind === 'date' ? isIsoDate(data) : isUtcDatetime(data))) return [];
  const failures: KeywordFailure[] = [];
  if (s.min !== undefined && data < s.min) failures.push({ code: 'minimum', limit: s.min });
  if (s.max !== undefined && data > s.max) failures.push({ code: 'maximum', limit: s.max });
  return failures;
}

function jsonValue(on: boolean, data: unknown): KeywordFailure[] {
  return on && !isJsonValue(data) ? [{ code: 'json' }] : [];
}

/** The checks by keyword name. */
export const KEYWORD_CHECKS = {
  decimalShape,
  safeInteger,
  residentId,
  allowedCurrencies,
  dateRange,
  jsonValue,
} as const satisfies Record<string, KeywordCheck>;

export type RecordKeyword = keyof typeof KEYWORD_CHECKS;

export const CUSTOM_KEYWORDS: ReadonlySet<string> = new Set(Object.keys(KEYWORD_CHECKS));
