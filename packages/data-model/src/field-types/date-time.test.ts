import { describe, expect, it } from 'vitest';
import { canonicalDatetime, daysInMonth, isIsoDate, isLeapYear, isUtcDatetime } from './date-time.js';

describe('isIsoDate', () => {
  it.each(['2024-01-31', '2024-02-29', '2000-02-29', '1900-02-28', '2023-12-31', '0001-01-01', '9999-12-31'])(
    'accepts %s',
    (s) => {
      expect(isIsoDate(s)).toBe(true);
    },
  );

  it.each([
    '2023-02-29',
    '1900-02-29',
    '2024-02-30',
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-1-5',
    '24-01-05',
    '2024/01/05',
    '2024-01-05T00:00:00Z',
    ' 2024-01-05',
    '',
  ])('rejects %s', (s) => {
    expect(isIsoDate(s)).toBe(false);
  });

  it('knows leap years and month lengths', () => {
    expect([1900, 2000, 2023, 2024].map(isLeapYear)).toEqual([false, true, false, true]);
    expect([1, 2, 4, 12].map((m) => daysInMonth(2024, m))).toEqual([31, 29, 30, 31]);
  });
});

describe('canonicalDatetime', () => {
  it.each([
    ['2024-03-01T08:00:00+08:00', '2024-03-01T00:00:00.000Z'],
    ['2024-03-01T08:00:00+0800', '2024-03-01T00:00:00.000Z'],
    ['2024-03-01T00:30:00+08:00', '2024-02-29T16:30:00.000Z'],
    ['2024-01-01T02:00:00+05:30', '2023-12-31T20:30:00.000Z'],
    ['2023-12-31T20:00:00-05:00', '2024-01-01T01:00:00.000Z'],
    ['2024-03-01T00:00:00Z', '2024-03-01T00:00:00.000Z'],
    ['2024-03-01T00:00Z', '2024-03-01T00:00:00.000Z'],
    ['2024-03-01T12:34:56.7Z', '2024-03-01T12:34:56.700Z'],
    ['2024-03-01T12:34:56.789Z', '2024-03-01T12:34:56.789Z'],
    ['2024-03-01T12:34:56.789999999Z', '2024-03-01T12:34:56.789Z'],
    ['2024-03-01T00:00:00.000+00:00', '2024-03-01T00:00:00.000Z'],
    ['0050-06-01T00:00:00Z', '0050-06-01T00:00:00.000Z'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalDatetime(input)).toBe(expected);
  });

  it.each([
    ['2023-02-30T00:00:00Z', 'February 30'],
    ['2023-02-29T00:00:00Z', 'not a leap year'],
    ['2024-03-01T24:00:00Z', 'hour 24'],
    ['2024-03-01T12:60:00Z', 'minute 60'],
    ['2024-03-01T12:00:60Z', 'second 60'],
    ['2024-03-01T12:00:00', 'no offset'],
    ['2024-03-01 12:00:00Z', 'space separator'],
    ['2024-03-01T12:00:00+8:00', 'one-digit offset hour'],
    ['2024-03-01T12:00:00+24:00', 'offset hour 24'],
    ['2024-03-01T12Z', 'hour only'],
    ['2024-03-01T12:00:00.Z', 'empty fraction'],
    ['2024-03-01', 'date only'],
    ['9999-12-31T23:00:00-02:00', 'past year 9999 in UTC'],
    ['', 'empty'],
  ])('rejects %s (%s)', (input) => {
    expect(canonicalDatetime(input)).toBeUndefined();
  });

  it('isUtcDatetime accepts only the canonical form', () => {
    expect(isUtcDatetime('2024-03-01T00:00:00.000Z')).toBe(true);
    expect(isUtcDatetime('2024-03-01T00:00:00Z')).toBe(false);
    expect(isUtcDatetime('2024-03-01T08:00:00.000+08:00')).toBe(false);
  });
});
