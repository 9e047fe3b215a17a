import { describe, expect, it } from 'vitest';
import { SerialLock } from './serial-lock.js';

describe('SerialLock', () => {
  it('never overlaps two pieces of work and keeps arrival order', async () => {
    const lock = new SerialLock();
    const log: string[] = [];
    const step = (name: string, ms: number) =>
      lock.run(async () => {
        log.push(`${name}:start`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`${name}:end`);
        return name;
      });
    const results = await Promise.all([step('a', 15), step('b', 1), step('c', 5)]);
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a:start', 'a:end', 'b:start', 'b:end', 'c:start', 'c:end']);
  });

  it('goes on after a failure', async () => {
    const lock = new SerialLock();
    await expect(lock.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lock.run(async () => 42)).resolves.toBe(42);
  });
});
