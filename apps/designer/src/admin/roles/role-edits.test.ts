import type { RoleDefinition } from '@bankforge/client';
import { describe, expect, it } from 'vitest';
import { matrixEntities, ruleCount, setDesignerRight, setFieldRule, setName, setScope, setSpecial, setUnmask } from './role-edits.js';

const rm: RoleDefinition = {
  key: 'relationship_manager',
  label: { en: 'Relationship manager', 'zh-CN': '客户经理' },
  entities: {
    customer: { create: 'own', read: 'own', fields: { resident_id: { access: 'masked', mask: { strategy: 'keep', keepFirst: 4, keepLast: 2 } } } },
  },
  flows: { loan_approval: ['start'] },
  decisions: { product_suitability: ['evaluate'] },
};

describe('role edits', () => {
  it('widen, narrow and take away a scope, dropping a grant left empty', () => {
    const wider = setScope(rm, 'customer', 'read', 'branch');
    expect(wider.entities!.customer).toMatchObject({ create: 'own', read: 'branch' });
    const account = setScope(rm, 'account', 'read', 'team');
    expect(account.entities!.account).toEqual({ read: 'team' });
    expect(setScope(account, 'account', 'read', undefined).entities).not.toHaveProperty('account');
    // The original is untouched, and what the screen does not edit travels along.
    expect(rm.entities!.customer!.read).toBe('own');
    expect(wider.flows).toEqual(rm.flows);
    expect(wider.decisions).toEqual(rm.decisions);
  });

  it('set field rules, keeping a masked field’s mask details, and clear them', () => {
    expect(setFieldRule(rm, 'customer', 'resident_id', 'masked').entities!.customer!.fields!.resident_id).toEqual(rm.entities!.customer!.fields!.resident_id);
    const hidden = setFieldRule(rm, 'customer', 'income', 'hidden');
    expect(hidden.entities!.customer!.fields).toMatchObject({ income: { access: 'hidden' } });
    expect(ruleCount(hidden, 'customer')).toBe(2);
    const cleared = setFieldRule(setFieldRule(hidden, 'customer', 'income', 'clear'), 'customer', 'resident_id', 'clear');
    expect(cleared.entities!.customer).toEqual({ create: 'own', read: 'own' });
    expect(setFieldRule(rm, 'customer', 'resident_id', 'readonly').entities!.customer!.fields!.resident_id).toEqual({ access: 'readonly' });
  });

  it('turn unmasking, designer rights and special rights on and off without leaving empty parts', () => {
    expect(setUnmask(rm, 'customer', true).entities!.customer!.unmask).toBe(true);
    expect(setUnmask(setUnmask(rm, 'customer', true), 'customer', false).entities!.customer).not.toHaveProperty('unmask');
    const analyst = setDesignerRight(setDesignerRight(rm, 'form', 'publish', true), 'form', 'edit', true);
    expect(analyst.artifacts).toEqual({ form: ['edit', 'publish'] });
    expect(setDesignerRight(setDesignerRight(analyst, 'form', 'edit', false), 'form', 'publish', false)).not.toHaveProperty('artifacts');
    expect(setSpecial(rm, 'auditLog', true).auditLog).toBe(true);
    expect(setSpecial(setSpecial(rm, 'auditLog', true), 'auditLog', false)).not.toHaveProperty('auditLog');
    expect(setName(rm, 'zh-CN', '').label).toEqual({ en: 'Relationship manager' });
  });

  it('lists the published entities, then those only the role names', () => {
    expect(matrixEntities(setScope(rm, 'legacy', 'read', 'all'), ['customer', 'account'])).toEqual(['customer', 'account', 'legacy']);
  });
});
