import { describe, expect, it } from 'vitest';
import { addBusinessDuration, parseBusinessDuration } from './business-duration.js';
import { BusinessCalendarError } from './compiled-calendar.js';
import { branchIn, shanghaiBranch } from './sample-calendars.js';

/** A Shanghai wall-clock time (UTC+8 all year) as the UTC instant the engine writes. */
const shanghai = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();

describe('addBusinessDuration on a Shanghai branch (09:00–12:00, 13:00–17:30, Mon–Fri, 2026 holidays)', () => {
  // Every row checked by hand against a 2026 calendar; weekdays in brackets.
  const cases: [why: string, from: string, duration: string, due: string][] = [
    ['a weekend is skipped', '2026-03-06 16:00' /* Fri */, 'P3D', '2026-03-11 16:00' /* Wed */],
    [
      'a Saturday start counts from Monday 09:00',
      '2026-03-07 10:00' /* Sat */,
      'P3D',
      '2026-03-12 09:00' /* Thu */,
    ],
    [
      'an evening start counts from the next opening',
      '2026-03-09 18:00' /* Mon */,
      'P1D',
      '2026-03-11 09:00' /* Wed */,
    ],
    [
      'a lunch-break start counts from 13:00',
      '2026-03-09 12:30' /* Mon */,
      'P1D',
      '2026-03-10 13:00' /* Tue */,
    ],
    [
      'the closing minute is still the working day',
      '2026-03-09 17:30' /* Mon */,
      'P1D',
      '2026-03-10 17:30' /* Tue */,
    ],
    // Sat 14 Feb is a make-up day (day 1), 15–23 Feb the Spring Festival, Tue 24 day 2, Wed 25 day 3.
    [
      'the Spring Festival and its make-up Saturday',
      '2026-02-13 10:00' /* Fri */,
      'P3D',
      '2026-02-25 10:00' /* Wed */,
    ],
    [
      'a start on a holiday counts from the first working day after it',
      '2026-02-18 10:00' /* Wed, 春节 */,
      'P1D',
      '2026-02-25 09:00' /* Wed */,
    ],
    [
      'a make-up Saturday is a working day to start from',
      '2026-02-28 10:00' /* Sat, 调休 */,
      'P1D',
      '2026-03-02 10:00' /* Mon */,
    ],
    // 1–3 January 2026 are New Year holidays and Sunday 4 January is worked.
    [
      'from 2025 (not listed) into 2026',
      '2025-12-31 10:00' /* Wed */,
      'P1D',
      '2026-01-04 10:00' /* Sun, 调休 */,
    ],
    // 2027 is not listed: 1 January 2027, a Friday, counts as a working day.
    [
      'into 2027, which has no holidays listed',
      '2026-12-31 10:00' /* Thu */,
      'P2D',
      '2027-01-04 10:00' /* Mon */,
    ],
    ['hours skip the lunch break', '2026-03-09 11:00', 'PT2H', '2026-03-09 14:00'],
    ['hours from the lunch break start at 13:00', '2026-03-09 12:30', 'PT1H', '2026-03-09 14:00'],
    ['minutes on both sides of lunch', '2026-03-09 11:45', 'PT30M', '2026-03-09 13:15'],
    ['hours before opening start at 09:00', '2026-03-09 07:00', 'PT30M', '2026-03-09 09:30'],
    ['hours after closing start the next morning', '2026-03-09 18:00', 'PT1H', '2026-03-10 10:00'],
    ['hours that end at closing are due at closing', '2026-03-09 16:00', 'PT90M', '2026-03-09 17:30'],
    ['hours over a weekend', '2026-03-06 16:00' /* Fri */, 'PT4H', '2026-03-09 11:30' /* Mon */],
    ['two full working days end at the second closing', '2026-03-09 09:00', 'PT15H', '2026-03-10 17:30'],
    ['and one minute more is the third morning', '2026-03-09 09:00', 'PT15H1M', '2026-03-11 09:01'],
    ['hours on a make-up Saturday', '2026-02-13 16:00' /* Fri */, 'PT8H', '2026-02-14 16:30' /* Sat, 调休 */],
    ['hours over the Spring Festival', '2026-02-13 16:00', 'PT16H', '2026-02-24 17:00' /* Tue */],
    ['days, then hours', '2026-03-06 16:00' /* Fri */, 'P1DT2H', '2026-03-10 09:30' /* Tue */],
    [
      'a month keeps the date, the 31st becomes the month end (a make-up Saturday here)',
      '2026-01-31 10:00' /* Sat */,
      'P1M',
      '2026-02-28 10:00',
    ],
    [
      'a month that lands on a holiday moves to the next opening',
      '2026-01-15 10:00' /* Thu */,
      'P1M',
      '2026-02-24 09:00' /* Tue */,
    ],
  ];

  it.each(cases)('%s: %s + %s is due %s', (_why, from, duration, due) => {
    expect(addBusinessDuration(shanghaiBranch(), shanghai(from), duration)).toBe(shanghai(due));
  });

  it('keeps the seconds of the start', () => {
    expect(addBusinessDuration(shanghaiBranch(), '2026-03-09T03:59:00Z' /* 11:59 */, 'PT90S')).toBe(
      '2026-03-09T05:00:30.000Z' /* 13:00:30 */,
    );
  });

  it('answers a zero duration with its start', () => {
    expect(addBusinessDuration(shanghaiBranch(), '2026-03-07T02:00:00+00:00', 'PT0S')).toBe(
      '2026-03-07T02:00:00.000Z',
    );
    expect(addBusinessDuration(shanghaiBranch(), '2026-03-07T10:00:00+08:00', 'P0D')).toBe(
      '2026-03-07T02:00:00.000Z',
    );
  });

  it('takes Asia/Shanghai and Monday to Friday when the calendar does not say', () => {
    const calendar = shanghaiBranch();
    delete calendar.timeZone;
    delete calendar.workingWeekdays;
    expect(addBusinessDuration(calendar, shanghai('2026-02-13 10:00'), 'P3D')).toBe(
      shanghai('2026-02-25 10:00'),
    );
  });

  it('walks long durations by whole days, not minute by minute', () => {
    const calendar = shanghaiBranch();
    const started = performance.now();
    for (let i = 0; i < 1000; i++) addBusinessDuration(calendar, shanghai('2026-02-13 10:00'), 'P15DT3H');
    // About 10 µs a call on a laptop: a minute-by-minute walk would take milliseconds each.
    expect(performance.now() - started).toBeLessThan(1000);
    // 750 h is 100 working days of 7.5 h; the sample lists no holidays after February, so 20 weeks:
    // Monday 2 March is day 1 and day 100 is Friday 17 July (2 March + 19 weeks + 4 days).
    expect(addBusinessDuration(calendar, shanghai('2026-03-02 09:00'), 'PT750H')).toBe(
      shanghai('2026-07-17 17:30'),
    );
  });
});

