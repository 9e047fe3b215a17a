import { describe, expect, it } from 'vitest';
import { bankCrmApp } from './app.js';
import { bankCrmRoles } from './roles.js';

describe('the bank CRM app', () => {
  const entities = bankCrmApp.artifacts.filter((ref) => ref.kind === 'entity').map((ref) => ref.key);

  it('opens for every example role, once each, on pages the app has', () => {
    const landing = bankCrmApp.landing ?? [];
    expect(landing.map((entry) => entry.role).sort()).toEqual(bankCrmRoles.map((role) => role.key).sort());
    for (const entry of landing) {
      if ('entity' in entry) expect(entities).toContain(entry.entity);
      for (const key of entry.menu ?? []) expect(entities).toContain(key);
    }
  });

  it('opens a relationship manager on their customers, approvers on their inbox, compliance on the audit log', () => {
    const of = (role: string) => bankCrmApp.landing?.find((entry) => entry.role === role);
    expect(of('relationship_manager')).toMatchObject({ entity: 'customer' });
    expect(of('credit_officer')).toMatchObject({ page: 'inbox' });
    expect(of('compliance_officer')).toMatchObject({ page: 'audit' });
  });

  it('lets each role open on a page it may read', () => {
    for (const entry of bankCrmApp.landing ?? []) {
      if (!('entity' in entry)) continue;
      const role = bankCrmRoles.find((candidate) => candidate.key === entry.role);
      expect(role?.entities?.[entry.entity]?.['read'], entry.role).toBeDefined();
    }
  });
});
