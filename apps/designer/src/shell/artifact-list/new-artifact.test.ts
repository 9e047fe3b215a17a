import { describe, expect, it } from 'vitest';
import { isValidKey, newEntityDocument, newFormDocument } from './new-artifact.js';

describe('new-artifact', () => {
  it('takes lower snake case keys only', () => {
    expect(isValidKey('customer_contact2')).toBe(true);
    for (const bad of ['Customer', '2customer', 'customer-contact', '', 'a'.repeat(49)]) expect(isValidKey(bad), bad).toBe(false);
  });

  it('starts documents with the title as label in both languages', () => {
    expect(newEntityDocument('customer', 'Customer')).toEqual({ kind: 'entity', key: 'customer', title: 'Customer', label: { en: 'Customer', 'zh-CN': 'Customer' }, fields: [] });
  });

  it('starts a form with one empty Details section, default only when asked', () => {
    expect(newFormDocument('customer_form', 'Customer form', 'customer', 1, true)).toEqual({
      kind: 'form',
      key: 'customer_form',
      title: 'Customer form',
      schemaVersion: 1,
      entity: 'customer',
      default: true,
      label: { en: 'Customer form', 'zh-CN': 'Customer form' },
      layout: [{ id: 'details', type: 'section', title: { en: 'Details', 'zh-CN': '详细信息' }, children: [] }],
    });
    expect(newFormDocument('customer_short', 'Customer (short)', 'customer', 1, false)).toMatchObject({ default: false });
  });
});
