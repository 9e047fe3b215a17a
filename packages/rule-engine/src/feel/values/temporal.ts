/**
 * FEEL temporal values: parsing, canonical formatting (the output of `string(x)`), calendar
 * arithmetic and instants for comparison. IANA zones are resolved with `Intl.DateTimeFormat`.
 *
 * Instants: a date-time or time with an offset or a zone denotes an instant; one without is a
 * local value. When a local and a zoned value meet in a comparison or a subtraction, the local
 * one is read as UTC (XML Schema's implicit timezone, taken as `Z`): deterministic, and never
 * dependent on the machine's clock or zone.
 */
import {
  DaysTimeDuration,
  FeelDate,
  FeelDateTime,
  FeelDecimal,
  FeelTime,
  YearsMonthsDuration,
  type FeelNumber,
} from './feel-value.js';

export const MIN_YEAR = -999_999_999;
export const MAX_YEAR = 999_999_999;
const SECONDS_PER_DAY = 86_400;
const ZERO = new FeelDecimal(0);

// ---------------------------------------------------------------- calendar

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return MONTH_DAYS[month - 1] ?? 0;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (exact for every FEEL year). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The date `days` after 1970-01-01. */
export function civilFromDays(days: number): FeelDate {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return new FeelDate(year, month, day);
}

