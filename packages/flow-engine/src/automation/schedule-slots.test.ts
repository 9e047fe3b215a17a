import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../calendar/business-calendar.js';
import type { ScheduleTrigger } from './automation-definition.js';
import { latestScheduleSlot, MAX_CATCH_UP_SLOTS, missedScheduleSlots, nextScheduleSlot } from './schedule-slots.js';

const shanghai = (every: ScheduleTrigger['every'], extra: Partial<ScheduleTrigger> = {}): ScheduleTrigger => ({ type: 'schedule', every, at: '09:00', timeZone: 'Asia/Shanghai', ...extra });

const calendar: BusinessCalendar = {
  kind: 'calendar',
  key: 'cn_bank',
  title: 'CN',
  schemaVersion: 1,
  name: { en: 'CN', 'zh-CN': '中国' },
  timeZone: 'Asia/Shanghai',
  workingHours: [{ start: '09:00', end: '17:00' }],
  // 2026-10-01 (Thursday) a holiday, 2026-10-10 (Saturday) a make-up working day.
  years: { '2026': { holidays: [{ date: '2026-10-01' }], workingDays: [{ date: '2026-10-10' }] } },
};

describe('latestScheduleSlot', () => {
  it('is today at the local time once it has passed, else the day before', () => {
    // 09:00 in Shanghai is 01:00 UTC.
    expect(latestScheduleSlot(shanghai('day'), '2026-03-10T01:30:00Z')).toBe('2026-03-10T01:00:00.000Z');
    expect(latestScheduleSlot(shanghai('day'), '2026-03-10T00:59:59Z')).toBe('2026-03-09T01:00:00.000Z');
    expect(latestScheduleSlot(shanghai('day'), '2026-03-10T01:00:00Z')).toBe('2026-03-10T01:00:00.000Z');
  });

  it('counts working days on the calendar: holidays skipped, make-up days kept', () => {
    // Friday 2 October (holiday week: 1 October a holiday), asked Friday morning after 09:00 local.
    expect(latestScheduleSlot(shanghai('workingDay', { calendar: 'cn_bank' }), '2026-10-01T05:00:00Z', calendar)).toBe('2026-09-30T01:00:00.000Z');
    expect(latestScheduleSlot(shanghai('workingDay', { calendar: 'cn_bank' }), '2026-10-10T05:00:00Z', calendar)).toBe('2026-10-10T01:00:00.000Z');
    // Without the calendar: Monday to Friday.
    expect(latestScheduleSlot(shanghai('workingDay'), '2026-10-11T05:00:00Z')).toBe('2026-10-09T01:00:00.000Z');
  });

  it('fires on the weekday and the day of the month', () => {
    // 2026-03-10 is a Tuesday; Monday is the 9th.
    expect(latestScheduleSlot(shanghai('week', { weekday: 1 }), '2026-03-10T05:00:00Z')).toBe('2026-03-09T01:00:00.000Z');
    expect(latestScheduleSlot(shanghai('month', { dayOfMonth: 15 }), '2026-03-10T05:00:00Z')).toBe('2026-02-15T01:00:00.000Z');
  });

  it('answers nothing for a time or zone it cannot read', () => {
    expect(latestScheduleSlot(shanghai('day', { at: '25:00' }), '2026-03-10T05:00:00Z')).toBeUndefined();
    expect(latestScheduleSlot(shanghai('day', { timeZone: 'Mars/Olympus' }), '2026-03-10T05:00:00Z')).toBeUndefined();
  });
});

