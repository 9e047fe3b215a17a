/** Which years of a calendar know their holidays. */
import type { BusinessCalendar } from './business-calendar.js';

/** The span of dates whose holidays a calendar knows. */
export interface CalendarCoverage {
  /** The years that list their holidays and make-up days, in order. */
  years: number[];
  /** `YYYY-01-01` of the first year listed, if any. */
  from?: string;
  /** `YYYY-12-31` of the last year listed, if any: after it, durations count working weekdays only. */
  through?: string;
  /** Years between the first and the last that list nothing. */
  missingYears: number[];
}

/**
 * What a calendar knows. The engine cannot tell when a calendar runs out (it has no clock): the
 * server compares `through` with today and with the due dates it computes, and tells whoever keeps
 * the calendar that next year's holidays are due (the State Council publishes them each November).
 */
export function calendarCoverage(calendar: BusinessCalendar): CalendarCoverage {
  const years = Object.keys(calendar.years)
    .filter((y) => /^\d{4}$/.test(y))
    .map(Number)
    .sort((a, b) => a - b);
  const first = years[0];
  const last = years.at(-1);
  const missingYears: number[] = [];
  if (first !== undefined && last !== undefined)
    for (let y = first + 1; y < last; y++) if (!years.includes(y)) missingYears.push(y);
  return {
    years,
    ...(first === undefined ? {} : { from: `${first}-01-01` }),
    ...(last === undefined ? {} : { through: `${last}-12-31` }),
    missingYears,
  };
}
