import { describe, expect, it } from 'vitest';
import { calendarCoverage } from './calendar-coverage.js';
import { shanghaiBranch } from './sample-calendars.js';

describe('calendarCoverage', () => {
  it('gives the span whose holidays are known', () => {
    expect(calendarCoverage(shanghaiBranch())).toEqual({
      years: [2026],
      from: '2026-01-01',
      through: '2026-12-31',
      missingYears: [],
    });
  });

  it('names the years missing between the first and the last', () => {
    const calendar = { ...shanghaiBranch(), years: { '2028': {}, '2025': {}, '2026': {} } };
    expect(calendarCoverage(calendar)).toEqual({
      years: [2025, 2026, 2028],
      from: '2025-01-01',
      through: '2028-12-31',
      missingYears: [2027],
    });
  });

  it('has no span when no year is listed', () => {
    expect(calendarCoverage({ ...shanghaiBranch(), years: {} })).toEqual({ years: [], missingYears: [] });
  });
});
