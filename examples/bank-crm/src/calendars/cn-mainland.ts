/**
 * The mainland China business calendar of the example bank: Asia/Shanghai, Monday to Friday,
 * 09:00–12:00 and 13:00–17:30, with the 2026 public holidays and make-up working days (调休).
 *
 * Source: 国务院办公厅关于2026年部分节假日安排的通知 (State Council General Office, 4 November 2025),
 * as published by Xinhua the same day. It was read from a reprint on politics.gmw.cn
 * (https://politics.gmw.cn/2025-11/04/content_38391083.htm) found through a search of stored web
 * pages, not on www.gov.cn itself; it agrees with the schedule in the issue that asked for this
 * calendar. Check every date against the notice on www.gov.cn before relying on it in production.
 * 2027 is left out: its notice is usually published in November of the year before, and the dates
 * are not known here. Until a 2027 year is added, 2027 counts Monday to Friday only.
 */
import type { BusinessCalendar, CalendarDay, LocalizedText } from '@bankforge/flow-engine';

const named = (en: string, zh: string): LocalizedText => ({ en, 'zh-CN': zh });

/** Each date from `first` to `last` (within one month), all with one name. */
function span(first: string, last: string, name: LocalizedText): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let d = Number(first.slice(8)); d <= Number(last.slice(8)); d++) {
    days.push({ date: `${first.slice(0, 8)}${String(d).padStart(2, '0')}`, name });
  }
  return days;
}

const NEW_YEAR = named("New Year's Day", '元旦');
const SPRING_FESTIVAL = named('Spring Festival', '春节');
const QINGMING = named('Qingming Festival', '清明节');
const LABOUR_DAY = named('Labour Day', '劳动节');
const DRAGON_BOAT = named('Dragon Boat Festival', '端午节');
const MID_AUTUMN = named('Mid-Autumn Festival', '中秋节');
const NATIONAL_DAY = named('National Day', '国庆节');

/** A make-up working day (调休上班) for a holiday. */
const makeUp = (date: string, holiday: LocalizedText): CalendarDay => ({
  date,
  name: named(`${holiday.en} make-up working day`, `${holiday['zh-CN']}调休上班`),
});

export const cnMainlandCalendar: BusinessCalendar = {
  kind: 'calendar',
  key: 'cn_mainland',
  title: 'Mainland China',
  schemaVersion: 1,
  name: named('Mainland China business calendar', '中国内地工作日历'),
  description:
    'Public holidays and make-up working days as set by the State Council General Office each year.',
  timeZone: 'Asia/Shanghai',
  workingWeekdays: [1, 2, 3, 4, 5],
  workingHours: [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '17:30' },
  ],
  years: {
    '2026': {
      holidays: [
        ...span('2026-01-01', '2026-01-03', NEW_YEAR), // Thu–Sat
        ...span('2026-02-15', '2026-02-23', SPRING_FESTIVAL), // Sun–Mon, 腊月二十八 to 正月初七
        ...span('2026-04-04', '2026-04-06', QINGMING), // Sat–Mon
        ...span('2026-05-01', '2026-05-05', LABOUR_DAY), // Fri–Tue
        ...span('2026-06-19', '2026-06-21', DRAGON_BOAT), // Fri–Sun
        ...span('2026-09-25', '2026-09-27', MID_AUTUMN), // Fri–Sun
        ...span('2026-10-01', '2026-10-07', NATIONAL_DAY), // Thu–Wed
      ],
      workingDays: [
        makeUp('2026-01-04', NEW_YEAR), // Sun
        makeUp('2026-02-14', SPRING_FESTIVAL), // Sat
        makeUp('2026-02-28', SPRING_FESTIVAL), // Sat
        makeUp('2026-05-09', LABOUR_DAY), // Sat
        makeUp('2026-09-20', NATIONAL_DAY), // Sun
        makeUp('2026-10-10', NATIONAL_DAY), // Sat
      ],
    },
  },
};
