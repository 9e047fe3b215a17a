import { describe, expect, it } from 'vitest';
import { DaysTimeDuration, FeelDecimal, YearsMonthsDuration } from './feel-value.js';
import {
  addMonthsToDate,
  civilFromDays,
  compareDateTimes,
  compareTimes,
  daysFromCivil,
  formatDate,
  formatDateTime,
  formatDaysTimeDuration,
  formatTime,
  formatYearsMonthsDuration,
  isoWeekOfYear,
  parseDate,
  parseDateTime,
  parseDuration,
  parseTime,
  zoneOffsetAt,
  zoneOffsetForLocal,
} from './temporal.js';

function dt(text: string) {
  const v = parseDateTime(text);
  if (v === null) throw new Error(`bad date-time ${text}`);
  return v;
}
function tm(text: string) {
  const v = parseTime(text);
  if (v === null) throw new Error(`bad time ${text}`);
  return v;
}

describe('calendar', () => {
  it('converts days and civil dates both ways, for far years too', () => {
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(daysFromCivil(2000, 3, 1)).toBe(11017);
    for (const days of [-1_000_000, -1, 0, 59, 60, 10_957, 365_242_000, -365_242_000_000, 365_242_000_000]) {
      const d = civilFromDays(days);
      expect(daysFromCivil(d.year, d.month, d.day)).toBe(days);
    }
    const far = civilFromDays(daysFromCivil(999_999_999, 12, 31));
    expect([far.year, far.month, far.day]).toEqual([999_999_999, 12, 31]);
  });

  it('adds months clamping to the month end', () => {
    const d = parseDate('2021-01-31');
    expect(d && formatDate(addMonthsToDate(d, 1) ?? d)).toBe('2021-02-28');
    const leap = parseDate('2020-01-31');
    expect(leap && formatDate(addMonthsToDate(leap, 1) ?? leap)).toBe('2020-02-29');
    expect(leap && formatDate(addMonthsToDate(leap, -2) ?? leap)).toBe('2019-11-30');
  });

  it('computes ISO weeks', () => {
    expect(isoWeekOfYear(parseDate('2019-09-17') ?? civilFromDays(0))).toBe(38);
    expect(isoWeekOfYear(parseDate('2021-01-01') ?? civilFromDays(0))).toBe(53);
    expect(isoWeekOfYear(parseDate('2019-12-30') ?? civilFromDays(0))).toBe(1);
  });
});

describe('parsing and formatting', () => {
  it('parses dates and refuses invalid ones', () => {
    expect(parseDate('2024-03-01')).toMatchObject({ year: 2024, month: 3, day: 1 });
    expect(parseDate('-2024-03-01')).toMatchObject({ year: -2024 });
    expect(parseDate('999999999-12-31')).toMatchObject({ year: 999_999_999 });
    expect(parseDate('2023-02-29')).toBeNull();
    expect(parseDate('2024-13-01')).toBeNull();
    expect(parseDate('24-03-01')).toBeNull();
    expect(parseDate('2024-3-1')).toBeNull();
    expect(parseDate('02024-03-01')).toBeNull();
    expect(formatDate(parseDate('0099-01-02') ?? civilFromDays(0))).toBe('0099-01-02');
  });

  it('parses times with fraction, offset, Z and zone', () => {
    expect(formatTime(tm('10:30:00'))).toBe('10:30:00');
    const t = tm('10:30:00.123+08:00');
    expect(t.offsetSeconds).toBe(8 * 3600);
    expect(t.second.toString()).toBe('0.123');
    expect(formatTime(t)).toBe('10:30:00.123+08:00');
    expect(tm('10:30:00@Europe/Paris').zone).toBe('Europe/Paris');
    expect(tm('10:30:00Z').offsetSeconds).toBe(0);
    expect(formatTime(tm('10:30:00+00:00'))).toBe('10:30:00Z');
    expect(formatTime(tm('23:59:59.5-05:30'))).toBe('23:59:59.5-05:30');
    expect(parseTime('24:00:00')).toBeNull();
    expect(parseTime('10:60:00')).toBeNull();
    expect(parseTime('10:30:00@Not/AZone')).toBeNull();
    expect(parseTime('10:30')).toBeNull();
  });

  it('parses date-times, bare dates as midnight, and extreme years', () => {
    expect(formatDateTime(dt('2024-03-01T10:30:00@Europe/Paris'))).toBe('2024-03-01T10:30:00@Europe/Paris');
    expect(formatDateTime(dt('2024-03-01'))).toBe('2024-03-01T00:00:00');
    expect(formatDateTime(dt('-999999999-01-01T00:00:00Z'))).toBe('-999999999-01-01T00:00:00Z');
    expect(parseDateTime('2024-03-01T25:00:00')).toBeNull();
    expect(parseDateTime('2024-03-01T')).toBeNull();
  });

  it('parses durations of both kinds and formats them canonically', () => {
    const ym = parseDuration('P1Y2M');
    expect(ym).toBeInstanceOf(YearsMonthsDuration);
    expect(ym && formatYearsMonthsDuration(ym as YearsMonthsDuration)).toBe('P1Y2M');
    expect(formatYearsMonthsDuration(parseDuration('P13M') as YearsMonthsDuration)).toBe('P1Y1M');
    expect(formatYearsMonthsDuration(parseDuration('P12M') as YearsMonthsDuration)).toBe('P1Y');
    expect(formatYearsMonthsDuration(parseDuration('-P0Y') as YearsMonthsDuration)).toBe('P0M');
    const d = parseDuration('P2DT3H') as DaysTimeDuration;
    expect(d).toBeInstanceOf(DaysTimeDuration);
    expect(d.seconds.toNumber()).toBe(2 * 86400 + 3 * 3600);
    expect(formatDaysTimeDuration(parseDuration('-PT1.5S') as DaysTimeDuration)).toBe('-PT1.5S');
    expect(formatDaysTimeDuration(parseDuration('PT90M') as DaysTimeDuration)).toBe('PT1H30M');
    expect(formatDaysTimeDuration(parseDuration('PT0S') as DaysTimeDuration)).toBe('PT0S');
    expect(formatDaysTimeDuration(parseDuration('P0D') as DaysTimeDuration)).toBe('PT0S');
    expect(formatDaysTimeDuration(parseDuration('PT25H') as DaysTimeDuration)).toBe('P1DT1H');
    expect(formatDaysTimeDuration(new DaysTimeDuration(new FeelDecimal(86400)))).toBe('P1D');
    expect(parseDuration('P1Y2D')).toBeNull();
    expect(parseDuration('P')).toBeNull();
    expect(parseDuration('PT')).toBeNull();
    expect(parseDuration('P1DT')).toBeNull();
    expect(parseDuration('1D')).toBeNull();
  });
});

