import { describe, expect, it } from 'vitest';
import { ISO_CURRENCIES, isIsoCurrency } from './currency.js';

describe('isIsoCurrency', () => {
  it.each([
    'CNY',
    'USD',
    'EUR',
    'HKD',
    'JPY',
    'GBP',
    'SGD',
    'AUD',
    'CAD',
    'CHF',
    'MOP',
    'TWD',
    'KRW',
    'NZD',
    'THB',
    'MYR',
    'INR',
    'RUB',
    'AED',
    'SAR',
    'XAU',
  ])('accepts %s', (code) => {
    expect(isIsoCurrency(code)).toBe(true);
  });

  it.each(['cny', 'Cny', 'RMB', 'CNH', 'XYZ', 'XTS', 'XXX', 'HRK', 'EURO', 'US', '', ' CNY'])(
    'rejects %s',
    (code) => {
      expect(isIsoCurrency(code)).toBe(false);
    },
  );

  it('lists unique, three-capital-letter codes in order', () => {
    expect(new Set(ISO_CURRENCIES).size).toBe(ISO_CURRENCIES.length);
    for (const code of ISO_CURRENCIES) expect(code).toMatch(/^[A-Z]{3}$/);
    expect([...ISO_CURRENCIES]).toEqual([...ISO_CURRENCIES].sort());
    expect(ISO_CURRENCIES.length).toBeGreaterThan(150);
  });
});
