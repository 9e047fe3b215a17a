/**
 * Business time between two instants, for what the inbox says of a task: "overdue by 2 business
 * hours", "due in 3 business days". Both are the inverse of `addBusinessDuration`:
 * `businessTimeBetween(c, from, addBusinessDuration(c, from, 'PT90M'))` is 90, and
 * `businessDaysBetween(c, from, addBusinessDuration(c, from, 'P3D'))` is 3.
 */
import type { BusinessCalendar } from './business-calendar.js';
import { requireInstant } from './business-duration.js';
import { compileCalendar, nextWorkingMoment, type CompiledCalendar } from './compiled-calendar.js';
import { localMoment, MS_PER_DAY, MS_PER_MINUTE } from './local-time.js';

/** Working milliseconds from `a` to `b`, `a` not after `b`. */
function workingMsBetween(calendar: CompiledCalendar, a: number, b: number): number {
  const from = localMoment(a, calendar.timeZone);
  const to = localMoment(b, calendar.timeZone);
  let total = 0;
  for (let day = from.day; day <= to.day; day++) {
    if (!calendar.isWorkingDay(day)) continue;
    const lo = day === from.day ? from.ms : 0;
    const hi = day === to.day ? to.ms : MS_PER_DAY;
    if (lo === 0 && hi === MS_PER_DAY) {
      total += calendar.workingMsPerDay;
      continue;
    }
    for (const p of calendar.periods) total += Math.max(0, Math.min(p.end, hi) - Math.max(p.start, lo));
  }
  return total;
}

/**
 * Working minutes from `fromIso` to `toIso` (minutes inside working periods of working days,
 * fractional when the instants carry seconds); negative when `toIso` is the earlier, so an overdue
 * task's due date gives a negative number.
 */
export function businessTimeBetween(calendar: BusinessCalendar, fromIso: string, toIso: string): number {
  const compiled = compileCalendar(calendar);
  const [a, b] = [requireInstant(fromIso), requireInstant(toIso)];
  const ms = a <= b ? workingMsBetween(compiled, a, b) : -workingMsBetween(compiled, b, a);
  return ms === 0 ? 0 : ms / MS_PER_MINUTE;
}

/**
 * Working days from `fromIso` to `toIso`, counted as `P nD` counts them: how many working days
 * begin after the working moment `fromIso` falls in (or before) and up to the one `toIso` falls in.
 * Wednesday 10:00 to Thursday 09:00 is 1, Saturday to the next Thursday 3 (counting starts on
 * Monday). Negative when `toIso` is the earlier.
 */
export function businessDaysBetween(calendar: BusinessCalendar, fromIso: string, toIso: string): number {
  const compiled = compileCalendar(calendar);
  const [a, b] = [requireInstant(fromIso), requireInstant(toIso)];
  const dayOf = (ms: number) => nextWorkingMoment(compiled, localMoment(ms, compiled.timeZone)).day;
  const [first, last] = a <= b ? [dayOf(a), dayOf(b)] : [dayOf(b), dayOf(a)];
  let count = 0;
  for (let day = first + 1; day <= last; day++) if (compiled.isWorkingDay(day)) count++;
  return count === 0 || a <= b ? count : -count;
}
