/**
 * A calendar read once into what the arithmetic needs: day numbers in sets, periods in
 * milliseconds of the day. Due dates then walk day by day and period by period, never minute by
 * minute.
 */
import {
  DEFAULT_CALENDAR_TIME_ZONE,
  DEFAULT_WORKING_WEEKDAYS,
  type BusinessCalendar,
} from './business-calendar.js';
import { calendarProblems } from './calendar-problems.js';
import { dayOfDate, msOfTime, weekdayOfDay, type LocalMoment } from './local-time.js';

/** A calendar, an instant or a duration the business-time functions cannot work with. */
export class BusinessCalendarError extends RangeError {
  override readonly name = 'BusinessCalendarError';
}

/** A working period in milliseconds since midnight. */
export interface MsPeriod {
  start: number;
  end: number;
}

export interface CompiledCalendar {
  readonly timeZone: string;
  /** Sorted, not overlapping, at least one. */
  readonly periods: readonly MsPeriod[];
  /** The working time of one working day. */
  readonly workingMsPerDay: number;
  isWorkingDay(day: number): boolean;
}

/** A calendar with no working day in ten years is broken, not slow: stop rather than loop. */
const MAX_DAYS_OFF = 3660;

// Published calendars are immutable documents, so each is read once (the server passes the same
// object to every due-date computation). A calendar object changed after its first use is not seen.
const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

function daySet(calendar: BusinessCalendar, list: 'holidays' | 'workingDays'): Set<number> {
  const days = new Set<number>();
  for (const year of Object.values(calendar.years))
    for (const d of year[list] ?? []) days.add(dayOfDate(d.date)!);
  return days;
}

/** The compiled form of a calendar; a calendar its check refuses is refused here too. */
export function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  const known = compiled.get(calendar);
  if (known !== undefined) return known;
  const { errors } = calendarProblems(calendar);
  if (errors.length > 0) {
    throw new BusinessCalendarError(
      `calendar ${calendar.key} cannot be used: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    );
  }
  const periods = calendar.workingHours
    .map((p) => ({ start: msOfTime(p.start)!, end: msOfTime(p.end)! }))
    .sort((a, b) => a.start - b.start);
  if (periods.length === 0) throw new BusinessCalendarError(`calendar ${calendar.key} has no working hours`);
  const weekdays = new Set<number>(calendar.workingWeekdays ?? DEFAULT_WORKING_WEEKDAYS);
  const holidays = daySet(calendar, 'holidays');
  const workingDays = daySet(calendar, 'workingDays');
  const result: CompiledCalendar = {
    timeZone: calendar.timeZone ?? DEFAULT_CALENDAR_TIME_ZONE,
    periods,
    workingMsPerDay: periods.reduce((sum, p) => sum + p.end - p.start, 0),
    isWorkingDay: (day) => workingDays.has(day) || (!holidays.has(day) && weekdays.has(weekdayOfDay(day))),
  };
  compiled.set(calendar, result);
  return result;
}

/** The first working day after `day`. */
export function nextWorkingDay(calendar: CompiledCalendar, day: number): number {
  for (let next = day + 1; next <= day + MAX_DAYS_OFF; next++) if (calendar.isWorkingDay(next)) return next;
  throw new BusinessCalendarError(`the calendar has no working day in the ten years after day ${day}`);
}

/**
 * `at` itself when it is working time, else the start of the next working period. A period's
 * closing moment (17:30 of 09:00–17:30) still counts as inside it: a task created at 17:30 is due
 * at 17:30, like one created at 17:29 is due at 17:29.
 */
export function nextWorkingMoment(calendar: CompiledCalendar, at: LocalMoment): LocalMoment {
  if (calendar.isWorkingDay(at.day)) {
    for (const p of calendar.periods)
      if (at.ms <= p.end) return { day: at.day, ms: Math.max(at.ms, p.start) };
  }
  return { day: nextWorkingDay(calendar, at.day), ms: calendar.periods[0]!.start };
}
