import {
  addBusinessDuration,
  calendarCoverage,
  calendarKind,
  isWorkingDay,
  type BusinessCalendar,
} from '@bankforge/flow-engine';
import type { ArtifactProblem } from '@bankforge/rule-engine';
import { describe, expect, it } from 'vitest';
import * as bankCrm from '../index.js';
import { cnMainlandCalendar } from './cn-mainland.js';

/** A Shanghai wall-clock time (UTC+8) as an instant. */
const shanghai = (local: string) => `${local.replace(' ', 'T')}:00+08:00`;

describe('the mainland China calendar', () => {
  it('passes the calendar check, on save and on publish, without warnings', async () => {
    for (const stage of ['save', 'publish'] as const) {
      const warnings: ArtifactProblem[] = [];
      expect(await calendarKind.check(cnMainlandCalendar, { stage, warn: (w) => warnings.push(w) })).toEqual(
        [],
      );
      expect(warnings).toEqual([]);
    }
  });

  it('is exported by the example and is JSON', () => {
    expect(bankCrm.cnMainlandCalendar).toBe(cnMainlandCalendar);
    expect(JSON.parse(JSON.stringify(cnMainlandCalendar)) as BusinessCalendar).toEqual(cnMainlandCalendar);
  });

  it('lists the 33 holidays and 6 make-up days of the 2026 notice, and knows 2026 only', () => {
    const year = cnMainlandCalendar.years['2026']!;
    expect(year.holidays).toHaveLength(3 + 9 + 3 + 5 + 3 + 3 + 7);
    expect(year.workingDays!.map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    expect(calendarCoverage(cnMainlandCalendar)).toEqual({
      years: [2026],
      from: '2026-01-01',
      through: '2026-12-31',
      missingYears: [],
    });
  });

  it('has 248 working days in 2026', () => {
    // 261 weekdays (52 weeks and Thursday 31 December), less the 19 holidays that fall on weekdays
    // (New Year 2, Spring Festival 6, Qingming 1, Labour Day 3, Dragon Boat 1, Mid-Autumn 1,
    // National Day 5), plus the 6 make-up days.
    let worked = 0;
    for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2027, 0, 1); day += 86_400_000) {
      if (isWorkingDay(cnMainlandCalendar, new Date(day).toISOString().slice(0, 10))) worked++;
    }
    expect(worked).toBe(248);
  });

  // Hand-checked due dates around each kind of break.
  const slas: [why: string, from: string, duration: string, due: string][] = [
    // Fri 13 Feb; Sat 14 Feb is a make-up day (day 1); 15–23 Feb off; Tue 24 day 2; Wed 25 day 3.
    [
      'a 3-business-day SLA across the Spring Festival',
      '2026-02-13 10:00',
      'P3D',
      '2026-02-25T02:00:00.000Z',
    ],
    // Fri 18 Sep; Sat 19 off; Sun 20 Sep is a make-up day.
    ['a make-up Sunday before National Day', '2026-09-18 10:00', 'P1D', '2026-09-20T02:00:00.000Z'],
    // Wed 30 Sep; 1–7 Oct off; Thu 8 Oct.
    ['over National Day', '2026-09-30 10:00', 'P1D', '2026-10-08T02:00:00.000Z'],
    // Thu 30 Apr; 1–5 May off; Wed 6 May day 1, Thu 7 May day 2.
    ['over Labour Day', '2026-04-30 10:00', 'P2D', '2026-05-07T02:00:00.000Z'],
    // Fri 3 Apr 16:00: 1.5 h that day; 4–6 Apr off; Tue 7 Apr 09:00–11:30 (2.5 h).
    ['4 business hours over Qingming', '2026-04-03 16:00', 'PT4H', '2026-04-07T03:30:00.000Z'],
  ];

  it.each(slas)('%s: %s + %s is due %s', (_why, from, duration, due) => {
    expect(addBusinessDuration(cnMainlandCalendar, shanghai(from), duration)).toBe(due);
  });
});
