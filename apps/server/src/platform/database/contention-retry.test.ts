import { describe, expect, it } from 'vitest';
import { ProblemError } from '../problem/problem-error.js';
import { CONTENTION_RETRY, retryOnContention, type ContentionRetry } from './contention-retry.js';

/** A driver error as TypeORM hands it on: its `driverError` is what mysql2 or better-sqlite3 threw. */
const wrapped = (driver: Record<string, unknown>): Error => Object.assign(new Error('query failed'), { driverError: driver });
const deadlock = () => wrapped({ errno: 1213, code: 'ER_LOCK_DEADLOCK', message: 'Deadlock found when trying to get lock; try restarting transaction' });
const lockWaitTimeout = () => wrapped({ errno: 1205, code: 'ER_LOCK_WAIT_TIMEOUT' });
const sqliteBusy = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

function policy(): ContentionRetry & { pauses: number[] } {
  const pauses: number[] = [];
  return { ...CONTENTION_RETRY, random: () => 1, sleep: async (ms) => void pauses.push(ms), pauses };
}

/** Work that fails with each of `failures` in turn, then answers `done`. */
function failing(...failures: Error[]): { work: () => Promise<string>; tries: () => number } {
  let tries = 0;
  return {
    work: async () => {
      const failure = failures[tries++];
      if (failure) throw failure;
      return 'done';
    },
    tries: () => tries,
  };
}

describe('retryOnContention', () => {
  it('runs work that a deadlock, a lock wait timeout or a busy SQLite stopped again, and answers its result', async () => {
    for (const failures of [[deadlock(), deadlock()], [lockWaitTimeout()], [sqliteBusy(), deadlock(), sqliteBusy()]]) {
      const unit = failing(...failures);
      const retry = policy();
      await expect(retryOnContention(unit.work, retry)).resolves.toBe('done');
      expect(unit.tries()).toBe(failures.length + 1);
      // Growing pauses, at most base × 2^(n-1): here random() is 1, the top of each range.
      expect(retry.pauses).toEqual([25, 50, 100].slice(0, failures.length));
    }
  });

  it('gives up after four tries with 503 retryLater and Retry-After: 1', async () => {
    const unit = failing(deadlock(), deadlock(), deadlock(), deadlock(), deadlock());
    const error = await retryOnContention(unit.work, policy()).catch((e: unknown) => e);
    expect(unit.tries()).toBe(4);
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({ status: 503, code: 'retryLater', headers: { 'Retry-After': '1' } });
  });

  it('passes any other error on at once, without trying again', async () => {
    const duplicate = wrapped({ errno: 1062, code: 'ER_DUP_ENTRY' });
    const unit = failing(duplicate);
    await expect(retryOnContention(unit.work, policy())).rejects.toBe(duplicate);
    expect(unit.tries()).toBe(1);
    const problem = ProblemError.conflict('staleVersion', 'stale');
    await expect(retryOnContention(failing(problem).work, policy())).rejects.toBe(problem);
  });
});