describe('addBusinessDuration counts wall-clock working hours in the calendar’s zone', () => {
  // Monday 2026-03-09 08:00Z: 16:00 in Shanghai, 08:00 in London (GMT), 04:00 in New York (EDT).
  const instant = '2026-03-09T08:00:00Z';

  it('gives one instant different due times on different calendars', () => {
    expect(addBusinessDuration(shanghaiBranch(), instant, 'PT1H')).toBe('2026-03-09T09:00:00.000Z'); // 17:00 Shanghai
    expect(addBusinessDuration(branchIn('Europe/London'), instant, 'PT1H')).toBe('2026-03-09T10:00:00.000Z'); // 09:00–10:00 GMT
    expect(addBusinessDuration(branchIn('America/New_York'), instant, 'PT1H')).toBe(
      '2026-03-09T14:00:00.000Z',
    ); // 09:00–10:00 EDT
  });

  it('keeps 09:00 at 09:00 across a daylight-saving change', () => {
    const london = branchIn('Europe/London'); // clocks go forward on Sunday 29 March 2026
    expect(addBusinessDuration(london, '2026-03-27T16:00:00Z' /* Fri 16:00 GMT */, 'P1D')).toBe(
      '2026-03-30T15:00:00.000Z' /* Mon 16:00 BST */,
    );
    expect(addBusinessDuration(london, '2026-03-27T16:00:00Z', 'PT2H')).toBe(
      '2026-03-30T09:00:00.000Z' /* Mon 10:00 BST */,
    );
    const newYork = branchIn('America/New_York'); // clocks go back on Sunday 1 November 2026
    expect(addBusinessDuration(newYork, '2026-10-30T20:00:00Z' /* Fri 16:00 EDT */, 'P1D')).toBe(
      '2026-11-02T21:00:00.000Z' /* Mon 16:00 EST */,
    );
  });
});

describe('what addBusinessDuration refuses', () => {
  it('refuses durations that are not positive ISO 8601 ones', () => {
    for (const bad of ['P', 'PT', 'P1DT', '-P1D', 'P1W', 'PT1.5H', '3 days', 'p1d', '']) {
      expect(() => addBusinessDuration(shanghaiBranch(), '2026-03-09T08:00:00Z', bad)).toThrow(
        BusinessCalendarError,
      );
    }
  });

  it('reads the parts of a duration', () => {
    expect(parseBusinessDuration('P1Y2M3DT4H5M6.5S')).toEqual({
      months: 14,
      days: 3,
      workingMs: ((4 * 60 + 5) * 60 + 6.5) * 1000,
    });
    expect(parseBusinessDuration('PT30M')).toEqual({ months: 0, days: 0, workingMs: 1_800_000 });
  });

  it('refuses a start without its offset', () => {
    expect(() => addBusinessDuration(shanghaiBranch(), '2026-03-09T10:00:00', 'P1D')).toThrow(/offset/);
  });

  it('refuses a calendar its check refuses', () => {
    const calendar = { ...shanghaiBranch(), timeZone: 'Asia/Beijing' };
    expect(() => addBusinessDuration(calendar, '2026-03-09T08:00:00Z', 'P1D')).toThrow(BusinessCalendarError);
  });

  it('stops on a calendar with no working day rather than looping', () => {
    const calendar = { ...shanghaiBranch(), workingWeekdays: [] };
    expect(() => addBusinessDuration(calendar, '2026-03-09T08:00:00Z', 'P1D')).toThrow(/no working day/);
  });
});
