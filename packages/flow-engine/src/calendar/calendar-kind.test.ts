import { describe, expect, it } from 'vitest';
import type { ArtifactCheckContext, ArtifactProblem } from '@bankforge/rule-engine';
import type { BusinessCalendar } from './business-calendar.js';
import { calendarKind } from './calendar-kind.js';
import { shanghaiBranch } from './sample-calendars.js';

function host(stage: 'save' | 'publish' = 'publish'): ArtifactCheckContext & { warnings: ArtifactProblem[] } {
  const warnings: ArtifactProblem[] = [];
  return { stage, warnings, warn: (problem) => warnings.push(problem) };
}

/** The sample, changed. */
function calendarWith(change: (calendar: BusinessCalendar) => void): BusinessCalendar {
  const calendar = shanghaiBranch();
  change(calendar);
  return calendar;
}

const year2026 = (c: BusinessCalendar) => c.years['2026']!;

describe('the calendar kind', () => {
  it('is the calendar kind, with one format so far', () => {
    expect(calendarKind.kind).toBe('calendar');
    const calendar = shanghaiBranch();
    expect(calendarKind.upgrade(calendar)).toEqual({ document: calendar });
  });

  it('finds nothing wrong with the sample, on save or on publish', async () => {
    for (const stage of ['save', 'publish'] as const) {
      const context = host(stage);
      expect(await calendarKind.check(shanghaiBranch(), context)).toEqual([]);
      expect(context.warnings).toEqual([]);
    }
  });

  // One calendar per problem code: the problem found, where, in English and Chinese.
  const refused: [code: string, change: (c: BusinessCalendar) => void, path: string][] = [
    ['invalidTimeZone', (c) => (c.timeZone = 'Asia/Beijing'), '/timeZone'],
    ['invalidTime', (c) => (c.workingHours[1]!.end = '25:00'), '/workingHours/1/end'],
    [
      'invertedWorkingPeriod',
      (c) => (c.workingHours[0] = { start: '12:00', end: '09:00' }),
      '/workingHours/0',
    ],
    [
      'overlappingWorkingPeriods',
      (c) => c.workingHours.push({ start: '17:00', end: '19:00' }),
      '/workingHours/2',
    ],
    [
      'invalidDate',
      (c) => year2026(c).holidays!.push({ date: '2026-02-30' }),
      '/years/2026/holidays/12/date',
    ],
    [
      'dateOutsideYear',
      (c) => year2026(c).workingDays!.push({ date: '2027-02-06' }),
      '/years/2026/workingDays/3/date',
    ],
    [
      'holidayAndWorkingDay',
      (c) => year2026(c).workingDays!.push({ date: '2026-02-15' }),
      '/years/2026/workingDays/3/date',
    ],
  ];

  it.each(refused)('refuses %s', async (code, change, path) => {
    const problems = await calendarKind.check(calendarWith(change), host());
    expect(problems).toEqual([{ path, code, message: expect.any(String), messageZh: expect.any(String) }]);
    expect(problems[0]!.messageZh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('says which periods overlap, whatever their order', async () => {
    const calendar = calendarWith(
      (c) =>
        (c.workingHours = [
          { start: '13:00', end: '17:30' },
          { start: '08:00', end: '18:00' },
          { start: '09:00', end: '12:00' },
        ]),
    );
    const problems = await calendarKind.check(calendar, host());
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ['/workingHours/2', 'overlappingWorkingPeriods'],
      ['/workingHours/0', 'overlappingWorkingPeriods'],
    ]);
    expect(problems[0]!.message).toBe('the working period 09:00–12:00 overlaps 08:00–18:00');
  });

  it('lets periods touch: 09:00–12:00 then 12:00–13:00 do not overlap', async () => {
    const calendar = calendarWith((c) => c.workingHours.push({ start: '12:00', end: '13:00' }));
    expect(await calendarKind.check(calendar, host())).toEqual([]);
  });

  // Warnings: published, but told.
  const told: [code: string, change: (c: BusinessCalendar) => void, path: string][] = [
    [
      'duplicateDate',
      (c) => year2026(c).holidays!.push({ date: '2026-01-02' }),
      '/years/2026/holidays/12/date',
    ],
    [
      'workingDayOnWorkingWeekday',
      (c) => year2026(c).workingDays!.push({ date: '2026-02-27' /* a Friday */ }),
      '/years/2026/workingDays/3/date',
    ],
    ['yearMissing', (c) => (c.years['2028'] = { holidays: [{ date: '2028-01-01' }] }), '/years'],
    ['noYears', (c) => (c.years = {}), '/years'],
  ];

  it.each(told)('warns of %s without refusing', async (code, change, path) => {
    const context = host();
    expect(await calendarKind.check(calendarWith(change), context)).toEqual([]);
    expect(context.warnings).toEqual([
      { path, code, message: expect.any(String), messageZh: expect.any(String) },
    ]);
  });

  it('names the missing year', async () => {
    const context = host();
    await calendarKind.check(
      calendarWith((c) => (c.years['2028'] = {})),
      context,
    );
    expect(context.warnings.map((w) => w.message)).toEqual([
      '2027 lists no holidays: its working weekdays all count as worked',
    ]);
  });
});
