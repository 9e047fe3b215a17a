/** Which dates are worked. */
import type { BusinessCalendar } from './business-calendar.js';
import { BusinessCalendarError, compileCalendar } from './compiled-calendar.js';
import { dayOfDate } from './local-time.js';

/**
 * Whether `date` (`YYYY-MM-DD`, in the calendar's zone) is worked: a make-up working day, or a
 * working weekday that is not a holiday. In a year the calendar does not list, the weekdays alone
 * decide (see `calendarCoverage`).
 */
export function isWorkingDay(calendar: BusinessCalendar, date: string): boolean {
  const day = dayOfDate(date);
  if (day === undefined) throw new BusinessCalendarError(`${date} is not a date (YYYY-MM-DD)`);
  return compileCalendar(calendar).isWorkingDay(day);
}