describe('zones and instants', () => {
  it('resolves IANA offsets across DST', () => {
    const winter = Date.UTC(2021, 0, 15) / 1000;
    const summer = Date.UTC(2021, 6, 15) / 1000;
    expect(zoneOffsetAt('Europe/Paris', winter)).toBe(3600);
    expect(zoneOffsetAt('Europe/Paris', summer)).toBe(7200);
    expect(zoneOffsetAt('America/New_York', summer)).toBe(-4 * 3600);
    // 2021-03-28T02:30 does not exist in Paris (gap): the offset before the transition applies.
    const gapLocal = Date.UTC(2021, 2, 28, 2, 30) / 1000;
    expect(zoneOffsetForLocal('Europe/Paris', gapLocal)).toBe(3600);
    // 2021-10-31T02:30 happens twice (overlap): the earlier offset (+02:00) applies.
    const overlapLocal = Date.UTC(2021, 9, 31, 2, 30) / 1000;
    expect(zoneOffsetForLocal('Europe/Paris', overlapLocal)).toBe(7200);
  });

  it('compares date-times by instant', () => {
    expect(compareDateTimes(dt('2024-01-01T10:00:00Z'), dt('2024-01-01T10:00:00+00:00'))).toBe(0);
    expect(compareDateTimes(dt('2024-01-01T11:00:00+01:00'), dt('2024-01-01T10:00:00Z'))).toBe(0);
    expect(compareDateTimes(dt('2024-01-01T11:00:00@Europe/Paris'), dt('2024-01-01T10:00:00Z'))).toBe(0);
    expect(compareDateTimes(dt('2024-07-01T11:00:00@Europe/Paris'), dt('2024-07-01T09:00:00Z'))).toBe(0);
    expect(compareDateTimes(dt('2024-01-01T10:00:00.5Z'), dt('2024-01-01T10:00:00.25Z'))).toBe(1);
    expect(compareDateTimes(dt('2024-01-01T10:00:00'), dt('2024-01-01T10:00:01'))).toBe(-1);
    expect(compareDateTimes(dt('-999999999-01-01T00:00:00'), dt('999999999-01-01T00:00:00'))).toBe(-1);
    expect(compareDateTimes(dt('999999999-01-01T00:00:00.5Z'), dt('999999999-01-01T00:00:00.4Z'))).toBe(1);
  });

  it('compares times by their instant on the day', () => {
    expect(compareTimes(tm('10:30:00+01:00'), tm('09:30:00Z'))).toBe(0);
    expect(compareTimes(tm('00:30:00+01:00'), tm('23:30:00Z'))).toBe(0);
    expect(compareTimes(tm('10:30:00'), tm('10:30:00.001'))).toBe(-1);
  });
});
