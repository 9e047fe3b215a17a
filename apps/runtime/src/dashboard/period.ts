import { CALENDAR_UNITS, isRelativePeriod, type CalendarUnit, type RelativePeriod } from '@bankforge/data-model';

/** Two days, both ends included (`YYYY-MM-DD`). */
export interface DayRange {
  from: string;
  to: string;
}

/** A `period` filter's value as the server takes it: a named or relative period, or two days. */
export type PeriodValue = RelativePeriod | DayRange;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const RELATIVE = /^(last|next)-(\d{1,5})-([a-z]+)$/;

export function isDayRange(value: unknown): value is DayRange {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { from, to } = value as Record<string, unknown>;
  return Object.keys(value).length === 2 && typeof from === 'string' && typeof to === 'string' && ISO_DAY.test(from) && ISO_DAY.test(to);
}

export function isPeriodValue(value: unknown): value is PeriodValue {
  return isRelativePeriod(value) || isDayRange(value);
}

/** A period as a link writes it: `thisQuarter`, `last-12-month`, `2026-01-01~2026-03-31`. */
export function periodText(value: PeriodValue): string {
  if (typeof value === 'string') return value;
  if ('from' in value) return `${value.from}~${value.to}`;
  return 'last' in value ? `last-${value.last}-${value.unit}` : `next-${value.next}-${value.unit}`;
}

/** The period a link's text names, or undefined for text that names none. */
export function parsePeriod(text: string): PeriodValue | undefined {
  const [from, to, ...rest] = text.split('~');
  if (to !== undefined && rest.length === 0) {
    const range = { from: from ?? '', to };
    return isDayRange(range) && range.from <= range.to ? range : undefined;
  }
  const relative = RELATIVE.exec(text);
  if (relative) {
    const count = Number(relative[2]);
    const unit = relative[3] as CalendarUnit;
    const period = relative[1] === 'last' ? { last: count, unit } : { next: count, unit };
    return CALENDAR_UNITS.includes(unit) && isRelativePeriod(period) ? period : undefined;
  }
  return isRelativePeriod(text) ? text : undefined;
}

/** The periods the filter bar offers, in the order a banker reaches for them. */
export const PERIOD_CHOICES: readonly RelativePeriod[] = [
  'thisMonth',
  'lastMonth',
  'thisQuarter',
  'lastQuarter',
  'thisYear',
  'lastYear',
  'yearToDate',
  { last: 30, unit: 'day' },
  { last: 12, unit: 'month' },
];
