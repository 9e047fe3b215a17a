import type { AppLanding, RuntimeMenuItem } from '@bankforge/client';
import { describe, expect, it } from 'vitest';
import { readerStart } from './reader-start.js';

const item = (entity: string): RuntimeMenuItem => ({ entity, label: { en: entity, 'zh-CN': entity }, pluralLabel: { en: entity, 'zh-CN': entity } });
const menu = ['branch', 'customer', 'contact', 'loan_application'].map(item);
const landing: AppLanding[] = [
  { role: 'relationship_manager', entity: 'customer', menu: ['customer', 'loan_application'] },
  { role: 'compliance_officer', page: 'audit' },
  { role: 'credit_officer', page: 'inbox', menu: ['loan_application'] },
  { role: 'branch_manager', entity: 'contact' },
];
const reader = (...roles: string[]) => ({ roles, canReadAuditLog: false });
const order = (start: { menu: RuntimeMenuItem[] }) => start.menu.map((m) => m.entity);

describe('where an app opens for a reader', () => {
  it("opens the role's entity page with the pages it uses first, the rest in the app's order", () => {
    const start = readerStart(landing, menu, reader('relationship_manager'));
    expect(start.landing).toEqual({ entity: 'customer' });
    expect(order(start)).toEqual(['customer', 'loan_application', 'branch', 'contact']);
  });

  it('puts the landing entity first when the role names no menu', () => {
    const start = readerStart(landing, menu, reader('branch_manager'));
    expect(start).toMatchObject({ landing: { entity: 'contact' } });
    expect(order(start)).toEqual(['contact', 'branch', 'customer', 'loan_application']);
  });

  it("opens a runtime page; the audit viewer only for a reader with the audit log's right", () => {
    expect(readerStart(landing, menu, reader('credit_officer'))).toMatchObject({ landing: { page: 'inbox' } });
    expect(order(readerStart(landing, menu, reader('credit_officer')))[0]).toBe('loan_application');
    expect(readerStart(landing, menu, { roles: ['compliance_officer'], canReadAuditLog: true }).landing).toEqual({ page: 'audit' });
    expect(readerStart(landing, menu, reader('compliance_officer')).landing).toBeUndefined();
  });

  it('takes the first entry naming one of several roles, and none for a page the reader cannot read', () => {
    expect(readerStart(landing, menu, reader('branch_manager', 'relationship_manager')).landing).toEqual({ entity: 'customer' });
    const start = readerStart(landing, menu.filter((m) => m.entity !== 'customer'), reader('relationship_manager'));
    expect(start.landing).toBeUndefined();
    expect(order(start)).toEqual(['loan_application', 'branch', 'contact']);
  });

  it('leaves the menu as the app orders it for a role without an entry, or an app without landings', () => {
    expect(readerStart(landing, menu, reader('head_of_risk'))).toEqual({ menu });
    expect(readerStart(undefined, menu, reader('relationship_manager'))).toEqual({ menu });
  });
});
