import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDuration } from './business-duration.js';
import { businessDaysBetween, businessTimeBetween } from './business-time-between.js';
import { branchIn, shanghaiBranch } from './sample-calendars.js';

const shanghai = (local: string) => `${local.replace(' ', 'T')}:00+08:00`;

describe('businessTimeBetween (working minutes)', () => {
  const cases: [why: string, from: string, to: string, minutes: number][] = [
    // Fri 13 Feb: 10–12 and 13–17:30 (6.5 h); Sat 14 (调休) 7.5 h; 15–23 off; Tue 24 7.5 h; Wed 25 09–10 (1 h): 22.5 h.
    ['across the Spring Festival', '2026-02-13 10:00', '2026-02-25 10:00', 1350],
    ['backwards, negative', '2026-02-25 10:00', '2026-02-13 10:00', -1350],
    ['around lunch', '2026-03-09 11:00', '2026-03-09 14:00', 120],
    ['inside lunch', '2026-03-09 12:10', '2026-03-09 12:50', 0],
    ['over a weekend', '2026-03-06 17:00' /* Fri */, '2026-03-09 09:30' /* Mon */, 60],
    // Due Monday 16:00, seen Tuesday 10:00: 16:00–17:30 and 09:00–10:00 late.
    ['an overdue task', '2026-03-10 10:00', '2026-03-09 16:00', -150],
    ['the same instant', '2026-03-09 10:00', '2026-03-09 10:00', 0],
  ];

  it.each(cases)('%s: %s to %s is %d minutes', (_why, from, to, minutes) => {
    expect(businessTimeBetween(shanghaiBranch(), shanghai(from), shanghai(to))).toBe(minutes);
  });

  it('counts seconds as parts of a minute', () => {
    expect(businessTimeBetween(shanghaiBranch(), '2026-03-09T01:00:00Z', '2026-03-09T01:00:30Z')).toBe(0.5);
  });

  it('counts wall-clock working hours across a daylight-saving change', () => {
    // Fri 27 March 16:00 GMT to Mon 30 March 10:00 BST: 16–17 and 09–10, 2 hours (65 hours elapse).
    expect(
      businessTimeBetween(branchIn('Europe/London'), '2026-03-27T16:00:00Z', '2026-03-30T09:00:00Z'),
    ).toBe(120);
  });
});

describe('businessDaysBetween (working days)', () => {
  const cases: [why: string, from: string, to: string, days: number][] = [
    ['across the Spring Festival', '2026-02-13 10:00', '2026-02-25 10:00', 3],
    ['backwards, negative', '2026-02-25 10:00', '2026-02-13 10:00', -3],
    ['to the next morning', '2026-03-11 10:00' /* Wed */, '2026-03-12 09:00' /* Thu */, 1],
    ['from a Saturday, counting from Monday', '2026-03-07 10:00', '2026-03-12 09:00', 3],
    ['within a day', '2026-03-09 09:00', '2026-03-09 17:00', 0],
    ['from an evening to the next morning', '2026-03-09 20:00' /* Mon */, '2026-03-10 09:00', 0],
  ];

  it.each(cases)('%s: %s to %s is %d', (_why, from, to, days) => {
    expect(businessDaysBetween(shanghaiBranch(), shanghai(from), shanghai(to))).toBe(days);
  });
});

describe('the between functions undo addBusinessDuration', () => {
  // Any instant from December 2025 to February 2027: both year boundaries and the Spring Festival.
  const instant = fc
    .integer({ min: Date.UTC(2025, 11, 1), max: Date.UTC(2027, 1, 1) })
    .map((ms) => new Date(ms).toISOString());
  const calendars = [shanghaiBranch(), branchIn('Europe/London'), branchIn('America/New_York')];

  it('businessTimeBetween(from, from + PTnM) is n', () => {
    for (const calendar of calendars) {
      fc.assert(
        fc.property(instant, fc.integer({ min: 1, max: 20_000 }), (from, minutes) => {
          const due = addBusinessDuration(calendar, from, `PT${minutes}M`);
          expect(businessTimeBetween(calendar, from, due)).toBe(minutes);
          expect(Date.parse(due)).toBeGreaterThan(Date.parse(from));
        }),
        { numRuns: 150 },
      );
    }
  });

  it('businessDaysBetween(from, from + PnD) is n', () => {
    for (const calendar of calendars) {
      fc.assert(
        fc.property(instant, fc.integer({ min: 0, max: 60 }), (from, days) => {
          expect(businessDaysBetween(calendar, from, addBusinessDuration(calendar, from, `P${days}D`))).toBe(
            days,
          );
        }),
        { numRuns: 150 },
      );
    }
  });
});