export function epochDay(date: FeelDate): number {
  return daysFromCivil(date.year, date.month, date.day);
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Adds months, clamping the day to the month's end (`2021-01-31` + `P1M` = `2021-02-28`). */
export function addMonthsToDate(date: FeelDate, months: number): FeelDate | null {
  const total = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  return new FeelDate(year, month, Math.min(date.day, daysInMonth(year, month)));
}

export function addDaysToDate(date: FeelDate, days: number): FeelDate | null {
  const result = civilFromDays(epochDay(date) + days);
  return result.year < MIN_YEAR || result.year > MAX_YEAR ? null : result;
}

/** ISO day of week, 1 = Monday .. 7 = Sunday. */
export function isoDayOfWeek(date: FeelDate): number {
  const d = epochDay(date); // 1970-01-01 was a Thursday (4)
  return ((((d + 3) % 7) + 7) % 7) + 1;
}

export function dayOfYear(date: FeelDate): number {
  return epochDay(date) - daysFromCivil(date.year, 1, 1) + 1;
}

/** ISO 8601 week number (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekOfYear(date: FeelDate): number {
  const thursday = epochDay(date) - isoDayOfWeek(date) + 4;
  const thursdayDate = civilFromDays(thursday);
  return Math.floor((thursday - daysFromCivil(thursdayDate.year, 1, 1)) / 7) + 1;
}

// ---------------------------------------------------------------- zones

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      return null;
    }
    if (formatters.size > 500) formatters.clear();
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** True when `zone` is an IANA zone id the runtime knows. */
export function isValidZone(zone: string): boolean {
  return /^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(zone) && formatterFor(zone) !== null;
}

const offsetCache = new Map<string, number>();
const MAX_EPOCH_SECONDS = 8.64e12;

/** The UTC offset in seconds of `zone` at the instant `epochSeconds` (0 for an unknown zone). */
export function zoneOffsetAt(zone: string, epochSeconds: number): number {
  const clamped = Math.max(-MAX_EPOCH_SECONDS, Math.min(MAX_EPOCH_SECONDS, Math.floor(epochSeconds)));
  const key = `${zone}|${Math.floor(clamped / 60)}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const formatter = formatterFor(zone);
  if (formatter === null) return 0;
  const instantMs = Math.floor(clamped / 60) * 60_000;
  let year = 0;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let bc = false;
  for (const part of formatter.formatToParts(new Date(instantMs))) {
    const n = Number(part.value);
    switch (part.type) {
      case 'year':
        year = n;
        break;
      case 'month':
        month = n;
        break;
      case 'day':
        day = n;
        break;
      case 'hour':
        hour = n;
        break;
      case 'minute':
        minute = n;
        break;
      case 'second':
        second = n;
        break;
      case 'era':
        bc = part.value.startsWith('B');
        break;
      default:
        break;
    }
  }
  if (bc) year = 1 - year;
  const local = daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
  const offset = local - instantMs / 1000;
  if (offsetCache.size > 20_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/**
 * The offset that applies to a local wall-clock time in `zone`. In an overlap (clocks go back)
 * the earlier offset wins; in a gap (clocks go forward) the offset before the transition, which
 * moves the instant forward by the gap (as java.time does).
 */
export function zoneOffsetForLocal(zone: string, localEpochSeconds: number): number {
  const key = `${zone}@${Math.floor(localEpochSeconds / 60)}`;
  let offset = localOffsetCache.get(key);
  if (offset === undefined) {
    offset = resolveLocalOffset(zone, localEpochSeconds);
    if (localOffsetCache.size > 20_000) localOffsetCache.clear();
    localOffsetCache.set(key, offset);
  }
  return offset;
}

const localOffsetCache = new Map<string, number>();

function resolveLocalOffset(zone: string, localEpochSeconds: number): number {
  const before = zoneOffsetAt(zone, localEpochSeconds - SECONDS_PER_DAY);
  const after = zoneOffsetAt(zone, localEpochSeconds + SECONDS_PER_DAY);
  if (before === after) return before;
  if (zoneOffsetAt(zone, localEpochSeconds - before) === before) return before;
  if (zoneOffsetAt(zone, localEpochSeconds - after) === after) return after;
  return before;
}

// ---------------------------------------------------------------- instants

/** Reference date for the offset of a time with an IANA zone (times carry no date). */
const TIME_ZONE_REFERENCE_DAY = 0;

function secondsOfDayWhole(time: FeelTime): number {
  return time.hour * 3600 + time.minute * 60;
}

/** The UTC offset in seconds of a time (local → 0). */
export function timeOffset(time: FeelTime): number {
  if (time.offsetSeconds !== null) return time.offsetSeconds;
  if (time.zone !== null) {
    return zoneOffsetForLocal(time.zone, TIME_ZONE_REFERENCE_DAY * SECONDS_PER_DAY + secondsOfDayWhole(time) + Math.floor(time.second.toNumber()));
  }
  return 0;
}

/** The UTC offset of a date-time in seconds (local → 0, read as UTC). */
export function dateTimeOffset(dt: FeelDateTime): number {
  const t = dt.time;
  if (t.offsetSeconds !== null) return t.offsetSeconds;
  if (t.zone !== null) {
    const local = epochDay(dt.date) * SECONDS_PER_DAY + secondsOfDayWhole(t) + Math.floor(t.second.toNumber());
    return zoneOffsetForLocal(t.zone, local);
  }
  return 0;
}

export function hasZone(time: FeelTime): boolean {
  return time.offsetSeconds !== null || time.zone !== null;
}

const SAFE_DAYS = 100_000_000_000; // |days * 86400| stays below 2^53

function compareSeconds(a: FeelNumber, b: FeelNumber): number {
  if (a.isInteger() && b.isInteger()) {
    const x = a.toNumber();
    const y = b.toNumber();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a.cmp(b);
}

/**
 * Compares two date-times as instants. When one has no time zone, it takes the other's offset
 * (DMN 1.5 Table 80: "if one input has a null timezone offset, that input uses the timezone
 * offset of the other input"); two local ones compare as wall clocks.
 */
export function compareDateTimes(a: FeelDateTime, b: FeelDateTime): -1 | 0 | 1 {
  const za = hasZone(a.time);
  const zb = hasZone(b.time);
  const da = epochDay(a.date);
  const db = epochDay(b.date);
  let oa = 0;
  let ob = 0;
  if (za || zb) {
    oa = za ? dateTimeOffset(a) : dateTimeOffset(b);
    ob = zb ? dateTimeOffset(b) : oa;
  }
  if (Math.abs(da) < SAFE_DAYS && Math.abs(db) < SAFE_DAYS) {
    const wa = da * SECONDS_PER_DAY + secondsOfDayWhole(a.time) - oa;
    const wb = db * SECONDS_PER_DAY + secondsOfDayWhole(b.time) - ob;
    const sa = a.time.second;
    const sb = b.time.second;
    if (sa.isInteger() && sb.isInteger()) {
      const x = wa + sa.toNumber();
      const y = wb + sb.toNumber();
      return x < y ? -1 : x > y ? 1 : 0;
    }
    // Seconds are < 60: the whole parts decide when 60+ apart.
    if (wa - wb >= 60) return 1;
    if (wb - wa >= 60) return -1;
    const c = wa === wb ? sa.cmp(sb) : sa.plus(wa - wb).cmp(sb);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  const c = instantSeconds(a, oa).cmp(instantSeconds(b, ob));
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

/** Seconds since 1970-01-01T00:00:00Z of a date-time with the given offset. */
export function instantSeconds(dt: FeelDateTime, offset: number = dateTimeOffset(dt)): FeelNumber {
  return new FeelDecimal(epochDay(dt.date))
    .times(SECONDS_PER_DAY)
    .plus(secondsOfDayWhole(dt.time) - offset)
    .plus(dt.time.second);
}

/** Seconds since midnight UTC of a time (valuet), not wrapped. */
export function timeValueSeconds(time: FeelTime): FeelNumber {
  return time.second.plus(secondsOfDayWhole(time) - timeOffset(time));
}

function wrapDay(seconds: FeelNumber): FeelNumber {
  const r = seconds.mod(SECONDS_PER_DAY);
  return r.isNegative() && !r.isZero() ? r.plus(SECONDS_PER_DAY) : r;
}

/**
 * Compares two times by their instant on the day (offsets applied, wrapped to 24 hours). A local
 * time takes the other's offset (Table 80), so it compares by its wall clock.
 */
export function compareTimes(a: FeelTime, b: FeelTime): -1 | 0 | 1 {
  const sameOffset = !hasZone(a) || !hasZone(b) || (a.offsetSeconds !== null && a.offsetSeconds === b.offsetSeconds);
  if (sameOffset) {
    const wa = secondsOfDayWhole(a);
    const wb = secondsOfDayWhole(b);
    if (wa !== wb) return wa < wb ? -1 : 1;
    const c = compareSeconds(a.second, b.second);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  const c = wrapDay(timeValueSeconds(a)).cmp(wrapDay(timeValueSeconds(b)));
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

export function compareDates(a: FeelDate, b: FeelDate): -1 | 0 | 1 {
  if (a.year !== b.year) return a.year < b.year ? -1 : 1;
  if (a.month !== b.month) return a.month < b.month ? -1 : 1;
  if (a.day !== b.day) return a.day < b.day ? -1 : 1;
  return 0;
}

/** `is()` identity for times: same fields and same offset or zone (`Z` = `+00:00`). */
export function sameTime(a: FeelTime, b: FeelTime): boolean {
  return (
    a.hour === b.hour &&
    a.minute === b.minute &&
    a.second.eq(b.second) &&
    a.offsetSeconds === b.offsetSeconds &&
    a.zone === b.zone
  );
}

// ---------------------------------------------------------------- arithmetic

/** Builds a date-time from local seconds since 1970-01-01T00:00:00 (wall clock), keeping the zone. */
export function dateTimeFromLocalSeconds(local: FeelNumber, offsetSeconds: number | null, zone: string | null): FeelDateTime | null {
  const days = local.div(SECONDS_PER_DAY).floor();
  const rest = local.minus(days.times(SECONDS_PER_DAY));
  const date = civilFromDays(days.toNumber());
  if (date.year < MIN_YEAR || date.year > MAX_YEAR) return null;
  return new FeelDateTime(date, timeFromSecondsOfDay(rest, offsetSeconds, zone));
}

/** A time from seconds since midnight in [0, 86400). */
export function timeFromSecondsOfDay(seconds: FeelNumber, offsetSeconds: number | null, zone: string | null): FeelTime {
  const whole = seconds.floor().toNumber();
  const hour = Math.floor(whole / 3600);
  const minute = Math.floor((whole - hour * 3600) / 60);
  const second = seconds.minus(hour * 3600 + minute * 60);
  return new FeelTime(hour, minute, second, offsetSeconds, zone);
}

export function localSeconds(dt: FeelDateTime): FeelNumber {
  return new FeelDecimal(epochDay(dt.date)).times(SECONDS_PER_DAY).plus(secondsOfDayWhole(dt.time)).plus(dt.time.second);
}

/** date-time + days-time duration: on the instant line, then back to the value's zone. */
export function addSecondsToDateTime(dt: FeelDateTime, seconds: FeelNumber): FeelDateTime | null {
  const t = dt.time;
  if (t.zone === null) return dateTimeFromLocalSeconds(localSeconds(dt).plus(seconds), t.offsetSeconds, null);
  const instant = instantSeconds(dt).plus(seconds);
  const offset = zoneOffsetAt(t.zone, instant.floor().toNumber());
  return dateTimeFromLocalSeconds(instant.plus(offset), null, t.zone);
}

export function addMonthsToDateTime(dt: FeelDateTime, months: number): FeelDateTime | null {
  const date = addMonthsToDate(dt.date, months);
  return date === null ? null : new FeelDateTime(date, dt.time);
}

export function addSecondsToTime(time: FeelTime, seconds: FeelNumber): FeelTime {
  const total = wrapDay(time.second.plus(secondsOfDayWhole(time)).plus(seconds));
  return timeFromSecondsOfDay(total, time.offsetSeconds, time.zone);
}

/** a − b in seconds (instants when either has a zone, else wall clock). */
export function subtractDateTimes(a: FeelDateTime, b: FeelDateTime): FeelNumber {
  if (!hasZone(a.time) && !hasZone(b.time)) return localSeconds(a).minus(localSeconds(b));
  return instantSeconds(a).minus(instantSeconds(b));
}

export function subtractTimes(a: FeelTime, b: FeelTime): FeelNumber {
  if (!hasZone(a) && !hasZone(b)) return a.second.plus(secondsOfDayWhole(a)).minus(b.second).minus(secondsOfDayWhole(b));
  return timeValueSeconds(a).minus(timeValueSeconds(b));
}

/** Midnight (local) of a date as a date-time. */
export function dateToDateTime(date: FeelDate): FeelDateTime {
  return new FeelDateTime(date, new FeelTime(0, 0, ZERO, null, null));
}

/** Whole months from `from` to `to`, truncated toward zero (dates only, as Period.between). */
export function monthsBetween(from: FeelDate, to: FeelDate): number {
  let months = to.year * 12 + to.month - (from.year * 12 + from.month);
  if (months > 0 && to.day < from.day) months -= 1;
  else if (months < 0 && to.day > from.day) months += 1;
  return months;
}

// ---------------------------------------------------------------- parsing

const DATE_RE = /^(-?\d{4,9})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)(?:([zZ])|([+-])(\d{2}):(\d{2})(?::(\d{2}))?|@(.+))?$/;

export function parseDate(text: string): FeelDate | null {
  const m = DATE_RE.exec(text);
  if (m === null) return null;
  const yearText = m[1] ?? '';
  // Years beyond four digits may not have leading zeros (XML Schema).
  const digits = yearText.startsWith('-') ? yearText.slice(1) : yearText;
  if (digits.length > 4 && digits.startsWith('0')) return null;
  const year = Number(yearText);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidDate(year, month, day) ? new FeelDate(year, month, day) : null;
}

const MAX_OFFSET = 18 * 3600;

export function parseTime(text: string): FeelTime | null {
  const m = TIME_RE.exec(text);
  if (m === null) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  const secondText = m[3] ?? '0';
  if (hour > 23 || minute > 59 || Number(secondText) >= 60) return null;
  let offset: number | null = null;
  let zone: string | null = null;
  if (m[4] !== undefined) offset = 0;
  else if (m[5] !== undefined) {
    const oh = Number(m[6]);
    const om = Number(m[7]);
    const os = m[8] === undefined ? 0 : Number(m[8]);
    if (om > 59 || os > 59) return null;
    offset = (m[5] === '-' ? -1 : 1) * (oh * 3600 + om * 60 + os);
    if (Math.abs(offset) > MAX_OFFSET) return null;
  } else if (m[9] !== undefined) {
    zone = m[9];
    if (!isValidZone(zone)) return null;
  }
  return new FeelTime(hour, minute, new FeelDecimal(secondText), offset, zone);
}

/** `2024-03-01T10:30:00+01:00`, `2024-03-01T10:30:00@Europe/Paris`, or a bare date (midnight). */
export function parseDateTime(text: string): FeelDateTime | null {
  const t = text.indexOf('T');
  if (t < 0) {
    const date = parseDate(text);
    return date === null ? null : dateToDateTime(date);
  }
  const date = parseDate(text.slice(0, t));
  if (date === null) return null;
  const time = parseTime(text.slice(t + 1));
  return time === null ? null : new FeelDateTime(date, time);
}

const DURATION_RE = /^(-)?P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** `P1Y2M` → years and months; `P2DT3H`, `-PT1.5S` → days and time. Mixed forms are refused. */
export function parseDuration(text: string): DaysTimeDuration | YearsMonthsDuration | null {
  const m = DURATION_RE.exec(text);
  if (m === null || text.endsWith('T')) return null;
  const [, sign, y, mo, d, h, mi, s] = m;
  const hasYm = y !== undefined || mo !== undefined;
  const hasDt = d !== undefined || h !== undefined || mi !== undefined || s !== undefined;
  if (hasYm === hasDt) return null; // `P` alone, or mixed
  const negative = sign === '-';
  if (hasYm) {
    const months = Number(y ?? 0) * 12 + Number(mo ?? 0);
    if (!Number.isSafeInteger(months)) return null;
    return new YearsMonthsDuration(negative && months !== 0 ? -months : months);
  }
  let seconds = new FeelDecimal(d ?? 0)
    .times(SECONDS_PER_DAY)
    .plus(new FeelDecimal(h ?? 0).times(3600))
    .plus(new FeelDecimal(mi ?? 0).times(60))
    .plus(new FeelDecimal(s ?? 0));
  if (negative && !seconds.isZero()) seconds = seconds.negated();
  return new DaysTimeDuration(seconds);
}

// ---------------------------------------------------------------- formatting

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function formatDate(date: FeelDate): string {
  const abs = Math.abs(date.year);
  const year = abs < 1000 ? String(abs).padStart(4, '0') : String(abs);
  return `${date.year < 0 ? '-' : ''}${year}-${pad2(date.month)}-${pad2(date.day)}`;
}

function formatOffset(offset: number): string {
  if (offset === 0) return 'Z';
  const abs = Math.abs(offset);
  const h = Math.floor(abs / 3600);
  const m = Math.floor((abs % 3600) / 60);
  const s = abs % 60;
  return `${offset < 0 ? '-' : '+'}${pad2(h)}:${pad2(m)}${s === 0 ? '' : `:${pad2(s)}`}`;
}

export function formatTime(time: FeelTime): string {
  const s = time.second;
  let secondText: string;
  if (s.isInteger()) secondText = pad2(s.toNumber());
  else {
    const fixed = s.toFixed();
    secondText = s.lt(10) ? `0${fixed}` : fixed;
  }
  let text = `${pad2(time.hour)}:${pad2(time.minute)}:${secondText}`;
  if (time.offsetSeconds !== null) text += formatOffset(time.offsetSeconds);
  else if (time.zone !== null) text += `@${time.zone}`;
  return text;
}

export function formatDateTime(dt: FeelDateTime): string {
  return `${formatDate(dt.date)}T${formatTime(dt.time)}`;
}

/** `P1DT2H3M4.5S`, `-PT1H`; zero is `PT0S`. */
export function formatDaysTimeDuration(duration: DaysTimeDuration): string {
  const total = duration.seconds;
  if (total.isZero()) return 'PT0S';
  const abs = total.abs();
  const days = abs.div(SECONDS_PER_DAY).floor();
  let rest = abs.minus(days.times(SECONDS_PER_DAY));
  const hours = rest.div(3600).floor();
  rest = rest.minus(hours.times(3600));
  const minutes = rest.div(60).floor();
  const seconds = rest.minus(minutes.times(60));
  let text = total.isNegative() ? '-P' : 'P';
  if (!days.isZero()) text += `${days.toFixed()}D`;
  if (!hours.isZero() || !minutes.isZero() || !seconds.isZero()) {
    text += 'T';
    if (!hours.isZero()) text += `${hours.toFixed()}H`;
    if (!minutes.isZero()) text += `${minutes.toFixed()}M`;
    if (!seconds.isZero()) text += `${seconds.toFixed()}S`;
  }
  return text;
}

/** `P1Y2M`, `P1Y`, `-P3M`; zero is `P0M`. */
export function formatYearsMonthsDuration(duration: YearsMonthsDuration): string {
  const months = duration.months;
  if (months === 0) return 'P0M';
  const abs = Math.abs(months);
  const years = Math.floor(abs / 12);
  const rest = abs % 12;
  return `${months < 0 ? '-' : ''}P${years !== 0 ? `${years}Y` : ''}${rest !== 0 ? `${rest}M` : ''}`;
}
