import { describe, expect, it } from 'vitest';
import { changedValues } from './changed-values.js';

describe('changedValues', () => {
  const original = {
    id: 'r1',
    version: 3,
    full_name: 'Wang Fang',
    balance: { amount: '100.00', currency: 'CNY' },
    tags: ['vip'],
    employer: null,
  };

  it('keeps only what differs from the record as read', () => {
    expect(
      changedValues(original, {
        full_name: 'Wang Fang',
        balance: { currency: 'CNY', amount: '100.00' },
        tags: ['vip', 'online'],
        employer: 'Bank of Shanghai',
      }),
    ).toEqual({ tags: ['vip', 'online'], employer: 'Bank of Shanghai' });
  });

  it('sends a cleared value, and treats absent and null alike', () => {
    expect(changedValues(original, { full_name: null, employer: null })).toEqual({ full_name: null });
    expect(changedValues({}, { note: null })).toEqual({});
    expect(changedValues(original, { balance: { amount: '100.50', currency: 'CNY' } })).toEqual({ balance: { amount: '100.50', currency: 'CNY' } });
  });
});
