import { nextScheduleSlot, type AutomationDefinition, type BusinessCalendar } from '@bankforge/flow-engine';

/**
 * What the published automation does next, for the Runs tab to say beside its runs: `paused` when
 * the published version is disabled (it runs on nothing, whatever its trigger); a schedule's next
 * slot in its time zone; `noCalendar` when it counts the working days of a calendar that is not
 * published (the server skips it then); `none` when it fires in none of the next 35 days (or its
 * time or zone is not valid); null for a trigger that waits on something else (a write, an event, a case).
 */
export type RunOutlook =
  | { kind: 'paused' }
  | { kind: 'next'; at: string; timeZone: string }
  | { kind: 'noCalendar'; calendar: string }
  | { kind: 'none' }
  | null;

/** `calendars`: the published business calendars by key (only the schedule's own is read). */
export function runOutlook(published: AutomationDefinition | null, nowIso: string, calendars: ReadonlyMap<string, BusinessCalendar>): RunOutlook {
  if (!published) return null;
  if (published.enabled === false) return { kind: 'paused' };
  const trigger = published.trigger;
  if (trigger.type !== 'schedule') return null;
  const calendar = trigger.calendar ? calendars.get(trigger.calendar) : undefined;
  if (trigger.every === 'workingDay' && trigger.calendar && !calendar) return { kind: 'noCalendar', calendar: trigger.calendar };
  const at = nextScheduleSlot(trigger, nowIso, calendar);
  return at ? { kind: 'next', at, timeZone: trigger.timeZone } : { kind: 'none' };
}
