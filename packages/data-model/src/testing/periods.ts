import type { RelativePeriod } from '../filter/relative-dates.js';

/** The clock of the relative-period tests: here and in the report engine's SQL tests. */
export const NOW = new Date('2025-05-14T10:00:00.000Z');

/** What each period covers on NOW's day (a Wednesday in Q2 2025), worked out by hand: [start, end). */
export const PERIODS: [RelativePeriod, string, string][] = [
  ['today', '2025-05-14', '2025-05-15'],
  ['yesterday', '2025-05-13', '2025-05-14'],
  ['thisWeek', '2025-05-12', '2025-05-19'],
  ['lastWeek', '2025-05-05', '2025-05-12'],
  ['thisMonth', '2025-05-01', '2025-06-01'],
  ['lastMonth', '2025-04-01', '2025-05-01'],
  ['thisQuarter', '2025-04-01', '2025-07-01'],
  ['lastQuarter', '2025-01-01', '2025-04-01'],
  ['thisYear', '2025-01-01', '2026-01-01'],
  ['lastYear', '2024-01-01', '2025-01-01'],
  ['weekToDate', '2025-05-12', '2025-05-15'],
  ['monthToDate', '2025-05-01', '2025-05-15'],
  ['quarterToDate', '2025-04-01', '2025-05-15'],
  ['yearToDate', '2025-01-01', '2025-05-15'],
  [{ last: 30, unit: 'day' }, '2025-04-15', '2025-05-15'],
  [{ last: 12, unit: 'month' }, '2024-06-01', '2025-06-01'],
  [{ last: 2, unit: 'week' }, '2025-05-05', '2025-05-19'],
  [{ next: 1, unit: 'month' }, '2025-06-01', '2025-07-01'],
];
