import { isIsoDate } from './date-time.js';

/** ISO 7064 MOD 11-2 weights for the first 17 digits (GB 11643-1999). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character by (weighted sum mod 11). */
const CHECK_CHARACTERS = '10X98765432';
const RESIDENT_ID = /^\d{17}[\dX]$/;
const FIRST_17 = /^\d{17}$/;

export type ResidentIdResult = 'ok' | 'format' | 'checksum' | 'birthDate';

/** The 18th character of a resident ID whose first 17 digits are given. */
export function residentIdCheckCharacter(first17: string): string {
  if (typeof first17 !== 'string' || !FIRST_17.test(first17)) {
    throw new RangeError('residentIdCheckCharacter needs exactly 17 digits');
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/**
 * Checks a PRC resident ID (GB 11643-1999): 17 digits and a digit or upper-case X (`format`),
 * the MOD 11-2 check character (`checksum`), then the birth date at positions 7–14, which must
 * be a real date from 1900-01-01 on and, when `today` (YYYY-MM-DD) is given, not after it
 * (`birthDate`).
 */
export function validateResidentId(s: string, today?: string): ResidentIdResult {
  if (today !== undefined && !isIsoDate(today)) {
    throw new RangeError(`validateResidentId: today must be YYYY-MM-DD, got ${String(today)}`);
  }
  if (typeof s !== 'string' || !RESIDENT_ID.test(s)) return 'format';
  if (residentIdCheckCharacter(s.slice(0, 17)) !== s.charAt(17)) return 'checksum';
  const birth = `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
  if (!isIsoDate(birth) || birth < '1900-01-01' || (today !== undefined && birth > today)) {
    return 'birthDate';
  }
  return 'ok';
}

/**
 * The birth date a resident ID carries (positions 7 to 14) as `YYYY-MM-DD`, or undefined when the
 * text is not a valid resident ID (format, check character and a real date from 1900 on).
 */
export function residentIdBirthDate(s: string): string | undefined {
  if (validateResidentId(s) !== 'ok') return undefined;
  return `${s.slice(6, 10)}-${s.slice(10, 12)}-${s.slice(12, 14)}`;
}
