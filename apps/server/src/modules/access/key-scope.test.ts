import { describe, expect, it } from 'vitest';
import { AccessProfile } from './access-profile.js';
import { keyProfile, KeyScopedAccessProfile } from './key-scope.js';
import type { RoleDefinition } from './role.js';

const teller: RoleDefinition = {
  key: 'teller',
  label: { en: 'Teller' },
  entities: { customer: { read: 'all', create: 'branch', update: 'team', fields: { income: { access: 'hidden' } } }, loan: { read: 'own' } },
  flows: { loan_approval: ['start'] },
  auditLog: true,
};

describe('an API key scope', () => {
  it('keeps only the operations both the roles and the scope grant, at the narrower data scope', () => {
    const roles = new AccessProfile([teller], false);
    const scoped = keyProfile(roles, { entities: { customer: ['read', 'update', 'delete'], loan: ['read'] }, dataScope: 'branch' });
    const customer = scoped.entity('customer');
    expect(customer.scope('read')).toBe('branch');
    expect(customer.scope('update')).toBe('team');
    // In the scope but granted by no role: still refused (a scope never widens).
    expect(customer.scope('delete')).toBeUndefined();
    // Granted by a role but not in the scope.
    expect(customer.scope('create')).toBeUndefined();
    expect(scoped.entity('loan').scope('read')).toBe('own');
    // Field rules stay the roles'.
    expect(customer.field('income').see).toBe('none');
  });

  it('reaches no entity the scope does not list', () => {
    const scoped = keyProfile(new AccessProfile([teller], false), { entities: { loan: ['read'] }, dataScope: 'all' });
    expect(scoped.entity('customer').scope('read')).toBeUndefined();
    expect(scoped.entity('constructor').scope('read')).toBeUndefined();
  });

  it('takes an administrator key down to the scope, without administration', () => {
    const scoped = keyProfile(AccessProfile.unrestricted, { entities: { customer: ['read'] }, dataScope: 'own' });
    expect(scoped.admin).toBe(false);
    expect(scoped.entity('customer').scope('read')).toBe('own');
    expect(scoped.entity('customer').scope('create')).toBeUndefined();
    expect(scoped.canDesign('entity', 'edit')).toBe(false);
    expect(scoped.canReadAuditLog).toBe(false);
  });

  it("keeps the roles' integration rights (flows, decisions) but not the whole audit log, and changes nothing without a scope", () => {
    const roles = new AccessProfile([teller], false);
    const scoped = keyProfile(roles, { entities: {}, dataScope: 'all' });
    expect(scoped).toBeInstanceOf(KeyScopedAccessProfile);
    expect(scoped.canStartFlow('loan_approval')).toBe(true);
    expect(scoped.canReadAuditLog).toBe(false);
    expect(roles.canReadAuditLog).toBe(true);
    expect(keyProfile(roles, null)).toBe(roles);
  });
});