describe('missedScheduleSlots', () => {
  it('answers every slot after the last one fired, oldest first, none when nothing was missed', () => {
    // Down from Monday 9 March after its 09:00 (01:00 UTC) run until Thursday 12 March 02:00 UTC.
    expect(missedScheduleSlots(shanghai('day'), '2026-03-09T01:00:00.000Z', '2026-03-12T02:00:00Z')).toEqual([
      '2026-03-10T01:00:00.000Z',
      '2026-03-11T01:00:00.000Z',
      '2026-03-12T01:00:00.000Z',
    ]);
    expect(missedScheduleSlots(shanghai('day'), '2026-03-12T01:00:00.000Z', '2026-03-12T02:00:00Z')).toEqual([]);
    // Working days only: the weekend of 14-15 March is no slot.
    expect(missedScheduleSlots(shanghai('workingDay'), '2026-03-12T01:00:00.000Z', '2026-03-17T02:00:00Z')).toEqual([
      '2026-03-13T01:00:00.000Z',
      '2026-03-16T01:00:00.000Z',
      '2026-03-17T01:00:00.000Z',
    ]);
  });

  it('catches up at most the latest slots of the bound, however long the server was down', () => {
    const slots = missedScheduleSlots(shanghai('day'), '2026-01-01T00:00:00.000Z', '2026-03-12T02:00:00Z');
    expect(slots).toHaveLength(MAX_CATCH_UP_SLOTS);
    expect(slots[0]).toBe('2026-03-06T01:00:00.000Z');
    expect(slots.at(-1)).toBe('2026-03-12T01:00:00.000Z');
    // A month-end close missed by three days is still caught up.
    expect(missedScheduleSlots(shanghai('month', { dayOfMonth: 28 }), '2026-01-28T01:00:00.000Z', '2026-03-02T02:00:00Z')).toEqual(['2026-02-28T01:00:00.000Z']);
  });
});

describe('nextScheduleSlot', () => {
  it('is today at the local time until it has passed, then the next day it fires', () => {
    // 09:00 in Shanghai is 01:00 UTC; a slot just reached is no longer next.
    expect(nextScheduleSlot(shanghai('day'), '2026-03-10T00:59:59Z')).toBe('2026-03-10T01:00:00.000Z');
    expect(nextScheduleSlot(shanghai('day'), '2026-03-10T01:00:00Z')).toBe('2026-03-11T01:00:00.000Z');
  });

  it('skips days the schedule does not fire: weekends, calendar holidays, other weekdays and days of the month', () => {
    // Friday 13 March after 09:00 local: the next working day is Monday 16 March.
    expect(nextScheduleSlot(shanghai('workingDay'), '2026-03-13T05:00:00Z')).toBe('2026-03-16T01:00:00.000Z');
    // Wednesday 30 September: 1 October is a holiday on the calendar, so Friday 2 October.
    expect(nextScheduleSlot(shanghai('workingDay', { calendar: 'cn_bank' }), '2026-09-30T05:00:00Z', calendar)).toBe('2026-10-02T01:00:00.000Z');
    // Friday 9 October: Saturday 10 October is a make-up working day.
    expect(nextScheduleSlot(shanghai('workingDay', { calendar: 'cn_bank' }), '2026-10-09T05:00:00Z', calendar)).toBe('2026-10-10T01:00:00.000Z');
    // 2026-03-10 is a Tuesday: the next Monday is the 16th; the next 15th is in March.
    expect(nextScheduleSlot(shanghai('week', { weekday: 1 }), '2026-03-10T05:00:00Z')).toBe('2026-03-16T01:00:00.000Z');
    expect(nextScheduleSlot(shanghai('month', { dayOfMonth: 15 }), '2026-03-15T05:00:00Z')).toBe('2026-04-15T01:00:00.000Z');
  });

  it('counts the day in the schedule’s time zone, not UTC', () => {
    // 23:30 UTC on 9 March is 07:30 on 10 March in Shanghai: today's 09:00 is still ahead.
    expect(nextScheduleSlot(shanghai('day'), '2026-03-09T23:30:00Z')).toBe('2026-03-10T01:00:00.000Z');
  });

  it('answers nothing for a time or zone it cannot read', () => {
    expect(nextScheduleSlot(shanghai('day', { at: '25:00' }), '2026-03-10T05:00:00Z')).toBeUndefined();
    expect(nextScheduleSlot(shanghai('day', { timeZone: 'Mars/Olympus' }), '2026-03-10T05:00:00Z')).toBeUndefined();
  });
});
