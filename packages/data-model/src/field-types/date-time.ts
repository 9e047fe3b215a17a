/** Calendar dates and UTC date-times as ISO 8601 strings. Nothing here reads the clock. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** `YYYY-MM-DD` naming a real calendar date (2024-02-29 yes, 2023-02-29 no). */
export function isIsoDate(s: string): boolean {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * An ISO 8601 date-time with `Z` or an offset (`+08:00`, `+0800`); seconds and fractional
 * seconds optional. Returns the instant in UTC as `YYYY-MM-DDTHH:mm:ss.sssZ`, or undefined when
 * the text is not such a date-time or names an impossible date or time. Fractional seconds
 * beyond milliseconds are truncated.
 */
export function canonicalDatetime(input: string): string | undefined {
  if (typeof input !== 'string') return undefined;
  const m = ISO_DATETIME.exec(input);
  if (!m) return undefined;
  const [, date = '', hh = '', mi = '', ss = '00', fraction = '', sign, oh = '00', om = '00'] = m;
  if (!isIsoDate(date)) return undefined;
  const hour = Number(hh);
  const minute = Number(mi);
  const second = Number(ss);
  const offsetHours = Number(oh);
  const offsetMinutes = Number(om);
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const millis = Number(fraction.padEnd(3, '0').slice(0, 3));
  const local = new Date(0);
  local.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  local.setUTCHours(hour, minute, second, millis);
  const offset = (sign === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  const iso = new Date(local.getTime() - (sign === undefined ? 0 : offset)).toISOString();
  // An offset can push 0000-01-01 or 9999-12-31 out of the four-digit years.
  return /^\d{4}-/.test(iso) ? iso : undefined;
}

/** True when `s` is already in the canonical UTC form `canonicalDatetime` returns. */
export function isUtcDatetime(s: string): boolean {
  return typeof s === 'string' && canonicalDatetime(s) === s;
}
