/**
 * FEEL operator semantics (DMN 1.5, 10.3.2): arithmetic, equality, ordering and range tests.
 * Every function is total: an operand of the wrong type makes the result null and records a
 * warning on the environment; a null operand makes it null without one.
 */
import {
  DaysTimeDuration,
  FeelContext,
  FeelDate,
  FeelDateTime,
  FeelDecimal,
  FeelRange,
  FeelTime,
  YearsMonthsDuration,
  EvaluationEnvironment,
  type FeelNumber,
  type FeelValue,
} from './feel-value.js';
import {
  addDaysToDate,
  addMonthsToDate,
  addMonthsToDateTime,
  addSecondsToDateTime,
  addSecondsToTime,
  compareDates,
  compareDateTimes,
  compareTimes,
  dateToDateTime,
  epochDay,
  hasZone,
  sameTime,
  subtractDateTimes,
  subtractTimes,
} from './temporal.js';
import { isList, typeNameOf } from './types.js';
import { compareNumbers, isNumberValue } from './number-order.js';

export { isInstanceOf, isList, typeNameOf, parseType, conformsTo, type FeelType, type FeelTypeName } from './types.js';

export const WARN_INVALID_OPERANDS = 'invalidOperands';
export const WARN_DIVISION_BY_ZERO = 'divisionByZero';
export const WARN_NOT_COMPARABLE = 'notComparable';
export const WARN_OUT_OF_RANGE = 'outOfRange';

const SECONDS_PER_DAY = 86_400;

/** An environment that drops warnings: the default when a caller passes none. */
export class SilentEnvironment extends EvaluationEnvironment {
  override warn(): null {
    return null;
  }
}

const SILENT = new SilentEnvironment(Number.POSITIVE_INFINITY);

function invalid(op: string, a: FeelValue, b: FeelValue, env: EvaluationEnvironment): null {
  return env.warn(WARN_INVALID_OPERANDS, `Cannot apply '${op}' to ${typeNameOf(a)} and ${typeNameOf(b)}.`);
}

function outOfRange(op: string, env: EvaluationEnvironment): null {
  return env.warn(WARN_OUT_OF_RANGE, `The result of '${op}' is outside the FEEL range.`);
}

function finite(n: FeelNumber, op: string, env: EvaluationEnvironment): FeelNumber | null {
  return n.isFinite() ? n : env.warn(WARN_OUT_OF_RANGE, `The result of '${op}' is not a number FEEL can hold (beyond decimal128's range, or not real).`);
}

function daysOf(seconds: FeelNumber): number {
  return seconds.div(SECONDS_PER_DAY).floor().toNumber();
}

function addTemporal(t: FeelValue, d: DaysTimeDuration | YearsMonthsDuration, negate: boolean, op: string, a: FeelValue, b: FeelValue, env: EvaluationEnvironment): FeelValue {
  if (d instanceof DaysTimeDuration) {
    const seconds = negate ? d.seconds.negated() : d.seconds;
    if (t instanceof FeelDateTime) return addSecondsToDateTime(t, seconds) ?? outOfRange(op, env);
    if (t instanceof FeelDate) return addDaysToDate(t, daysOf(seconds)) ?? outOfRange(op, env);
    if (t instanceof FeelTime) return addSecondsToTime(t, seconds);
    return invalid(op, a, b, env);
  }
  const months = negate ? -d.months : d.months;
  if (t instanceof FeelDateTime) return addMonthsToDateTime(t, months) ?? outOfRange(op, env);
  if (t instanceof FeelDate) return addMonthsToDate(t, months) ?? outOfRange(op, env);
  return invalid(op, a, b, env);
}

/** `a + b`: numbers, string concatenation, temporal + duration, duration + duration. */
/** String `+`: a step per 16 characters of the result, so text cannot double its way past the budget for free. */
function concatenate(a: string, b: string, env: EvaluationEnvironment): string {
  const s = a + b;
  if (s.length > 15) env.step(s.length >>> 4);
  return s;
}

