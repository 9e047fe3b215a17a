import { describe, expect, it } from 'vitest';
import { localInputToUtc, utcToLocalInput } from './local-datetime.js';

/** The local wall-clock text of an instant, worked out from the zone offset (whatever zone the tests run in). */
function wallClock(iso: string): string {
  const offsetMinutes = new Date(iso).getTimezoneOffset();
  return new Date(Date.parse(iso) - offsetMinutes * 60_000).toISOString().slice(0, 19);
}

describe('local date-time input', () => {
  it('shows a UTC instant in local time, seconds only when there are some', () => {
    expect(utcToLocalInput('2024-03-01T02:30:00.000Z')).toBe(wallClock('2024-03-01T02:30:00.000Z').slice(0, 16));
    expect(utcToLocalInput('2024-12-31T16:00:05.000Z')).toBe(wallClock('2024-12-31T16:00:05.000Z'));
  });

  it('stores local time as the UTC instant it names', () => {
    const instant = '2024-03-01T02:30:00.000Z';
    expect(localInputToUtc(wallClock(instant).slice(0, 16))).toBe(instant);
    expect(localInputToUtc(utcToLocalInput('2024-07-15T23:59:30.000Z'))).toBe('2024-07-15T23:59:30.000Z');
  });

  it('is empty or null for no value and for text that is not a date-time', () => {
    expect(utcToLocalInput(null)).toBe('');
    expect(utcToLocalInput('soon')).toBe('');
    expect(localInputToUtc('')).toBeNull();
    expect(localInputToUtc('2024-03-01')).toBeNull();
  });
});
