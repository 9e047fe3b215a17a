import { toFeelValue } from '@bankforge/rule-engine';
import { describe, expect, it } from 'vitest';
import { evaluateRequestBody } from './request-body.js';

const values = (plain: Record<string, unknown>) => Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, toFeelValue(v)]));

describe('a request body written as a FEEL template', () => {
  it('gives a context as a JSON object of the values it names', () => {
    const body = evaluateRequestBody('{customerId: record.id, amount: record.amount * 2, vip: record.amount > 50, on: date("2026-12-07")}', values({ record: { id: 'c_1', amount: 60.5, secret: 'x' } }), { stepBudget: 10_000 });
    expect(body).toEqual({ customerId: 'c_1', amount: 121, vip: true, on: '2026-12-07' });
  });

  it('reads names with spaces when told them, and now() at the instant given', () => {
    const now = toFeelValue(new Date('2026-12-07T09:00:00Z'));
    const body = evaluateRequestBody('{total: Loan amount + 1, at: string(date(now()))}', values({ 'Loan amount': 999 }), { stepBudget: 10_000, names: ['Loan amount'], now: now as never });
    expect(body).toEqual({ total: 1000, at: '2026-12-07' });
  });

  it('reads a body stored as JSON (older flows) as the template that gives the same JSON back', () => {
    const stored = { product: 'savings', 'channel name': 'crm', count: 2, urgent: true, none: null, tags: ['a', 'b'], nested: { level: 1.5 } };
    expect(evaluateRequestBody(JSON.stringify(stored), {}, { stepBudget: 10_000 })).toEqual(stored);
  });

  it('throws on a template that does not parse or runs past its budget', () => {
    expect(() => evaluateRequestBody('{a: ', {}, { stepBudget: 10_000 })).toThrow();
    expect(() => evaluateRequestBody('{n: count(for i in 1..100000 return i)}', {}, { stepBudget: 100 })).toThrow();
  });
});