export function add(a: FeelValue, b: FeelValue, env: EvaluationEnvironment = SILENT): FeelValue {
  if (a instanceof FeelDecimal && b instanceof FeelDecimal) return finite(a.plus(b), '+', env);
  if (a === null || b === null) return null;
  if (typeof a === 'string') return typeof b === 'string' ? concatenate(a, b, env) : invalid('+', a, b, env);
  if (b instanceof DaysTimeDuration) {
    if (a instanceof DaysTimeDuration) return new DaysTimeDuration(a.seconds.plus(b.seconds));
    return addTemporal(a, b, false, '+', a, b, env);
  }
  if (b instanceof YearsMonthsDuration) {
    if (a instanceof YearsMonthsDuration) return new YearsMonthsDuration(a.months + b.months);
    return addTemporal(a, b, false, '+', a, b, env);
  }
  if (a instanceof DaysTimeDuration || a instanceof YearsMonthsDuration) return addTemporal(b, a, false, '+', a, b, env);
  return invalid('+', a, b, env);
}

/** `a - b`: numbers, temporal − duration, temporal − temporal (→ days and time duration), durations. */
export function subtract(a: FeelValue, b: FeelValue, env: EvaluationEnvironment = SILENT): FeelValue {
  if (a instanceof FeelDecimal && b instanceof FeelDecimal) return finite(a.minus(b), '-', env);
  if (a === null || b === null) return null;
  if (b instanceof DaysTimeDuration) {
    if (a instanceof DaysTimeDuration) return new DaysTimeDuration(a.seconds.minus(b.seconds));
    return addTemporal(a, b, true, '-', a, b, env);
  }
  if (b instanceof YearsMonthsDuration) {
    if (a instanceof YearsMonthsDuration) return new YearsMonthsDuration(a.months - b.months);
    return addTemporal(a, b, true, '-', a, b, env);
  }
  if (a instanceof FeelDate) {
    if (b instanceof FeelDate) return new DaysTimeDuration(new FeelDecimal(epochDay(a) - epochDay(b)).times(SECONDS_PER_DAY));
    if (b instanceof FeelDateTime) return subtractInstants(a, b, env);
  } else if (a instanceof FeelDateTime) {
    if (b instanceof FeelDateTime || b instanceof FeelDate) return subtractInstants(a, b, env);
  } else if (a instanceof FeelTime && b instanceof FeelTime) {
    return new DaysTimeDuration(subtractTimes(a, b));
  }
  return invalid('-', a, b, env);
}

/**
 * The duration between two date-times, a date standing for midnight UTC. A local date-time and a
 * zoned one (or a date) name no common instant, so their difference is null (DMN TCK 0100:
 * "both or neither values must have zone info", "date implies UTC").
 */
function subtractInstants(a: FeelDate | FeelDateTime, b: FeelDate | FeelDateTime, env: EvaluationEnvironment): FeelValue {
  const zoned = (v: FeelDate | FeelDateTime): boolean => v instanceof FeelDate || hasZone(v.time);
  if (zoned(a) !== zoned(b)) {
    return env.warn(WARN_INVALID_OPERANDS, `Cannot subtract a date and time with a time zone and one without (a date counts as UTC).`);
  }
  const asDateTime = (v: FeelDate | FeelDateTime): FeelDateTime => (v instanceof FeelDate ? dateToDateTime(v) : v);
  return new DaysTimeDuration(subtractDateTimes(asDateTime(a), asDateTime(b)));
}

function scaleMonths(months: number, factor: FeelNumber): number {
  return new FeelDecimal(months).times(factor).trunc().toNumber();
}

