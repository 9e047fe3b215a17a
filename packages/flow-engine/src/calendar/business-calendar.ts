/**
 * The `calendar` artifact: when the bank works. Working weekdays and hours in one time zone, and per
 * year the public holidays and the make-up working days (调休: a weekend worked in exchange for a
 * longer holiday). Business-time durations (approval timeouts, SLA timers) count on it.
 *
 * Pure data, JSON round-trippable. Dates are `YYYY-MM-DD` and times `HH:mm`, both on the wall
 * clock of the calendar's time zone.
 */
import type { LocalizedText } from '../definition/flow-definition.js';

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** One stretch of the working day, `start` before `end`, e.g. `{ start: '09:00', end: '12:00' }`. */
export interface WorkingPeriod {
  /** `HH:mm`, from `00:00`. */
  start: string;
  /** `HH:mm`, up to `24:00`. */
  end: string;
}

/** A date of a calendar year: a holiday, or a make-up working day. */
export interface CalendarDay {
  /** `YYYY-MM-DD` in the calendar's time zone. */
  date: string;
  /** What the day is (Spring Festival, 春节), for people reading the calendar. */
  name?: LocalizedText;
}

/** What one year adds to the working weekdays. */
export interface CalendarYear {
  /** Days off, whatever weekday they fall on. */
  holidays?: CalendarDay[];
  /** Make-up working days (调休): days worked though their weekday is not a working weekday. */
  workingDays?: CalendarDay[];
}

export interface BusinessCalendar {
  kind: 'calendar';
  key: string;
  title: string;
  /** Set by the server on publish. */
  version?: number;
  schemaVersion: 1;
  name: LocalizedText;
  description?: string;
  /** IANA time zone of the dates and hours (default `Asia/Shanghai`). */
  timeZone?: string;
  /** The weekdays worked in an ordinary week (default Monday to Friday). */
  workingWeekdays?: IsoWeekday[];
  /** The working hours of every working day, e.g. 09:00–12:00 and 13:00–17:30 (a lunch break between). */
  workingHours: WorkingPeriod[];
  /**
   * Holidays and make-up working days by year (`"2026": {...}`). A year not listed has no known
   * holidays: its working days are the working weekdays only (see `calendarCoverage`).
   */
  years: Record<string, CalendarYear>;
}

/** Mainland China's zone: the default, as most of the bank's calendars are there. */
export const DEFAULT_CALENDAR_TIME_ZONE = 'Asia/Shanghai';

/** Monday to Friday. */
export const DEFAULT_WORKING_WEEKDAYS: readonly IsoWeekday[] = [1, 2, 3, 4, 5];
