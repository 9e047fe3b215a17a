import { useApiClient } from '@bankforge/app-shell';
import type { BusinessCalendar } from '@bankforge/flow-engine';
import { useEffect, useState } from 'react';
import type { AutomationDocument } from '../model/automation-document.js';
import { useAutomationEditing } from '../ui/editing-context.js';
import { runOutlook, type RunOutlook } from './run-outlook.js';

const NO_CALENDARS: ReadonlyMap<string, BusinessCalendar> = new Map();

/**
 * What the published version does next (see `runOutlook`), asked when the tab opens: a working-day
 * schedule's calendar is loaded first (its published version), so nothing is said until it is known.
 */
export function useRunOutlook(published: AutomationDocument | null): RunOutlook {
  const api = useApiClient();
  const { catalog } = useAutomationEditing();
  const trigger = published?.trigger;
  const calendarKey = trigger?.type === 'schedule' && trigger.every === 'workingDay' ? trigger.calendar : undefined;
  const calendarVersion = calendarKey ? catalog.calendars.find((c) => c.key === calendarKey)?.latestVersion : undefined;
  // The calendar read, by key and version; `null` when it could not be read.
  const [read, setRead] = useState<{ key: string; version: number; calendar: BusinessCalendar | null } | null>(null);
  useEffect(() => {
    if (!calendarKey || calendarVersion == null) return;
    let live = true;
    api.getVersion<BusinessCalendar & Record<string, unknown>>('calendar', calendarKey, calendarVersion).then(
      (version) => live && setRead({ key: calendarKey, version: calendarVersion, calendar: version.document }),
      // Refused, or the network: nothing is said rather than a slot the calendar may rule out.
      () => live && setRead({ key: calendarKey, version: calendarVersion, calendar: null }),
    );
    return () => {
      live = false;
    };
  }, [api, calendarKey, calendarVersion]);
  if (!published) return null;
  const now = new Date().toISOString();
  if (!calendarKey) return runOutlook(published, now, NO_CALENDARS);
  // Not among the published calendars once they are listed: the schedule does not run (as the server finds).
  if (calendarVersion == null) return catalog.loaded ? runOutlook(published, now, NO_CALENDARS) : null;
  if (read?.key !== calendarKey || read.version !== calendarVersion || !read.calendar) return null;
  return runOutlook(published, now, new Map([[calendarKey, read.calendar]]));
}
