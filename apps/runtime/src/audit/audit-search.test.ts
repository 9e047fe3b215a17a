import { describe, expect, it } from 'vitest';
import { filtersFromParams, NO_FILTERS, paramsOf, rangeProblem, searchOf } from './audit-search.js';

describe('audit search', () => {
  it('round-trips through the address, leaving out what is empty and unknown actions', () => {
    const filters = { ...NO_FILTERS, entity: 'customer', actor: ' admin ', action: 'update' as const, from: '2026-03-01T01:00:00.000Z' };
    expect(paramsOf(filters).toString()).toBe('entity=customer&actor=admin&action=update&from=2026-03-01T01%3A00%3A00.000Z');
    expect(filtersFromParams(paramsOf(filters))).toEqual({ ...filters, actor: 'admin' });
    expect(filtersFromParams(new URLSearchParams('action=steal')).action).toBe('');
  });

  it('asks the server newest first, leaving out a time that is not one', () => {
    const from = '2026-03-01T01:00:00.000Z';
    expect(searchOf({ ...NO_FILTERS, recordId: 'r1', from, to: 'someday' })).toEqual({ recordId: 'r1', from, order: 'desc' });
    expect(searchOf(NO_FILTERS)).toEqual({ order: 'desc' });
  });

  it('finds an end that is not after its start', () => {
    expect(rangeProblem({ ...NO_FILTERS, from: '2026-03-02T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' })).toBe(true);
    expect(rangeProblem({ ...NO_FILTERS, from: '2026-03-01T00:00:00.000Z', to: '2026-03-02T00:00:00.000Z' })).toBe(false);
    expect(rangeProblem({ ...NO_FILTERS, to: '2026-03-01T00:00:00.000Z' })).toBe(false);
  });
});
