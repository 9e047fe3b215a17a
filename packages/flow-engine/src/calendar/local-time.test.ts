import { describe, expect, it } from 'vitest';
import {
  dateOfDay,
  dayOfDate,
  instantMs,
  instantOf,
  isKnownTimeZone,
  localMoment,
  msOfTime,
  weekdayOfDay,
} from './local-time.js';

const HOUR = 3_600_000;

describe('dates and times of day', () => {
  it('reads real dates only', () => {
    expect(dayOfDate('1970-01-02')).toBe(1);
    expect(dayOfDate('2028-02-29')).toBeDefined(); // a leap year
    for (const unreal of ['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-2-1', '26-02-01'])
      expect(dayOfDate(unreal)).toBeUndefined();
    expect(dateOfDay(dayOfDate('2026-02-13')!)).toBe('2026-02-13');
  });

  it('knows the weekday (1 = Monday)', () => {
    expect(weekdayOfDay(0)).toBe(4); // 1970-01-01 was a Thursday
    expect(weekdayOfDay(dayOfDate('2026-02-13')!)).toBe(5);
    expect(weekdayOfDay(dayOfDate('2026-02-15')!)).toBe(7);
    expect(weekdayOfDay(dayOfDate('2026-02-16')!)).toBe(1);
    expect(weekdayOfDay(-1)).toBe(3);
  });

  it('reads HH:mm up to 24:00', () => {
    expect(msOfTime('00:00')).toBe(0);
    expect(msOfTime('17:30')).toBe(17.5 * HOUR);
    expect(msOfTime('24:00')).toBe(24 * HOUR);
    for (const bad of ['24:01', '25:00', '12:60', '9:00', '09:00:00']) expect(msOfTime(bad)).toBeUndefined();
  });

  it('takes instants only with their offset (else the machine would choose the zone)', () => {
    expect(instantMs('2026-02-13T10:00:00+08:00')).toBe(Date.UTC(2026, 1, 13, 2));
    expect(instantMs('2026-02-13T02:00:00.000Z')).toBe(Date.UTC(2026, 1, 13, 2));
    expect(instantMs('2026-02-13T10:00:00')).toBeUndefined();
    expect(instantMs('2026-02-13')).toBeUndefined();
    expect(instantMs('yesterday')).toBeUndefined();
  });
});

describe('wall clocks', () => {
  it('knows the IANA zones the platform knows', () => {
    expect(isKnownTimeZone('Asia/Shanghai')).toBe(true);
    expect(isKnownTimeZone('Europe/London')).toBe(true);
    expect(isKnownTimeZone('Asia/Beijing')).toBe(false); // China's zone is named after Shanghai
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });

  it('reads an instant on each clock', () => {
    const at = Date.UTC(2026, 2, 9, 8, 0, 30, 250); // Monday 2026-03-09 08:00:30.250Z
    const monday = dayOfDate('2026-03-09')!;
    expect(localMoment(at, 'Asia/Shanghai')).toEqual({ day: monday, ms: 16 * HOUR + 30_250 });
    expect(localMoment(at, 'Europe/London')).toEqual({ day: monday, ms: 8 * HOUR + 30_250 }); // GMT until 29 March
    expect(localMoment(at, 'America/New_York')).toEqual({ day: monday, ms: 4 * HOUR + 30_250 }); // EDT since 8 March
    expect(localMoment(Date.UTC(2026, 1, 13, 20), 'Asia/Shanghai')).toEqual({
      day: dayOfDate('2026-02-14')!,
      ms: 4 * HOUR,
    });
  });

  it('turns a wall-clock time back into its instant', () => {
    expect(instantOf({ day: dayOfDate('2026-02-25')!, ms: 10 * HOUR }, 'Asia/Shanghai')).toBe(
      Date.UTC(2026, 1, 25, 2),
    );
    expect(instantOf({ day: dayOfDate('2026-07-01')!, ms: 9 * HOUR }, 'Europe/London')).toBe(
      Date.UTC(2026, 6, 1, 8),
    ); // BST
    expect(instantOf({ day: dayOfDate('2026-12-01')!, ms: 9 * HOUR }, 'America/New_York')).toBe(
      Date.UTC(2026, 11, 1, 14),
    ); // EST
  });

  it('takes the earlier of a time that happens twice, and moves a time that never happens past the gap', () => {
    // London, 25 October 2026: 01:30 BST (00:30Z), then at 02:00 BST clocks go back and 01:30 GMT (01:30Z) comes again.
    expect(instantOf({ day: dayOfDate('2026-10-25')!, ms: 1.5 * HOUR }, 'Europe/London')).toBe(
      Date.UTC(2026, 9, 25, 0, 30),
    );
    // London, 29 March 2026: 01:00 GMT jumps to 02:00 BST; 01:30 is read as GMT, i.e. 02:30 BST.
    expect(instantOf({ day: dayOfDate('2026-03-29')!, ms: 1.5 * HOUR }, 'Europe/London')).toBe(
      Date.UTC(2026, 2, 29, 1, 30),
    );
  });
});
