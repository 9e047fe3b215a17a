import { describe, expect, it } from 'vitest';
import { filterDepthProblem, MAX_FILTER_DEPTH } from './filter-depth.js';

/** `levels` nested `not`s around a condition. */
function nested(levels: number): unknown {
  let filter: unknown = { field: 'name', op: 'eq', value: 'x' };
  for (let i = 0; i < levels; i++) filter = { not: filter };
  return filter;
}

describe('filter depth', () => {
  it('accepts a filter nested up to the limit', () => {
    expect(filterDepthProblem(nested(MAX_FILTER_DEPTH), '/filter')).toBeUndefined();
    expect(filterDepthProblem({ and: [{ or: [nested(30)] }] }, '/filter')).toBeUndefined();
  });

  it('names the first level too deep, by its JSON Pointer', () => {
    expect(filterDepthProblem({ and: [{ or: [nested(31)] }] }, '/filter')).toEqual({
      path: `/filter/and/0/or/0${'/not'.repeat(30)}`,
      code: 'filterTooDeep',
      message: `A filter may nest and, or and not at most ${MAX_FILTER_DEPTH} levels deep`,
    });
    expect(filterDepthProblem(nested(3), '/f', 2)?.path).toBe('/f/not/not');
  });

  it('walks a filter far deeper than the call stack without recursing', () => {
    expect(filterDepthProblem(nested(200_000), '/filter')?.code).toBe('filterTooDeep');
  });

  it('ignores what is not a filter shape (the schema refuses it)', () => {
    for (const odd of [null, 3, 'x', [], { field: 'a' }, { and: 'no' }]) {
      expect(filterDepthProblem(odd, '/filter')).toBeUndefined();
    }
  });
});
