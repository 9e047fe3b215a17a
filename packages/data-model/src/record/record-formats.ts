/**
 * The string formats record schemas use, as Ajv takes them (a pattern or a predicate). Ajv uses
 * them in Node; a standalone validator module reaches the predicates through its runtime. No
 * Ajv here: this file is part of the browser bundle.
 */
import { isIsoDate, isUtcDatetime } from '../field-types/date-time.js';
import { isIsoCurrency } from '../field-types/currency.js';
import { isMainlandMobile } from '../field-types/mobile.js';
import { validateResidentId } from '../field-types/resident-id.js';
import type { RecordErrorCode } from './error-codes.js';

export type RecordFormat = RegExp | ((text: string) => boolean);

// `email` and `uri` are ajv-formats' "full" formats (MIT, © Evgeny Poberezkin), copied so that the
// browser does not load ajv-formats, whose entry point pulls in Ajv's compiler. A test keeps
// them equal to the originals.
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const NOT_URI_FRAGMENT = /\/|:/;
const URI =
  /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

function isUri(text: string): boolean {
  return NOT_URI_FRAGMENT.test(text) && URI.test(text);
}

export const RECORD_FORMATS = {
  email: EMAIL,
  uri: isUri,
  'mainland-mobile': isMainlandMobile,
  'resident-id': (text: string) => validateResidentId(text) === 'ok',
  'iso-currency': (text: string) => isIsoCurrency(text),
  'iso-date': isIsoDate,
  'utc-datetime': isUtcDatetime,
} as const satisfies Record<string, RecordFormat>;

export type RecordFormatName = keyof typeof RECORD_FORMATS;

/** Format name → the error code its failure is reported as. */
export const FORMAT_CODES: Readonly<Partial<Record<string, RecordErrorCode>>> = {
  email: 'email',
  uri: 'url',
  'mainland-mobile': 'mobile',
  'resident-id': 'residentIdFormat',
  'iso-currency': 'currency',
  'iso-date': 'date',
  'utc-datetime': 'datetime',
} satisfies Record<RecordFormatName, RecordErrorCode>;
