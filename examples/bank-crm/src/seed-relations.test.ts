import { describe, expect, it } from 'vitest';
import { generateBankCrmSeed } from './index.js';

const SAMPLE = [...generateBankCrmSeed({ customers: 1_000 })];
const refs = new Map(SAMPLE.map((r) => [r.ref, r] as const));

describe('generateBankCrmSeed: interactions and relationships', () => {
  it('logs about one interaction per customer, each on a channel of the entity, after the customer joined', () => {
    const interactions = SAMPLE.filter((r) => r.entity === 'interaction');
    expect(interactions.length / 1_000).toBeGreaterThan(0.8);
    expect(interactions.length / 1_000).toBeLessThan(1.3);
    for (const { values } of interactions) {
      expect(['visit', 'phone', 'wechat', 'email', 'branch']).toContain(values.channel);
      const customer = refs.get(String(values.customer));
      expect(customer?.entity).toBe('customer');
      expect(String(values.occurred_at) >= String(customer!.values.onboarded_at).slice(0, 10)).toBe(true);
      if (values.follow_up_on !== undefined) expect(String(values.follow_up_on) > String(values.occurred_at).slice(0, 10)).toBe(true);
    }
  });

  it('relates some customers to customers generated before them, never to themselves', () => {
    const relationships = SAMPLE.filter((r) => r.entity === 'relationship');
    expect(relationships.length / 1_000).toBeGreaterThan(0.12);
    expect(relationships.length / 1_000).toBeLessThan(0.28);
    const order = new Map(SAMPLE.map((r, i) => [r.ref, i] as const));
    for (const { ref, values } of relationships) {
      expect(values.from_customer).not.toBe(values.to_customer);
      for (const end of [values.from_customer, values.to_customer]) expect(order.get(String(end))!).toBeLessThan(order.get(ref)!);
      // A company is what its people are shareholders, representatives or employees of.
      const from = refs.get(String(values.from_customer))!.values;
      const to = refs.get(String(values.to_customer))!.values;
      if (values.kind === 'employer') expect([from.customer_type, to.customer_type]).toEqual(['corporate', 'individual']);
      if (values.kind === 'shareholder' || values.kind === 'legal_representative') expect([from.customer_type, to.customer_type]).toEqual(['individual', 'corporate']);
    }
  });
});
