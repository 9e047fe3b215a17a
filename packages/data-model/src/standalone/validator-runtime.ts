/**
 * What a standalone record validator module needs at run time, handed to its default export.
 * Browser-safe: nothing here (or imported from here) loads Ajv's compiler.
 */
import type { RecordTypeCheck } from '../record/type-check.js';
import type { ErrorField } from '../record/ajv-errors.js';
import { linearRegExp, type LinearRegExp } from '../record/field-pattern.js';
import { KEYWORD_CHECKS, type KeywordCheck, type RecordKeyword } from '../record/keyword-checks.js';
import { RECORD_FORMATS, type RecordFormat, type RecordFormatName } from '../record/record-formats.js';
import { recordTypeCheck, type SchemaCheck } from '../record/type-check.js';
import { ucs2length } from './ucs2length.js';

export interface ValidatorRuntime {
  /** String length in code points (JSON Schema's minLength/maxLength). */
  readonly ucs2length: (text: string) => number;
  /** The formats the record schemas name. */
  readonly formats: Readonly<Record<RecordFormatName, RecordFormat>>;
  /** Compiles the schema's patterns with RE2, as the server does: linear time, the same answers. */
  readonly regExp: (pattern: string, flags: string) => LinearRegExp;
  /** The checks of the custom keywords (decimals, resident IDs, currencies, date ranges, JSON values). */
  readonly keywords: Readonly<Record<RecordKeyword, KeywordCheck>>;
  /** Turns the module's compiled schema and field list into the check the form model uses. */
  readonly recordTypeCheck: (validate: SchemaCheck, fields: readonly ErrorField[]) => RecordTypeCheck;
}

// Frozen: validator modules share one runtime, so none may swap a check the others use.
export const validatorRuntime: ValidatorRuntime = Object.freeze({
  ucs2length,
  formats: Object.freeze({ ...RECORD_FORMATS }),
  regExp: linearRegExp,
  keywords: Object.freeze({ ...KEYWORD_CHECKS }),
  recordTypeCheck,
});

/** A loaded standalone validator module (`await import(url)` of a URL the server gives). */
export interface ValidatorModule {
  default: (runtime: ValidatorRuntime) => RecordTypeCheck;
}

/** The record type check a standalone validator module provides. */
export function loadTypeCheck(module: ValidatorModule): RecordTypeCheck {
  if (typeof module.default !== 'function') {
    throw new TypeError('Not a validator module: its default export is not a function');
  }
  const check = module.default(validatorRuntime);
  if (typeof check !== 'function') throw new TypeError('The validator module did not return a check');
  return check;
}
