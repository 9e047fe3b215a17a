/** The calendar units of relative periods and date buckets; weeks start on Monday (ISO 8601). */
export type CalendarUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';
export const CALENDAR_UNITS: readonly CalendarUnit[] = ['day', 'week', 'month', 'quarter', 'year'];

/** Named periods relative to the caller's clock; all are whole calendar units in UTC. */
export type NamedPeriod =
  | 'today'
  | 'yesterday'
  | 'thisWeek'
  | 'lastWeek'
  | 'thisMonth'
  | 'lastMonth'
  | 'thisQuarter'
  | 'lastQuarter'
  | 'thisYear'
  | 'lastYear'
  | 'weekToDate'
  | 'monthToDate'
  | 'quarterToDate'
  | 'yearToDate';

export const NAMED_PERIODS: readonly NamedPeriod[] = [
  'today',
  'yesterday',
  'thisWeek',
  'lastWeek',
  'thisMonth',
  'lastMonth',
  'thisQuarter',
  'lastQuarter',
  'thisYear',
  'lastYear',
  'weekToDate',
  'monthToDate',
  'quarterToDate',
  'yearToDate',
];

/** `{last: 30, unit: 'day'}`: the current unit and the N-1 before it; `next` the N units after the current one. */
export type RelativePeriod =
  NamedPeriod | { last: number; unit: CalendarUnit } | { next: number; unit: CalendarUnit };

/** A half-open range of calendar days [start, end) as ISO dates, in UTC. */
export interface DateRange {
  start: string;
  end: string;
}

const iso = (d: Date): string => d.toISOString().slice(0, 10);

function day(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** The first day of the unit holding `d` (weeks start on Monday, as ISO 8601 says). */
function startOf(d: Date, unit: CalendarUnit): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (unit) {
    case 'day':
      return day(d);
    case 'week':
      return new Date(Date.UTC(y, m, d.getUTCDate() - ((d.getUTCDay() + 6) % 7)));
    case 'month':
      return new Date(Date.UTC(y, m, 1));
    case 'quarter':
      return new Date(Date.UTC(y, m - (m % 3), 1));
    case 'year':
      return new Date(Date.UTC(y, 0, 1));
  }
}

/** `d` moved by n units; `d` is the start of a unit, so months never overflow. */
function addUnits(d: Date, unit: CalendarUnit, n: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const date = d.getUTCDate();
  switch (unit) {
    case 'day':
      return new Date(Date.UTC(y, m, date + n));
    case 'week':
      return new Date(Date.UTC(y, m, date + 7 * n));
    case 'month':
      return new Date(Date.UTC(y, m + n, date));
    case 'quarter':
      return new Date(Date.UTC(y, m + 3 * n, date));
    case 'year':
      return new Date(Date.UTC(y + n, m, date));
  }
}

const NAMED: Record<NamedPeriod, [CalendarUnit, 'this' | 'last' | 'toDate' | 'yesterday']> = {
  today: ['day', 'this'],
  yesterday: ['day', 'last'],
  thisWeek: ['week', 'this'],
  lastWeek: ['week', 'last'],
  thisMonth: ['month', 'this'],
  lastMonth: ['month', 'last'],
  thisQuarter: ['quarter', 'this'],
  lastQuarter: ['quarter', 'last'],
  thisYear: ['year', 'this'],
  lastYear: ['year', 'last'],
  weekToDate: ['week', 'toDate'],
  monthToDate: ['month', 'toDate'],
  quarterToDate: ['quarter', 'toDate'],
  yearToDate: ['year', 'toDate'],
};

export function isRelativePeriod(value: unknown): value is RelativePeriod {
  if (typeof value === 'string') return (NAMED_PERIODS as readonly string[]).includes(value);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value).sort().join(',');
  const record = value as Record<string, unknown>;
  const count = record.last ?? record.next;
  return (
    (keys === 'last,unit' || keys === 'next,unit') &&
    typeof count === 'number' &&
    Number.isInteger(count) &&
    count >= 1 &&
    count <= 10000 &&
    (CALENDAR_UNITS as readonly unknown[]).includes(record.unit)
  );
}

/**
 * The days a relative period covers at the instant `now`, in whole calendar units: "last 12
 * months" is the current month and the 11 before it; "year to date" runs through today.
 */
export function resolvePeriod(period: RelativePeriod, now: Date): DateRange {
  const today = day(now);
  const range = (start: Date, end: Date): DateRange => ({ start: iso(start), end: iso(end) });
  if (typeof period === 'string') {
    const [unit, which] = NAMED[period];
    const current = startOf(today, unit);
    if (which === 'this') return range(current, addUnits(current, unit, 1));
    if (which === 'last') return range(addUnits(current, unit, -1), current);
    return range(current, addUnits(today, 'day', 1));
  }
  const current = startOf(today, period.unit);
  if ('last' in period)
    return range(addUnits(current, period.unit, 1 - period.last), addUnits(current, period.unit, 1));
  return range(addUnits(current, period.unit, 1), addUnits(current, period.unit, period.next + 1));
}
