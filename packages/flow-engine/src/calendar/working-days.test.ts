import { describe, expect, it } from 'vitest';
import { BusinessCalendarError } from './compiled-calendar.js';
import { shanghaiBranch } from './sample-calendars.js';
import { isWorkingDay } from './working-days.js';

describe('isWorkingDay', () => {
  const cases: [date: string, worked: boolean, why: string][] = [
    ['2026-02-13', true, 'a Friday'],
    ['2026-03-07', false, 'a Saturday'],
    ['2026-03-08', false, 'a Sunday'],
    ['2026-02-14', true, 'a make-up Saturday (调休)'],
    ['2026-01-04', true, 'a make-up Sunday'],
    ['2026-02-15', false, 'a Sunday in the Spring Festival'],
    ['2026-02-16', false, 'a Monday in the Spring Festival'],
    ['2026-02-24', true, 'the Tuesday after it'],
    ['2025-12-31', true, 'a Wednesday of 2025, which the calendar does not list'],
    ['2027-01-01', true, "New Year's Day 2027, a Friday: 2027 is not listed, so weekdays alone decide"],
  ];

  it.each(cases)('%s is worked: %s (%s)', (date, worked) => {
    expect(isWorkingDay(shanghaiBranch(), date)).toBe(worked);
  });

  it('honours the working weekdays', () => {
    expect(isWorkingDay({ ...shanghaiBranch(), workingWeekdays: [1, 2, 3, 4, 5, 6] }, '2026-03-07')).toBe(
      true,
    );
    expect(
      isWorkingDay({ ...shanghaiBranch(), workingWeekdays: [2, 3, 4, 5, 6] }, '2026-03-09' /* a Monday */),
    ).toBe(false);
  });

  it('refuses what is not a date', () => {
    expect(() => isWorkingDay(shanghaiBranch(), '2026-02-30')).toThrow(BusinessCalendarError);
  });
});