/** `a * b`: numbers, duration × number (either order). Years-months results truncate to whole months. */
export function multiply(a: FeelValue, b: FeelValue, env: EvaluationEnvironment = SILENT): FeelValue {
  if (a instanceof FeelDecimal) {
    if (b instanceof FeelDecimal) return finite(a.times(b), '*', env);
    if (b instanceof DaysTimeDuration) return new DaysTimeDuration(b.seconds.times(a));
    if (b instanceof YearsMonthsDuration) return new YearsMonthsDuration(scaleMonths(b.months, a));
  }
  if (a === null || b === null) return null;
  if (b instanceof FeelDecimal) {
    if (a instanceof DaysTimeDuration) return new DaysTimeDuration(a.seconds.times(b));
    if (a instanceof YearsMonthsDuration) return new YearsMonthsDuration(scaleMonths(a.months, b));
  }
  return invalid('*', a, b, env);
}

function divisionByZero(env: EvaluationEnvironment): null {
  return env.warn(WARN_DIVISION_BY_ZERO, 'Division by zero.');
}

/** `a / b`: numbers (÷0 → null), duration ÷ number, duration ÷ duration of the same kind (→ number). */
export function divide(a: FeelValue, b: FeelValue, env: EvaluationEnvironment = SILENT): FeelValue {
  if (a instanceof FeelDecimal && b instanceof FeelDecimal) return b.isZero() ? divisionByZero(env) : finite(a.div(b), '/', env);
  if (a === null || b === null) return null;
  if (b instanceof FeelDecimal) {
    if (b.isZero()) return divisionByZero(env);
    if (a instanceof DaysTimeDuration) return new DaysTimeDuration(a.seconds.div(b));
    if (a instanceof YearsMonthsDuration) return new YearsMonthsDuration(new FeelDecimal(a.months).div(b).trunc().toNumber());
  }
  if (a instanceof DaysTimeDuration && b instanceof DaysTimeDuration) {
    return b.seconds.isZero() ? divisionByZero(env) : a.seconds.div(b.seconds);
  }
  if (a instanceof YearsMonthsDuration && b instanceof YearsMonthsDuration) {
    return b.months === 0 ? divisionByZero(env) : new FeelDecimal(a.months).div(b.months);
  }
  return invalid('/', a, b, env);
}

/** The exponent of `**` lies in [-999,999,999..999,999,999] (DMN 1.5, 10.3.2.12.8, Table 65). */
const MAX_EXPONENT = 999_999_999;

/**
 * `a ** b` for numbers (decimal, 34 digits): a negative exponent divides (`2 ** -2 = 0.25`), a
 * fractional one takes a root (`4 ** 0.5 = 2`). Null with a warning when the exponent is out of
 * range, zero is raised to a negative power, a negative base to a fractional one (no real
 * result), or the result overflows decimal128.
 */
export function power(a: FeelValue, b: FeelValue, env: EvaluationEnvironment = SILENT): FeelValue {
  if (a instanceof FeelDecimal && b instanceof FeelDecimal) {
    if (b.abs().gt(MAX_EXPONENT)) return outOfRange('**', env);
    if (a.isZero() && b.isNegative()) return divisionByZero(env);
    return finite(a.pow(b), '**', env);
  }
  if (a === null || b === null) return null;
  return invalid('**', a, b, env);
}

/** Unary `-a`: numbers and durations. */
export function negate(a: FeelValue, env: EvaluationEnvironment = SILENT): FeelValue {
  if (a instanceof FeelDecimal) return a.negated();
  if (a === null) return null;
  if (a instanceof DaysTimeDuration) return new DaysTimeDuration(a.seconds.negated());
  if (a instanceof YearsMonthsDuration) return new YearsMonthsDuration(a.months === 0 ? 0 : -a.months);
  return env.warn(WARN_INVALID_OPERANDS, `Cannot negate a ${typeNameOf(a)}.`);
}

// ---------------------------------------------------------------- equality and ordering

function listEquals(a: readonly FeelValue[], b: readonly FeelValue[]): boolean | null {
  if (a.length !== b.length) return false;
  let result: boolean | null = true;
  for (let i = 0; i < a.length; i++) {
    const e = feelEquals(a[i] ?? null, b[i] ?? null);
    if (e === false) return false;
    if (e === null) result = null;
  }
  return result;
}

