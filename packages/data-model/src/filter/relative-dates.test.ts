import { describe, expect, it } from 'vitest';
import { NOW, PERIODS } from '../testing/periods.js';
import { isRelativePeriod, resolvePeriod } from './relative-dates.js';

describe('relative periods', () => {
  it.each(PERIODS)('%j covers [%s, %s) on the day of NOW, at any hour', (period, start, end) => {
    expect(resolvePeriod(period, NOW)).toEqual({ start, end });
    expect(resolvePeriod(period, new Date('2025-05-14T23:59:59.999Z'))).toEqual({ start, end });
    expect(resolvePeriod(period, new Date('2025-05-14T00:00:00.000Z'))).toEqual({ start, end });
  });

  it('counts "last N" units back from the current one, inclusive', () => {
    expect(resolvePeriod({ last: 30, unit: 'day' }, NOW)).toEqual({ start: '2025-04-15', end: '2025-05-15' });
    expect(resolvePeriod({ last: 12, unit: 'month' }, NOW)).toEqual({
      start: '2024-06-01',
      end: '2025-06-01',
    });
    expect(resolvePeriod({ last: 2, unit: 'quarter' }, NOW)).toEqual({
      start: '2025-01-01',
      end: '2025-07-01',
    });
    expect(resolvePeriod({ last: 1, unit: 'week' }, NOW)).toEqual({ start: '2025-05-12', end: '2025-05-19' });
  });

  it('counts "next N" units after the current one', () => {
    expect(resolvePeriod({ next: 15, unit: 'day' }, NOW)).toEqual({ start: '2025-05-15', end: '2025-05-30' });
    expect(resolvePeriod({ next: 1, unit: 'year' }, NOW)).toEqual({ start: '2026-01-01', end: '2027-01-01' });
  });

  it('handles month ends and leap years without overflow', () => {
    const endOfMarch = new Date('2024-03-31T10:00:00Z');
    expect(resolvePeriod('lastMonth', endOfMarch)).toEqual({ start: '2024-02-01', end: '2024-03-01' });
    expect(resolvePeriod({ last: 1, unit: 'month' }, new Date('2024-02-29T00:00:00Z'))).toEqual({
      start: '2024-02-01',
      end: '2024-03-01',
    });
    // Sunday belongs to the week that started on the Monday before.
    expect(resolvePeriod('thisWeek', new Date('2025-05-18T12:00:00Z'))).toEqual({
      start: '2025-05-12',
      end: '2025-05-19',
    });
  });

  it('recognises only well-formed periods', () => {
    expect(isRelativePeriod('thisQuarter')).toBe(true);
    expect(isRelativePeriod({ last: 3, unit: 'month' })).toBe(true);
    expect(isRelativePeriod({ last: 0, unit: 'month' })).toBe(false);
    expect(isRelativePeriod({ last: 3, unit: 'fortnight' })).toBe(false);
    expect(isRelativePeriod({ last: 3, unit: 'day', extra: 1 })).toBe(false);
    expect(isRelativePeriod('sometime')).toBe(false);
  });
});
