import { describe, expect, it } from 'vitest';
import { amountOf, amountUsable, hasFilters, inboxQuery, NO_FILTERS } from './inbox-query.js';

describe('inboxQuery', () => {
  it('asks for a tab without filters', () => {
    expect(inboxQuery('mine', NO_FILTERS)).toEqual({ scope: 'mine', limit: 25 });
    expect(hasFilters(NO_FILTERS)).toBe(false);
  });

  it('carries the flow, overdue only and the amount range, amounts as plain decimals', () => {
    const filters = { flow: 'loan_approval', overdueOnly: true, minAmount: '1,000,000', maxAmount: ' 5000000.50 ' };
    expect(inboxQuery('claimable', filters, 10)).toEqual({
      scope: 'claimable',
      flow: 'loan_approval',
      overdue: true,
      minAmount: '1000000',
      maxAmount: '5000000.50',
      limit: 10,
    });
    expect(hasFilters(filters)).toBe(true);
  });

  it('leaves out an amount that is none', () => {
    expect(inboxQuery('mine', { ...NO_FILTERS, minAmount: 'ten', maxAmount: '-5' })).toEqual({ scope: 'mine', limit: 25 });
    expect(amountUsable('ten')).toBe(false);
    expect(amountUsable('')).toBe(true);
    expect(amountOf('1e6')).toBeNull();
    expect(amountOf('10.005')).toBeNull();
    expect(amountOf('12345678901234567')).toBeNull();
  });
});