function contextEquals(a: FeelContext, b: FeelContext): boolean | null {
  if (a.entries.size !== b.entries.size) return false;
  let result: boolean | null = true;
  for (const [key, value] of a.entries) {
    const other = b.get(key);
    if (other === undefined) return false;
    const e = feelEquals(value, other);
    if (e === false) return false;
    if (e === null) result = null;
  }
  return result;
}

function rangeEquals(a: FeelRange, b: FeelRange): boolean | null {
  if (a.startIncluded !== b.startIncluded || a.endIncluded !== b.endIncluded) return false;
  const s = feelEquals(a.start, b.start);
  if (s === false) return false;
  const e = feelEquals(a.end, b.end);
  if (e === false) return false;
  return s === null || e === null ? null : true;
}

/**
 * `a = b` (10.3.2.9): null = null is true, null = x false; values of different types give null;
 * numbers by value, date-times and times by instant, lists/contexts/ranges element-wise.
 */
export function feelEquals(a: FeelValue, b: FeelValue): boolean | null {
  if (a instanceof FeelDecimal) {
    if (b instanceof FeelDecimal) return a.eq(b);
    return b === null ? false : null;
  }
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (typeof a === 'string' || typeof a === 'boolean') return typeof b === typeof a ? false : null;
  if (isList(a)) return isList(b) ? listEquals(a, b) : null;
  if (a instanceof FeelDate) return b instanceof FeelDate ? compareDates(a, b) === 0 : null;
  if (a instanceof FeelDateTime) return b instanceof FeelDateTime ? sameZoneKind(a.time, b.time) && compareDateTimes(a, b) === 0 : null;
  if (a instanceof FeelTime) return b instanceof FeelTime ? sameZoneKind(a, b) && compareTimes(a, b) === 0 : null;
  if (a instanceof DaysTimeDuration) return b instanceof DaysTimeDuration ? a.seconds.eq(b.seconds) : null;
  if (a instanceof YearsMonthsDuration) return b instanceof YearsMonthsDuration ? a.months === b.months : null;
  if (a instanceof FeelContext) return b instanceof FeelContext ? contextEquals(a, b) : null;
  if (a instanceof FeelRange) return b instanceof FeelRange ? rangeEquals(a, b) : null;
  return null;
}

/**
 * Equal times and date-times carry the same kind of time zone: none, an offset, or a zone id. The
 * same instant written `+00:00` and `@Etc/UTC`, or `10:30` and `10:30@Europe/Paris`, are not equal
 * (DMN TCK 0068 datetime_007, datetime_009, time_007); `Z` and `+00:00` are both offsets.
 */
function sameZoneKind(a: FeelTime, b: FeelTime): boolean {
  return (a.offsetSeconds !== null) === (b.offsetSeconds !== null) && (a.zone !== null) === (b.zone !== null);
}

/** `a != b`: the negation of `=`, null staying null. */
export function feelNotEquals(a: FeelValue, b: FeelValue): boolean | null {
  const e = feelEquals(a, b);
  return e === null ? null : !e;
}

/**
 * Orders two values of the same ordered type: numbers, strings (by UTF-16 code unit), dates,
 * times, date-times, and durations of one kind. Null when either is null; null with a warning when
 * the types cannot be ordered.
 */
