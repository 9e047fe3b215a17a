import type { ApprovalTask } from '@bankforge/client';
import { businessTimeBetween, type BusinessCalendar } from '@bankforge/flow-engine';

/** How far a due time is from the answer's instant, in working time. */
export type DueClock = (dueAt: string) => NonNullable<ApprovalTask['dueIn']>;

/** Minutes of `HH:mm`. */
function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/**
 * Working time from `now` to each due time on the calendar (whole minutes, negative when overdue),
 * with the calendar's working day, so that screens say "due in 2 business days" or "2 business
 * hours overdue". Without a calendar durations count in calendar time: no clock then.
 */
export function dueClock(calendar: BusinessCalendar | undefined, now: string): DueClock | undefined {
  if (!calendar) return undefined;
  const workingDayMinutes = workingDayMinutesOf(calendar);
  return (dueAt) => ({ businessMinutes: Math.round(businessTimeBetween(calendar, now, dueAt)) || 0, workingDayMinutes });
}

/**
 * Working time from one instant to another in working days of the calendar (a 450-minute day: 90
 * minutes are 0.2), which is what an approval task took: Friday 16:00 to Monday 10:30 across a
 * weekend is 180 minutes, 0.4 days.
 */
export function workingDaysOn(calendar: BusinessCalendar): (fromIso: string, toIso: string) => number {
  const day = workingDayMinutesOf(calendar);
  return (fromIso, toIso) => businessTimeBetween(calendar, fromIso, toIso) / day;
}

function workingDayMinutesOf(calendar: BusinessCalendar): number {
  return calendar.workingHours.reduce((sum, period) => sum + minutesOf(period.end) - minutesOf(period.start), 0);
}
