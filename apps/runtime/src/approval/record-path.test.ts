import type { RuntimeApp } from '@bankforge/client';
import { describe, expect, it } from 'vitest';
import { recordPath } from './record-path.js';

const label = { en: 'x', 'zh-CN': 'x' };
const item = (entity: string) => ({ entity, label, pluralLabel: label });
const crm: RuntimeApp = { key: 'crm', label, menu: [item('customer'), item('loan')] };
const credit: RuntimeApp = { key: 'credit', label, menu: [item('loan')] };

describe('recordPath', () => {
  it("opens the record in the first app of the reader's that shows the entity", () => {
    expect(recordPath([crm, credit], 'loan', 'L 1')).toBe('/crm/loan/L%201');
    expect(recordPath([credit, crm], 'customer', 'c1')).toBe('/crm/customer/c1');
  });

  it('prefers the app the reader is in, and has no page for an entity none of their apps shows', () => {
    expect(recordPath([crm, credit], 'loan', 'l1', 'credit')).toBe('/credit/loan/l1');
    expect(recordPath([crm, credit], 'loan', 'l1', 'missing')).toBe('/crm/loan/l1');
    expect(recordPath([credit], 'customer', 'c1')).toBeUndefined();
  });
});
