import { describe, expect, it } from 'vitest';
import { timeOrderedId } from './time-ordered-id.js';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('timeOrderedId', () => {
  it('makes distinct UUID v7s that sort in the order they were made, across many refills of its random pool', () => {
    const ids = Array.from({ length: 5000 }, () => timeOrderedId());
    for (const id of ids) expect(id).toMatch(V7);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('keeps the order within one millisecond and when the clock steps back', () => {
    const at = Date.now() + 60_000;
    const ids = [timeOrderedId(at), timeOrderedId(at), timeOrderedId(at), timeOrderedId(at - 5000), timeOrderedId(at - 5000)];
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('carries the millisecond it was made in, as uuid v7 does', () => {
    // Past every id the tests before made (their clock ran a minute ahead).
    const at = Date.now() + 3_600_000;
    const id = timeOrderedId(at);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('draws fresh random bits for each id', () => {
    const tails = new Set(Array.from({ length: 1000 }, () => timeOrderedId().slice(-12)));
    expect(tails.size).toBe(1000);
  });
});
