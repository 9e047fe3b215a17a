import { fakeApi, problem, renderPage } from '@bankforge/app-shell/testing';
import type { RoleDefinition } from '@bankforge/client';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../../shell/testing/i18n.js';
import { RolesPage } from './RolesPage.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const rm: RoleDefinition = {
  key: 'relationship_manager',
  label: { en: 'Relationship manager', 'zh-CN': '客户经理' },
  entities: { customer: { create: 'own', read: 'own', fields: { resident_id: { access: 'masked', mask: { strategy: 'residentId' } } } } },
  flows: { loan_approval: ['start'] },
};
const entities = [
  { kind: 'entity', key: 'customer', title: 'Customer', label: { en: 'Customer', 'zh-CN': '客户' }, revision: 2, latestVersion: 2, state: 'published', updatedAt: '2026-03-01T00:00:00Z' },
  { kind: 'entity', key: 'account', title: 'Account', revision: 1, latestVersion: 1, state: 'published', updatedAt: '2026-03-01T00:00:00Z' },
  { kind: 'entity', key: 'draft_only', title: 'Draft', revision: 1, latestVersion: null, state: 'draft', updatedAt: '2026-03-01T00:00:00Z' },
];
const customerV2 = {
  revision: 2,
  latestVersion: 2,
  document: {
    kind: 'entity',
    key: 'customer',
    title: 'Customer',
    fields: [
      { key: 'name', label: { en: 'Name', 'zh-CN': '姓名' } },
      { key: 'resident_id', label: { en: 'Resident ID number', 'zh-CN': '居民身份证号' } },
      { key: 'income', label: { en: 'Annual income', 'zh-CN': '年收入' } },
    ],
  },
};

function renderRoles(path: string, routes: Parameters<typeof fakeApi>[0] = {}) {
  const server = fakeApi({
    'GET /api/auth/roles': { body: [rm] },
    'GET /api/auth/users': { body: [{ id: 'u1', username: 'wang_fang', displayName: '王芳', branch: 'SH01', managerId: null, roles: ['relationship_manager'], active: true, locked: false }] },
    'GET /api/artifacts/entity': { body: entities },
    'GET /api/artifacts/entity/customer?version=2': { body: customerV2 },
    ...routes,
  });
  renderPage(<RolesPage />, server.client, { path, pattern: '/admin/roles/:key?' });
  return { server, actor: userEvent.setup() };
}

describe('RolesPage', () => {
  it('shows a role’s grants as a matrix of scopes per entity and operation, published entities only', async () => {
    renderRoles('/admin/roles/relationship_manager');
    expect(await screen.findByRole('heading', { name: /Relationship manager/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Relationship manager.*1 user/ }).getAttribute('aria-current')).toBe('page');
    const read = screen.getByRole('combobox', { name: 'Read Customer' }) as HTMLSelectElement;
    expect(read.selectedOptions[0]!.textContent).toBe('Own');
    expect((screen.getByRole('combobox', { name: 'Delete Customer' }) as HTMLSelectElement).selectedOptions[0]!.textContent).toBe('No');
    expect(screen.getByRole('combobox', { name: 'Read Account' })).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Read Draft' })).toBeNull();
    expect(screen.getByText('Starts flows: loan_approval')).toBeTruthy();
  });

  it('widens a scope, sets field rules and saves the whole role, keeping what the screen does not edit', async () => {
    const { server, actor } = renderRoles('/admin/roles/relationship_manager', {
      'PUT /api/auth/roles/relationship_manager': ({ body }) => ({ body }),
    });
    await actor.selectOptions(await screen.findByRole('combobox', { name: 'Read Customer' }), 'branch');
    await actor.click(screen.getByRole('button', { name: 'Field rules (1)' }));
    const income = await screen.findByRole('combobox', { name: 'Rule for Annual income' });
    await actor.selectOptions(income, 'hidden');
    expect((screen.getByRole('combobox', { name: 'Rule for Resident ID number' }) as HTMLSelectElement).value).toBe('masked');
    await actor.click(screen.getByRole('checkbox', { name: 'May unmask Customer fields one record at a time (audited)' }));
    await actor.click(screen.getByRole('checkbox', { name: 'Edit Reports' }));
    expect(screen.getByText('Unsaved changes')).toBeTruthy();
    await actor.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/The role Relationship manager was saved/)).toBeTruthy();
    const put = server.requests.find((r) => r.method === 'PUT')!;
    expect(put.body).toEqual({
      ...rm,
      entities: {
        customer: { create: 'own', read: 'branch', unmask: true, fields: { resident_id: { access: 'masked', mask: { strategy: 'residentId' } }, income: { access: 'hidden' } } },
      },
      artifacts: { report: ['edit'] },
    });
    expect(screen.queryByText('Unsaved changes')).toBeNull();
  });

  it('lists the server’s reasons when it refuses the role', async () => {
    const { actor } = renderRoles('/admin/roles/relationship_manager', {
      'PUT /api/auth/roles/relationship_manager': problem(422, 'invalidRole', { errors: [{ path: '/label/en', code: 'minLength', message: 'The role name is too short.', messageZh: '角色名称太短。' }] }),
    });
    const name = await screen.findByLabelText('Name (English)');
    await actor.clear(name);
    await actor.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The role name is too short.');
  });

  it('adds a new role by key and names, to be granted and saved', async () => {
    const { server, actor } = renderRoles('/admin/roles', { 'PUT /api/auth/roles/teller': ({ body }) => ({ body }) });
    await actor.click(await screen.findByRole('button', { name: 'New role' }));
    const dialog = screen.getByRole('dialog', { name: 'New role' });
    await actor.type(within(dialog).getByLabelText('Key'), 'relationship_manager');
    await actor.click(within(dialog).getByRole('button', { name: 'Add role' }));
    expect(within(dialog).getByText('There is a role with this key already.')).toBeTruthy();
    await actor.clear(within(dialog).getByLabelText('Key'));
    await actor.type(within(dialog).getByLabelText('Key'), 'teller');
    await actor.type(within(dialog).getByLabelText('Name (English)'), 'Teller');
    await actor.type(within(dialog).getByLabelText('Name (Chinese)'), '柜员');
    await actor.click(within(dialog).getByRole('button', { name: 'Add role' }));
    await actor.selectOptions(await screen.findByRole('combobox', { name: 'Create Account' }), 'own');
    await actor.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/The role Teller was saved/);
    expect(server.requests.find((r) => r.method === 'PUT')!.body).toEqual({ key: 'teller', label: { en: 'Teller', 'zh-CN': '柜员' }, entities: { account: { create: 'own' } } });
  });
});
