import { describe, expect, it } from 'vitest';
import { isValidKey, newEntityDocument, newFormDocument } from './new-artifact.js';

describe('new-artifact', () => {
  it('takes lower snake case keys only', () => {
    expect(isValidKey('customer_contact2')).toBe(true);
    for (const bad of ['Customer', '2customer', 'customer-contact', '', 'a'.repeat(49)]) expect(isValidKey(bad), bad).toBe(false);
  });

  it('starts documents with the title as label in both languages', () => {
    expect(newEntityDocument('customer', 'Customer')).toEqual({ kind: 'entity', key: 'customer', title: 'Customer', label: { en: 'Customer', 'zh-CN': 'Customer' }, fields: [] });
    expect(newFormDocument('customer_form', 'Customer form', 'customer', 1)).toMatchObject({ kind: 'form', entity: 'customer', schemaVersion: 1, layout: [] });
  });
});
