/**
 * Calendars for tests (not exported from the package). The Shanghai one is modelled on mainland
 * China's 2026 New Year and Spring Festival; the full official year is the example app's
 * `cn_mainland` calendar.
 */
import type { BusinessCalendar, CalendarDay } from './business-calendar.js';

const named = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/** Each date from `first` to `last` (same month), named. */
function span(first: string, last: string, en: string, zh: string): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let d = Number(first.slice(8)); d <= Number(last.slice(8)); d++) {
    days.push({ date: `${first.slice(0, 8)}${String(d).padStart(2, '0')}`, name: named(en, zh) });
  }
  return days;
}

/** A Shanghai branch: Monday to Friday, 09:00–12:00 and 13:00–17:30, 2026 only. */
export function shanghaiBranch(): BusinessCalendar {
  return {
    kind: 'calendar',
    key: 'shanghai_branch',
    title: 'Shanghai branch',
    schemaVersion: 1,
    name: named('Shanghai branch', '上海分行'),
    timeZone: 'Asia/Shanghai',
    workingWeekdays: [1, 2, 3, 4, 5],
    workingHours: [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:30' },
    ],
    years: {
      '2026': {
        holidays: [
          ...span('2026-01-01', '2026-01-03', "New Year's Day", '元旦'),
          ...span('2026-02-15', '2026-02-23', 'Spring Festival', '春节'),
        ],
        workingDays: [
          { date: '2026-01-04', name: named("New Year's Day make-up day", '元旦调休上班') },
          { date: '2026-02-14', name: named('Spring Festival make-up day', '春节调休上班') },
          { date: '2026-02-28', name: named('Spring Festival make-up day', '春节调休上班') },
        ],
      },
    },
  };
}

/** A branch on another clock: Monday to Friday 09:00–17:00 local, no holidays listed. */
export function branchIn(timeZone: string): BusinessCalendar {
  return {
    kind: 'calendar',
    key: 'branch',
    title: `Branch in ${timeZone}`,
    schemaVersion: 1,
    name: named(`Branch in ${timeZone}`, `${timeZone} 分行`),
    timeZone,
    workingHours: [{ start: '09:00', end: '17:00' }],
    years: {},
  };
}
