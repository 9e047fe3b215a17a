import { describe, expect, it } from 'vitest';
import { parsePeriod, periodText } from './period.js';

describe('periods in a link', () => {
  it('writes and reads named, relative and custom periods', () => {
    for (const period of ['thisQuarter', { last: 12, unit: 'month' }, { next: 3, unit: 'day' }, { from: '2026-01-01', to: '2026-03-31' }] as const) {
      expect(parsePeriod(periodText(period))).toEqual(period);
    }
    expect(periodText({ last: 12, unit: 'month' })).toBe('last-12-month');
    expect(periodText({ from: '2026-01-01', to: '2026-03-31' })).toBe('2026-01-01~2026-03-31');
  });

  it('reads nothing from text that names no period', () => {
    for (const text of ['nextCentury', 'last-0-month', 'last-12-fortnight', '2026-03-31~2026-01-01', '2026-01-01~', '2026-1-1~2026-02-01', '']) {
      expect(parsePeriod(text)).toBeUndefined();
    }
  });
});
