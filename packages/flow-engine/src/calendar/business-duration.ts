/**
 * Adding an ISO 8601 duration in business time, as a bank counts an SLA:
 *
 * - The count starts at `from` when that is working time (a working day, inside a working period,
 *   its closing minute included), else at the start of the next working period: a task created on
 *   Saturday, in the lunch break or at 20:00 starts at the next opening.
 * - Days (`P3D`): the same wall-clock time as that start, on the Nth following working day. Friday
 *   16:00 + P3D is Wednesday 16:00; Saturday 10:00 + P3D starts Monday 09:00 and is Thursday 09:00.
 * - Hours, minutes, seconds (`PT4H`): only time inside working periods of working days counts; the
 *   lunch break, nights, weekends and holidays do not. A duration that ends exactly at a closing
 *   time is due then (17:30), not at the next opening.
 * - Both (`P1DT2H`): the days first, then the hours from there.
 * - Years and months (`P1M`) are calendar quantities, not business ones: the same date and time N
 *   months on (the 31st becomes the month's last day), moved to the next working moment when that
 *   is not working time (the "following business day" convention). Days and hours then follow.
 * - A zero duration is due at `from`. Negative durations are refused.
 *
 * All of it on the wall clock of the calendar's zone: 09:00 is 09:00 local on both sides of a
 * daylight-saving change. The result is a UTC instant (`2026-02-25T02:00:00.000Z`), as the flow
 * engine writes its own times.
 */
import type { BusinessCalendar } from './business-calendar.js';
import {
  BusinessCalendarError,
  compileCalendar,
  nextWorkingDay,
  nextWorkingMoment,
  type CompiledCalendar,
} from './compiled-calendar.js';
import { instantMs, instantOf, localMoment, MS_PER_DAY, type LocalMoment } from './local-time.js';

/** A duration split into what each counts on. */
export interface BusinessDurationParts {
  months: number;
  days: number;
  /** Hours, minutes and seconds, in milliseconds of working time. */
  workingMs: number;
}

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** The parts of `P1Y2M3DT4H5M6.5S`; anything else (`P`, `PT`, `-P1D`, `P1W`, `PT1.5H`) is refused. */
export function parseBusinessDuration(duration: string): BusinessDurationParts {
  const m = DURATION.exec(duration);
  if (m === null || duration === 'P' || duration.endsWith('T')) {
    throw new BusinessCalendarError(`${duration} is not a positive ISO 8601 duration (PnYnMnDTnHnMnS)`);
  }
  const n = (i: number) => Number(m[i] ?? 0);
  const parts = {
    months: n(1) * 12 + n(2),
    days: n(3),
    workingMs: Math.round(((n(4) * 60 + n(5)) * 60 + n(6)) * 1000),
  };
  if (!Object.values(parts).every(Number.isSafeInteger))
    throw new BusinessCalendarError(`${duration} is too long`);
  return parts;
}

/** The same day of the month `months` on, or that month's last day. */
function addMonths(at: LocalMoment, months: number): LocalMoment {
  const date = new Date(at.day * MS_PER_DAY);
  const [year, month, dayOfMonth] = [date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()];
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return { day: Date.UTC(year, month, Math.min(dayOfMonth, lastDay)) / MS_PER_DAY, ms: at.ms };
}

function addWorkingDays(calendar: CompiledCalendar, at: LocalMoment, days: number): LocalMoment {
  const start = nextWorkingMoment(calendar, at);
  let day = start.day;
  for (let i = 0; i < days; i++) day = nextWorkingDay(calendar, day);
  // Every working day has the same periods, so the start's time of day is working time there too.
  return { day, ms: start.ms };
}

function addWorkingTime(calendar: CompiledCalendar, at: LocalMoment, amount: number): LocalMoment {
  let { day, ms } = nextWorkingMoment(calendar, at);
  let left = amount;
  for (;;) {
    for (const p of calendar.periods) {
      if (p.end <= ms) continue;
      const from = Math.max(ms, p.start);
      if (left <= p.end - from) return { day, ms: from + left };
      left -= p.end - from;
    }
    day = nextWorkingDay(calendar, day);
    // Whole working days at once; the last one (even if exactly a day) is walked period by period.
    while (left > calendar.workingMsPerDay) {
      left -= calendar.workingMsPerDay;
      day = nextWorkingDay(calendar, day);
    }
    ms = 0;
  }
}

/** Epoch milliseconds of an ISO instant with its offset, or a `BusinessCalendarError`. */
export function requireInstant(iso: string): number {
  const ms = instantMs(iso);
  if (ms === undefined)
    throw new BusinessCalendarError(
      `${iso} is not an ISO 8601 instant with an offset (2026-02-13T02:00:00Z)`,
    );
  return ms;
}

/** `from` plus `duration` in business time on `calendar`: the due instant, in UTC (see above). */
export function addBusinessDuration(calendar: BusinessCalendar, fromIso: string, duration: string): string {
  const compiled = compileCalendar(calendar);
  const from = requireInstant(fromIso);
  const { months, days, workingMs } = parseBusinessDuration(duration);
  if (months === 0 && days === 0 && workingMs === 0) return new Date(from).toISOString();
  let at = localMoment(from, compiled.timeZone);
  if (months > 0) at = nextWorkingMoment(compiled, addMonths(at, months));
  if (days > 0) at = addWorkingDays(compiled, at, days);
  if (workingMs > 0) at = addWorkingTime(compiled, at, workingMs);
  return new Date(instantOf(at, compiled.timeZone)).toISOString();
}
