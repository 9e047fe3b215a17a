/**
 * When a schedule trigger fires: the slots up to an instant, in the schedule's time zone (every
 * day, every working day of a calendar, a weekday, a day of the month, at HH:mm). Pure: the server
 * passes its database's clock, and keys runs on the slot, so two replicas asking at once queue one
 * run.
 */
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import { dateOfDay, instantOf, localMoment, msOfTime, weekdayOfDay } from '../calendar/local-time.js';
import { isWorkingDay } from '../calendar/working-days.js';
import type { ScheduleTrigger } from './automation-definition.js';

/** How far back a slot is looked for: a month and a few days covers every period. */
const LOOKBACK_DAYS = 35;
/**
 * The most slots a schedule catches up after the server was down: the latest 7 of the last 35
 * days (a daily schedule's week, a monthly one's month). A daily campaign down for a month sends
 * a week's messages, not thirty.
 */
export const MAX_CATCH_UP_SLOTS = 7;

function firesOn(trigger: ScheduleTrigger, day: number, calendar: BusinessCalendar | undefined): boolean {
  switch (trigger.every) {
    case 'day':
      return true;
    case 'workingDay':
      // Without its calendar, a working day is Monday to Friday.
      return calendar ? isWorkingDay(calendar, dateOfDay(day)) : weekdayOfDay(day) <= 5;
    case 'week':
      return weekdayOfDay(day) === (trigger.weekday ?? 1);
    case 'month':
      return Number(dateOfDay(day).slice(8, 10)) === (trigger.dayOfMonth ?? 1);
  }
}

/**
 * The latest instant at or before `nowIso` the schedule fires at (ISO 8601, UTC), or undefined when
 * it has not fired in the last 35 days (or its time or zone is not valid).
 */
export function latestScheduleSlot(trigger: ScheduleTrigger, nowIso: string, calendar?: BusinessCalendar): string | undefined {
  return slotsBackFrom(trigger, nowIso, calendar).next().value;
}

/**
 * The slots after `sinceIso` and at or before `nowIso`, oldest first: what a schedule missed while
 * nobody polled (at most the latest MAX_CATCH_UP_SLOTS of the last 35 days).
 */
export function missedScheduleSlots(trigger: ScheduleTrigger, sinceIso: string, nowIso: string, calendar?: BusinessCalendar): string[] {
  const slots: string[] = [];
  for (const slot of slotsBackFrom(trigger, nowIso, calendar)) {
    if (slot <= sinceIso || slots.length === MAX_CATCH_UP_SLOTS) break;
    slots.push(slot);
  }
  return slots.reverse();
}

/** Where a walk over a schedule's days starts: its time of day, now, and today in its zone; undefined when the time, the zone or now is not valid. */
function walkStart(trigger: ScheduleTrigger, nowIso: string): { at: number; now: number; today: number } | undefined {
  const at = msOfTime(trigger.at);
  const now = Date.parse(nowIso);
  if (at === undefined || Number.isNaN(now)) return undefined;
  try {
    return { at, now, today: localMoment(now, trigger.timeZone).day };
  } catch {
    return undefined;
  }
}

/**
 * The first instant after `nowIso` the schedule fires at (ISO 8601, UTC), or undefined when it does
 * not fire in the next 35 days (or its time or zone is not valid): what the designer tells the
 * analyst a published schedule does next.
 */
export function nextScheduleSlot(trigger: ScheduleTrigger, nowIso: string, calendar?: BusinessCalendar): string | undefined {
  const start = walkStart(trigger, nowIso);
  if (!start) return undefined;
  const { at, now, today } = start;
  for (let day = today; day < today + LOOKBACK_DAYS; day++) {
    if (!firesOn(trigger, day, calendar)) continue;
    const instant = instantOf({ day, ms: at }, trigger.timeZone);
    if (instant > now) return new Date(instant).toISOString();
  }
  return undefined;
}

/** The slots at or before `nowIso`, latest first, back 35 days (none when the time or zone is not valid). */
function* slotsBackFrom(trigger: ScheduleTrigger, nowIso: string, calendar: BusinessCalendar | undefined): Generator<string, undefined> {
  const start = walkStart(trigger, nowIso);
  if (!start) return undefined;
  const { at, now, today } = start;
  for (let day = today; day > today - LOOKBACK_DAYS; day--) {
    if (!firesOn(trigger, day, calendar)) continue;
    const instant = instantOf({ day, ms: at }, trigger.timeZone);
    if (instant <= now) yield new Date(instant).toISOString();
  }
  return undefined;
}
