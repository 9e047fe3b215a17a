/** The calendar as the server will hand it to the engine: business-time timers and timeouts. */
import { describe, expect, it } from 'vitest';
import { approval, Case, chain, directory, n } from '../engine/harness.test.js';
import { addBusinessDuration } from './business-duration.js';
import { shanghaiBranch } from './sample-calendars.js';

const calendar = shanghaiBranch();
const context = {
  directory,
  addBusinessDuration: (from: string, duration: string) => addBusinessDuration(calendar, from, duration),
};

describe('the flow engine with a business calendar', () => {
  it('schedules a business-day timer across the Spring Festival', () => {
    const c = new Case(chain([n('wait', 'timer', { duration: 'P3D', businessCalendar: true })]), context);
    c.now = Date.parse('2026-02-13T02:00:00Z'); // Friday 10:00 in Shanghai
    c.start();
    // Saturday 14 February (调休) is day 1, Tuesday 24 day 2, Wednesday 25 day 3, at 10:00 Shanghai.
    expect(c.effects('scheduleTimer')[0]).toMatchObject({
      dueAt: '2026-02-25T02:00:00.000Z',
      businessCalendar: true,
    });
  });

  it('times out an approval in business hours, over the lunch break', () => {
    const c = new Case(
      chain([
        approval('review', { timeout: { duration: 'PT2H', businessCalendar: true, action: 'remind' } }),
      ]),
      context,
    );
    c.now = Date.parse('2026-03-09T03:00:00Z'); // Monday 11:00 in Shanghai
    c.start();
    // 11:00–12:00, then 13:00–14:00: 14:00 Shanghai.
    expect(c.effects('scheduleTimer')[0]).toMatchObject({
      dueAt: '2026-03-09T06:00:00.000Z',
      businessCalendar: true,
    });
  });

  it('keeps calendar time for timers without businessCalendar', () => {
    const c = new Case(chain([n('wait', 'timer', { duration: 'P3D' })]), context);
    c.now = Date.parse('2026-02-13T02:00:00Z');
    c.start();
    expect(c.effects('scheduleTimer')[0]).toMatchObject({ dueAt: '2026-02-16T02:00:00.000Z' });
  });
});
