import { describe, expect, it } from 'vitest';
import { filtersFromParams, NO_FILTERS, paramsOf, rangeProblem, searchOf } from './audit-search.js';

describe('audit search', () => {
  it('round-trips through the address, leaving out what is empty and unknown actions', () => {
    const filters = { ...NO_FILTERS, entity: 'customer', actor: ' admin ', action: 'update' as const, from: '2026-03-01T09:00' };
    expect(paramsOf(filters).toString()).toBe('entity=customer&actor=admin&action=update&from=2026-03-01T09%3A00');
    expect(filtersFromParams(paramsOf(filters))).toEqual({ ...filters, actor: 'admin' });
    expect(filtersFromParams(new URLSearchParams('action=steal')).action).toBe('');
  });

  it('asks the server newest first, with local times as instants', () => {
    const from = '2026-03-01T09:00';
    expect(searchOf({ ...NO_FILTERS, recordId: 'r1', from })).toEqual({ recordId: 'r1', from: new Date(from).toISOString(), order: 'desc' });
    expect(searchOf(NO_FILTERS)).toEqual({ order: 'desc' });
  });

  it('finds an end that is not after its start', () => {
    expect(rangeProblem({ ...NO_FILTERS, from: '2026-03-02T00:00', to: '2026-03-01T00:00' })).toBe(true);
    expect(rangeProblem({ ...NO_FILTERS, from: '2026-03-01T00:00', to: '2026-03-02T00:00' })).toBe(false);
    expect(rangeProblem({ ...NO_FILTERS, to: '2026-03-01T00:00' })).toBe(false);
  });
});
