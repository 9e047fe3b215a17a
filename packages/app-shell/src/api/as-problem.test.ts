import { ApiProblem } from '@bankforge/client';
import { describe, expect, it } from 'vitest';
import { asProblem } from './as-problem.js';

describe('asProblem', () => {
  it('keeps a problem as it is', () => {
    const problem = new ApiProblem(409, 'staleRevision', 'Stale', 'changed meanwhile');
    expect(asProblem(problem)).toBe(problem);
  });

  it('wraps a thrown non-problem', () => {
    const problem = asProblem(new TypeError('boom'));
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem.code).toBe('unexpected');
    expect(problem.detail).toBe('boom');
  });
});
