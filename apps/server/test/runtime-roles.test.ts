import { bankCrmRoles, branchEntity, customerEntity } from '@bankforge/example-bank-crm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startTestServer, type Requester, type TestServer } from './harness.js';

type Actions = { create: boolean; update: boolean; delete: boolean; export: boolean; transfer: boolean; import?: boolean };
type App = { key: string; menu: { entity: string }[]; landing?: { entity: string } | { page: string } };

const none: Actions = { create: false, update: false, delete: false, export: false, transfer: false };
const all: Actions = { create: true, update: true, delete: true, export: true, transfer: true, import: true };

/**
 * What each example role may do with customers and branches, as the runtime's page model says it
 * (the same grants the records API enforces); `forbidden`: the role may not read the entity at all.
 */
const expected: Record<string, { customer: Actions | 'forbidden'; branch: Actions | 'forbidden' }> = {
  relationship_manager: { customer: { ...none, create: true, update: true, export: true }, branch: none },
  branch_manager: { customer: { ...none, update: true, export: true, transfer: true }, branch: none },
  credit_officer: { customer: none, branch: none },
  credit_committee: { customer: none, branch: none },
  head_of_risk: { customer: none, branch: none },
  compliance_officer: { customer: { ...none, export: true }, branch: { ...none, export: true } },
  business_analyst: { customer: none, branch: 'forbidden' },
};

describe.each(dialects())('role-aware runtime pages on %s', (dialect) => {
  let server: TestServer;
  const people = new Map<string, Requester>();

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity(branchEntity);
    await server.publishEntity(customerEntity);
    for (const role of bankCrmRoles) {
      expect((await server.request('PUT', `/api/auth/roles/${role.key}`, role)).status).toBe(200);
      const username = `u_${role.key}`.slice(0, 32);
      const password = `Pass-${role.key}-2026`;
      expect((await server.request('POST', '/api/auth/users', { username, displayName: role.label.en, branch: 'SH01', password, roles: [role.key] })).status).toBe(201);
      people.set(role.key, await server.signIn(username, password));
    }
  });
  afterAll(async () => server?.close());

  it.each(Object.entries(expected))("tells a %s which actions the runtime offers on customers and branches", async (role, wanted) => {
    const reader = people.get(role)!;
    for (const entity of ['customer', 'branch'] as const) {
      const page = await reader<{ actions: Actions }>('GET', `/api/runtime/entities/${entity}`);
      if (wanted[entity] === 'forbidden') expect(page.status).toBe(403);
      else expect([page.status, page.body.actions]).toEqual([200, wanted[entity]]);
    }
  });

  it('offers an administrator every action', async () => {
    expect((await server.request<{ actions: Actions }>('GET', '/api/runtime/entities/customer')).body.actions).toEqual(all);
  });

  it("opens the app where each reader's role works, with the pages it uses first", async () => {
    const app = {
      kind: 'app',
      key: 'crm',
      title: 'CRM',
      label: { en: 'CRM', 'zh-CN': '客户管理' },
      artifacts: [{ kind: 'entity', key: 'branch' }, { kind: 'entity', key: 'customer' }],
      landing: [
        { role: 'relationship_manager', entity: 'customer' },
        { role: 'compliance_officer', page: 'audit', menu: ['customer'] },
        { role: 'credit_officer', page: 'inbox' },
        { role: 'no_such_role', page: 'cases' },
      ],
    };
    expect((await server.request('PUT', '/api/artifacts/app/crm', app)).status).toBe(200);
    const published = await server.request<{ warnings?: { path: string; code: string }[] }>('POST', '/api/artifacts/app/crm/publish', {});
    expect(published.status, JSON.stringify(published.body)).toBe(200);

    const start = async (role: string) => (await people.get(role)!<App[]>('GET', '/api/runtime/apps')).body.find((a) => a.key === 'crm')!;
    const rm = await start('relationship_manager');
    expect([rm.landing, rm.menu.map((m) => m.entity)]).toEqual([{ entity: 'customer' }, ['customer', 'branch']]);
    const compliance = await start('compliance_officer');
    expect([compliance.landing, compliance.menu.map((m) => m.entity)]).toEqual([{ page: 'audit' }, ['customer', 'branch']]);
    expect((await start('credit_officer')).landing).toEqual({ page: 'inbox' });
    // A role without an entry keeps the app's order and opens its first page.
    const manager = await start('branch_manager');
    expect([manager.landing, manager.menu.map((m) => m.entity)]).toEqual([undefined, ['branch', 'customer']]);
    expect((await server.request<App[]>('GET', '/api/runtime/apps')).body.find((a) => a.key === 'crm')!.landing).toBeUndefined();
  });

  it('refuses a landing on a page the app lacks, in both languages', async () => {
    const app = { kind: 'app', key: 'crm2', title: 'CRM', artifacts: [{ kind: 'entity', key: 'customer' }], landing: [{ role: 'relationship_manager', entity: 'loan' }] };
    const saved = await server.request<{ code: string; errors: { path: string; code: string; messageZh?: string }[] }>('PUT', '/api/artifacts/app/crm2', app);
    expect(saved.status).toBe(422);
    expect(saved.body.errors).toEqual([expect.objectContaining({ path: '/landing/0/entity', code: 'landingNotInApp', messageZh: 'loan 不是本应用的实体页面' })]);
    // The audit viewer a role may land on is the runtime's page at /audit: no app may take its name.
    const audit = await server.request<{ errors: { path: string; code: string }[] }>('PUT', '/api/artifacts/app/audit', { ...app, key: 'audit', landing: [] });
    expect(audit.body.errors).toEqual([expect.objectContaining({ path: '/key', code: 'reservedKey' })]);
  });
});
