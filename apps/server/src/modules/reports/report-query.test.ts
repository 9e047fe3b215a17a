import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { isTimeoutError, timeoutProblem } from './report-query.js';

describe('report query time limits', () => {
  it('recognises MariaDB and MySQL statement timeouts, wrapped by TypeORM or not', () => {
    expect(isTimeoutError({ errno: 1969, code: 'ER_STATEMENT_TIMEOUT' })).toBe(true);
    expect(isTimeoutError({ driverError: { errno: 3024 } })).toBe(true);
    expect(isTimeoutError({ errno: 1064 })).toBe(false);
    expect(isTimeoutError(null)).toBe(false);
  });

  it('answers a problem with a stable code and the limit', () => {
    const problem = timeoutProblem(1500);
    expect(problem).toBeInstanceOf(ProblemError);
    expect([problem.status, problem.code, problem.extra]).toEqual([
      503,
      'reportTimeout',
      { timeoutMs: 1500 },
    ]);
  });
});
