import { describe, expect, it } from 'vitest';
import { fromStoredDatetime, toStoredDatetime } from './stored-datetime.js';

describe('stored instants', () => {
  it('stores an ISO instant as UTC text that orders as time does', () => {
    expect(toStoredDatetime('2024-03-01T08:00:00.000Z')).toBe('2024-03-01 08:00:00.000');
    expect(toStoredDatetime('2024-03-01T08:00:00.000Z') < toStoredDatetime('2024-03-01T08:00:00.001Z')).toBe(
      true,
    );
  });

  it('reads what either driver answers back as an ISO instant', () => {
    expect(fromStoredDatetime('2024-03-01 08:00:00.120')).toBe('2024-03-01T08:00:00.120Z');
    expect(fromStoredDatetime('2024-03-01 08:00:00')).toBe('2024-03-01T08:00:00.000Z');
    expect(fromStoredDatetime('2024-03-01 08:00:00.5')).toBe('2024-03-01T08:00:00.500Z');
    expect(fromStoredDatetime(null)).toBeNull();
    expect(fromStoredDatetime(undefined)).toBeNull();
  });

  it('round-trips', () => {
    const iso = '1999-12-31T23:59:59.999Z';
    expect(fromStoredDatetime(toStoredDatetime(iso))).toBe(iso);
  });
});
