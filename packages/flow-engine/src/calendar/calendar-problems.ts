/**
 * What is wrong with a calendar beyond its schema: the check of the `calendar` kind, and the guard
 * that keeps a broken calendar from computing due dates.
 */
import type { ArtifactProblem } from '@bankforge/rule-engine';
import {
  DEFAULT_CALENDAR_TIME_ZONE,
  DEFAULT_WORKING_WEEKDAYS,
  type BusinessCalendar,
  type CalendarDay,
} from './business-calendar.js';
import { calendarCoverage } from './calendar-coverage.js';
import { dayOfDate, isKnownTimeZone, msOfTime, weekdayOfDay, yearOfDay } from './local-time.js';

/** Problems that refuse a calendar. */
export type CalendarErrorCode =
  | 'invalidTimeZone'
  | 'invalidTime'
  | 'invertedWorkingPeriod'
  | 'overlappingWorkingPeriods'
  | 'invalidDate'
  | 'dateOutsideYear'
  | 'holidayAndWorkingDay';

/** Problems worth a look that do not refuse it. */
export type CalendarWarningCode = 'duplicateDate' | 'workingDayOnWorkingWeekday' | 'yearMissing' | 'noYears';

export interface CalendarProblems {
  errors: ArtifactProblem[];
  warnings: ArtifactProblem[];
}

const problem = (
  path: string,
  code: CalendarErrorCode | CalendarWarningCode,
  message: string,
  messageZh: string,
): ArtifactProblem => ({
  path,
  code,
  message,
  messageZh,
});

function workingHoursProblems(calendar: BusinessCalendar, errors: ArtifactProblem[]): void {
  const periods: { index: number; start: number; end: number }[] = [];
  for (const [index, period] of calendar.workingHours.entries()) {
    const path = `/workingHours/${index}`;
    const start = msOfTime(period.start);
    const end = msOfTime(period.end);
    if (start === undefined || end === undefined) {
      const field = start === undefined ? 'start' : 'end';
      errors.push(
        problem(
          `${path}/${field}`,
          'invalidTime',
          `${period[field]} is not a time of day (HH:mm)`,
          `${period[field]} 不是有效的时间 (HH:mm)`,
        ),
      );
    } else if (end <= start) {
      errors.push(
        problem(
          path,
          'invertedWorkingPeriod',
          `the working period ${period.start}–${period.end} ends before it starts`,
          `工作时段 ${period.start}–${period.end} 的结束时间不晚于开始时间`,
        ),
      );
    } else {
      periods.push({ index, start, end });
    }
  }
  periods.sort((a, b) => a.start - b.start);
  let latestEnd = -1;
  let latestIndex = -1;
  for (const p of periods) {
    if (p.start < latestEnd) {
      const other = calendar.workingHours[latestIndex]!;
      const self = calendar.workingHours[p.index]!;
      errors.push(
        problem(
          `/workingHours/${p.index}`,
          'overlappingWorkingPeriods',
          `the working period ${self.start}–${self.end} overlaps ${other.start}–${other.end}`,
          `工作时段 ${self.start}–${self.end} 与 ${other.start}–${other.end} 重叠`,
        ),
      );
    }
    if (p.end > latestEnd) [latestEnd, latestIndex] = [p.end, p.index];
  }
}

interface FiledDay {
  day: number;
  path: string;
  date: string;
}

/** The real dates of one list of a year, each checked against the year it is filed under. */
function filedDays(
  year: string,
  list: 'holidays' | 'workingDays',
  days: readonly CalendarDay[],
  errors: ArtifactProblem[],
): FiledDay[] {
  const filed: FiledDay[] = [];
  for (const [index, { date }] of days.entries()) {
    const path = `/years/${year}/${list}/${index}/date`;
    const day = dayOfDate(date);
    if (day === undefined) {
      errors.push(problem(path, 'invalidDate', `${date} is not a date`, `${date} 不是有效的日期`));
    } else if (String(yearOfDay(day)) !== year) {
      errors.push(
        problem(path, 'dateOutsideYear', `${date} is filed under ${year}`, `${date} 被列在 ${year} 年之下`),
      );
    } else {
      filed.push({ day, path, date });
    }
  }
  return filed;
}

/** Duplicates within one kind of day, across the years: told once, at the repeat. */
function repeated(days: readonly FiledDay[], warnings: ArtifactProblem[]): Set<number> {
  const seen = new Set<number>();
  for (const d of days) {
    if (seen.has(d.day))
      warnings.push(problem(d.path, 'duplicateDate', `${d.date} is listed twice`, `${d.date} 重复列出`));
    seen.add(d.day);
  }
  return seen;
}

function yearsProblems(
  calendar: BusinessCalendar,
  errors: ArtifactProblem[],
  warnings: ArtifactProblem[],
): void {
  const holidays: FiledDay[] = [];
  const workingDays: FiledDay[] = [];
  for (const [year, content] of Object.entries(calendar.years)) {
    holidays.push(...filedDays(year, 'holidays', content.holidays ?? [], errors));
    workingDays.push(...filedDays(year, 'workingDays', content.workingDays ?? [], errors));
  }
  const off = repeated(holidays, warnings);
  repeated(workingDays, warnings);
  const weekdays = new Set<number>(calendar.workingWeekdays ?? DEFAULT_WORKING_WEEKDAYS);
  for (const d of workingDays) {
    if (off.has(d.day)) {
      errors.push(
        problem(
          d.path,
          'holidayAndWorkingDay',
          `${d.date} is both a holiday and a working day`,
          `${d.date} 同时被列为节假日和调休工作日`,
        ),
      );
    } else if (weekdays.has(weekdayOfDay(d.day))) {
      warnings.push(
        problem(
          d.path,
          'workingDayOnWorkingWeekday',
          `${d.date} is a working weekday already`,
          `${d.date} 本来就是工作日`,
        ),
      );
    }
  }
  const { years, missingYears } = calendarCoverage(calendar);
  if (years.length === 0) {
    warnings.push(
      problem(
        '/years',
        'noYears',
        'no year lists its holidays: every working weekday counts as worked',
        '未列出任何年份的节假日：所有工作日均按正常上班计算',
      ),
    );
  }
  for (const year of missingYears) {
    warnings.push(
      problem(
        '/years',
        'yearMissing',
        `${year} lists no holidays: its working weekdays all count as worked`,
        `${year} 年未列出节假日：该年所有工作日均按正常上班计算`,
      ),
    );
  }
}

/** Every problem of a calendar that matches the schema: errors refuse it, warnings are told. */
export function calendarProblems(calendar: BusinessCalendar): CalendarProblems {
  const errors: ArtifactProblem[] = [];
  const warnings: ArtifactProblem[] = [];
  const timeZone = calendar.timeZone ?? DEFAULT_CALENDAR_TIME_ZONE;
  if (!isKnownTimeZone(timeZone)) {
    errors.push(
      problem(
        '/timeZone',
        'invalidTimeZone',
        `${timeZone} is not a known IANA time zone`,
        `${timeZone} 不是已知的 IANA 时区`,
      ),
    );
  }
  workingHoursProblems(calendar, errors);
  yearsProblems(calendar, errors, warnings);
  return { errors, warnings };
}
