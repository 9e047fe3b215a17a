/**
 * Path access `a.b`: own entries of contexts, the documented properties of temporal values,
 * durations and ranges, mapped over lists. Nothing else is reachable: no prototype, no method.
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
  type EvaluationEnvironment,
  type FeelValue,
} from '../values/feel-value.js';
import { isoDayOfWeek } from '../values/temporal.js';

const num = (n: number): FeelValue => new FeelDecimal(n);

function dateProperty(d: FeelDate, name: string): FeelValue | undefined {
  switch (name) {
    case 'year':
      return num(d.year);
    case 'month':
      return num(d.month);
    case 'day':
      return num(d.day);
    case 'weekday':
      return num(isoDayOfWeek(d));
    default:
      return undefined;
  }
}

function timeProperty(t: FeelTime, name: string): FeelValue | undefined {
  switch (name) {
    case 'hour':
      return num(t.hour);
    case 'minute':
      return num(t.minute);
    case 'second':
      return t.second;
    case 'time offset':
      return t.offsetSeconds === null ? null : new DaysTimeDuration(new FeelDecimal(t.offsetSeconds));
    case 'timezone':
      return t.zone;
    default:
      return undefined;
  }
}

function rangeProperty(r: FeelRange, name: string): FeelValue | undefined {
  switch (name) {
    case 'start':
      return r.start;
    case 'end':
      return r.end;
    case 'start included':
      return r.startIncluded;
    case 'end included':
      return r.endIncluded;
    default:
      return undefined;
  }
}

function daysTimeProperty(d: DaysTimeDuration, name: string): FeelValue | undefined {
  const s = d.seconds;
  switch (name) {
    case 'days':
      return s.dividedToIntegerBy(86400);
    case 'hours':
      return s.dividedToIntegerBy(3600).mod(24);
    case 'minutes':
      return s.dividedToIntegerBy(60).mod(60);
    case 'seconds':
      return s.mod(60);
    default:
      return undefined;
  }
}

function yearsMonthsProperty(d: YearsMonthsDuration, name: string): FeelValue | undefined {
  switch (name) {
    case 'years':
      return num(Math.trunc(d.months / 12));
    case 'months':
      return num(d.months % 12);
    default:
      return undefined;
  }
}

/** The value of `value.name`, or null with a warning. */
export function getProperty(value: FeelValue, name: string, env: EvaluationEnvironment): FeelValue {
  if (value instanceof FeelContext) {
    const v = value.entries.get(name);
    return v !== undefined ? v : env.warn('noSuchEntry', `The context has no entry '${name}'.`);
  }
  if (Array.isArray(value)) {
    const list = value as readonly FeelValue[];
    const out: FeelValue[] = new Array<FeelValue>(list.length);
    for (let i = 0; i < list.length; i++) out[i] = getProperty(list[i] as FeelValue, name, env);
    return out;
  }
  if (value === null) return env.warn('nullPath', `Cannot read '${name}' of null.`);
  let result: FeelValue | undefined;
  if (value instanceof FeelDate) result = dateProperty(value, name);
  else if (value instanceof FeelDateTime) result = dateProperty(value.date, name) ?? timeProperty(value.time, name);
  else if (value instanceof FeelTime) result = timeProperty(value, name);
  else if (value instanceof FeelRange) result = rangeProperty(value, name);
  else if (value instanceof DaysTimeDuration) result = daysTimeProperty(value, name);
  else if (value instanceof YearsMonthsDuration) result = yearsMonthsProperty(value, name);
  return result !== undefined ? result : env.warn('noSuchProperty', `A value of this type has no property '${name}'.`);
}
