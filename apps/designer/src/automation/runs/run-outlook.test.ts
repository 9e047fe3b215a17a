import type { AutomationDefinition, BusinessCalendar, ScheduleTrigger } from '@bankforge/flow-engine';
import { describe, expect, it } from 'vitest';
import { runOutlook } from './run-outlook.js';

const schedule = (trigger: Partial<ScheduleTrigger> = {}, enabled = true): AutomationDefinition => ({
  kind: 'automation',
  key: 'daily_digest',
  title: 'Daily digest',
  label: { en: 'Daily digest', 'zh-CN': '每日摘要' },
  enabled,
  trigger: { type: 'schedule', every: 'day', at: '09:00', timeZone: 'Asia/Shanghai', ...trigger },
  actions: [],
});

const calendar: BusinessCalendar = {
  kind: 'calendar',
  key: 'cn_bank',
  title: 'CN',
  schemaVersion: 1,
  name: { en: 'CN', 'zh-CN': '中国' },
  timeZone: 'Asia/Shanghai',
  workingHours: [{ start: '09:00', end: '17:00' }],
  years: { '2026': { holidays: [{ date: '2026-10-01' }], workingDays: [] } },
};

const none = new Map<string, BusinessCalendar>();

describe('runOutlook', () => {
  it('says a published schedule’s next slot in its time zone', () => {
    // 09:00 in Shanghai is 01:00 UTC: asked at 02:00 UTC, today's has passed.
    expect(runOutlook(schedule(), '2026-03-10T02:00:00Z', none)).toEqual({ kind: 'next', at: '2026-03-11T01:00:00.000Z', timeZone: 'Asia/Shanghai' });
  });

  it('says a disabled published version is paused, whatever its trigger', () => {
    expect(runOutlook(schedule({}, false), '2026-03-10T02:00:00Z', none)).toEqual({ kind: 'paused' });
    const record: AutomationDefinition = { ...schedule({}, false), trigger: { type: 'record', entity: 'customer', on: ['updated'] } };
    expect(runOutlook(record, '2026-03-10T02:00:00Z', none)).toEqual({ kind: 'paused' });
    expect(runOutlook({ ...record, enabled: true }, '2026-03-10T02:00:00Z', none)).toBeNull();
  });

  it('counts working days on the schedule’s calendar, and says so when that calendar is not published', () => {
    const working = schedule({ every: 'workingDay', calendar: 'cn_bank' });
    // Wednesday 30 September after 09:00: 1 October is a holiday on the calendar.
    expect(runOutlook(working, '2026-09-30T05:00:00Z', new Map([['cn_bank', calendar]]))).toMatchObject({ at: '2026-10-02T01:00:00.000Z' });
    expect(runOutlook(working, '2026-09-30T05:00:00Z', none)).toEqual({ kind: 'noCalendar', calendar: 'cn_bank' });
  });

  it('answers none for a schedule it cannot read, and nothing before a publish', () => {
    expect(runOutlook(schedule({ timeZone: 'Mars/Olympus' }), '2026-03-10T02:00:00Z', none)).toEqual({ kind: 'none' });
    expect(runOutlook(null, '2026-03-10T02:00:00Z', none)).toBeNull();
  });
});