export function compare(a: FeelValue, b: FeelValue, env: EvaluationEnvironment = SILENT): -1 | 0 | 1 | null {
  if (isNumberValue(a) && isNumberValue(b)) return compareNumbers(a, b);
  if (a === null || b === null) return null;
  if (typeof a === 'string') {
    if (typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  } else if (a instanceof FeelDate) {
    if (b instanceof FeelDate) return compareDates(a, b);
  } else if (a instanceof FeelDateTime) {
    if (b instanceof FeelDateTime) return compareDateTimes(a, b);
  } else if (a instanceof FeelTime) {
    if (b instanceof FeelTime) return compareTimes(a, b);
  } else if (a instanceof DaysTimeDuration) {
    if (b instanceof DaysTimeDuration) return a.seconds.cmp(b.seconds) as -1 | 0 | 1;
  } else if (a instanceof YearsMonthsDuration) {
    if (b instanceof YearsMonthsDuration) return a.months < b.months ? -1 : a.months > b.months ? 1 : 0;
  }
  return env.warn(WARN_NOT_COMPARABLE, `Cannot compare ${typeNameOf(a)} with ${typeNameOf(b)}.`);
}

export function lessThan(a: FeelValue, b: FeelValue, env: EvaluationEnvironment = SILENT): boolean | null {
  const c = compare(a, b, env);
  return c === null ? null : c < 0;
}

export function lessOrEqual(a: FeelValue, b: FeelValue, env: EvaluationEnvironment = SILENT): boolean | null {
  const c = compare(a, b, env);
  return c === null ? null : c <= 0;
}

export function greaterThan(a: FeelValue, b: FeelValue, env: EvaluationEnvironment = SILENT): boolean | null {
  const c = compare(a, b, env);
  return c === null ? null : c > 0;
}

export function greaterOrEqual(a: FeelValue, b: FeelValue, env: EvaluationEnvironment = SILENT): boolean | null {
  const c = compare(a, b, env);
  return c === null ? null : c >= 0;
}

// ---------------------------------------------------------------- ranges and unary tests

/** `value in range`: a null endpoint is unbounded. Null when an endpoint cannot be compared. */
export function inRange(value: FeelValue, range: FeelRange, env: EvaluationEnvironment = SILENT): boolean | null {
  if (value === null) return null;
  if (range.start !== null) {
    const c = compare(value, range.start, env);
    if (c === null) return null;
    if (c < 0 || (c === 0 && !range.startIncluded)) return false;
  }
  if (range.end !== null) {
    const c = compare(value, range.end, env);
    if (c === null) return null;
    if (c > 0 || (c === 0 && !range.endIncluded)) return false;
  }
  return true;
}

/** `range` includes `value` (the same test as `inRange`, range first). */
export function rangeIncludes(range: FeelRange, value: FeelValue, env: EvaluationEnvironment = SILENT): boolean | null {
  return inRange(value, range, env);
}

/**
 * Whether `input` satisfies one positive unary test whose value is `test`: a range tests
 * membership, a list any of its elements (each an equality or a range), anything else equality.
 */
export function unaryTestMatches(input: FeelValue, test: FeelValue, env: EvaluationEnvironment = SILENT): boolean | null {
  if (test instanceof FeelRange) return inRange(input, test, env);
  if (isList(test)) {
    let result: boolean | null = false;
    for (const element of test) {
      const m = element instanceof FeelRange ? inRange(input, element, env) : feelEquals(input, element);
      if (m === true) return true;
      if (m === null) result = null;
    }
    return result;
  }
  return feelEquals(input, test);
}

/**
 * `is(a, b)`: the same element of the semantic domain. Unlike `=`, values of different types are
 * simply not the same (false), and times/date-times must agree on their offset or zone too.
 */
export function isSameValue(a: FeelValue, b: FeelValue): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (a instanceof FeelTime) return b instanceof FeelTime && sameTime(a, b);
  if (a instanceof FeelDateTime) return b instanceof FeelDateTime && compareDates(a.date, b.date) === 0 && sameTime(a.time, b.time);
  // Lists, contexts and ranges are the same element when their parts are (deeply, by `is`).
  if (isList(a)) {
    if (!isList(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!isSameValue(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  if (a instanceof FeelContext) {
    if (!(b instanceof FeelContext) || a.entries.size !== b.entries.size) return false;
    for (const [key, value] of a.entries) {
      const other = b.get(key);
      if (other === undefined || !isSameValue(value, other)) return false;
    }
    return true;
  }
  if (a instanceof FeelRange) {
    return (
      b instanceof FeelRange &&
      a.startIncluded === b.startIncluded &&
      a.endIncluded === b.endIncluded &&
      isSameValue(a.start, b.start) &&
      isSameValue(a.end, b.end)
    );
  }
  if (typeNameOf(a) !== typeNameOf(b)) return false;
  return feelEquals(a, b) === true;
}
