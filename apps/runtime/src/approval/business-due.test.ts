import { describe, expect, it } from 'vitest';
import { businessDue } from './business-due.js';

const day = 450;

describe('businessDue', () => {
  it('says days from one working day on, whole ones', () => {
    expect(businessDue({ businessMinutes: 2 * day, workingDayMinutes: day })).toEqual({ unit: 'days', count: 2 });
    expect(businessDue({ businessMinutes: day, workingDayMinutes: day })).toEqual({ unit: 'days', count: 1 });
    expect(businessDue({ businessMinutes: 1.8 * day, workingDayMinutes: day })).toEqual({ unit: 'days', count: 1 });
    expect(businessDue({ businessMinutes: -3 * day - 10, workingDayMinutes: day })).toEqual({ unit: 'days', count: 3 });
  });

  it('says hours under a working day, and under an hour below that', () => {
    expect(businessDue({ businessMinutes: day - 1, workingDayMinutes: day })).toEqual({ unit: 'hours', count: 7 });
    expect(businessDue({ businessMinutes: -150, workingDayMinutes: day })).toEqual({ unit: 'hours', count: 2 });
    expect(businessDue({ businessMinutes: 59, workingDayMinutes: day })).toEqual({ unit: 'underHour' });
    expect(businessDue({ businessMinutes: 0, workingDayMinutes: day })).toEqual({ unit: 'underHour' });
  });
});
