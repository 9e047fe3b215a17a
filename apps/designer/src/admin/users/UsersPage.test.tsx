import { fakeApi, problem, renderPage, sequence } from '@bankforge/app-shell/testing';
import type { UserSummary } from '@bankforge/client';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../../shell/testing/i18n.js';
import { UsersPage } from './UsersPage.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const roles = [
  { key: 'administrator', label: { en: 'Administrator', 'zh-CN': '系统管理员' }, admin: true },
  { key: 'relationship_manager', label: { en: 'Relationship manager', 'zh-CN': '客户经理' } },
];
const user = (id: string, username: string, displayName: string, extra: Partial<UserSummary> = {}): UserSummary => ({
  id,
  username,
  displayName,
  branch: null,
  managerId: null,
  roles: [],
  active: true,
  locked: false,
  ...extra,
});
const admin = user('u-admin', 'admin', 'Administrator', { roles: ['administrator'] });
const chen = user('u-chen', 'chen_jing', '陈静', { branch: 'SH01', roles: ['relationship_manager'] });
const me = { userId: 'u-admin', username: 'admin', branch: null, roles: ['administrator'], admin: true, auditLog: true };

function renderUsers(routes: Parameters<typeof fakeApi>[0]) {
  const server = fakeApi({ 'GET /api/auth/roles': { body: roles }, 'GET /api/auth/me': { body: me }, ...routes });
  renderPage(<UsersPage />, server.client);
  return { server, actor: userEvent.setup() };
}

describe('UsersPage', () => {
  it('lists users with roles, branch, manager and status, and searches them', async () => {
    const wang = user('u-wang', 'wang_fang', '王芳', { branch: 'SH01', managerId: 'u-chen', roles: ['relationship_manager'], locked: true });
    const { actor } = renderUsers({ 'GET /api/auth/users': { body: [admin, chen, wang] } });
    const row = (await screen.findByText('wang_fang')).closest('tr')!;
    expect(within(row).getByText('Relationship manager')).toBeTruthy();
    expect(within(row).getByText('陈静')).toBeTruthy();
    expect(within(row).getByText('Locked')).toBeTruthy();
    // The administrator cannot disable themselves.
    expect((screen.getByRole('button', { name: 'Disable Administrator' }) as HTMLButtonElement).disabled).toBe(true);
    await actor.type(screen.getByRole('searchbox', { name: 'Search users' }), '客户经理 wang');
    expect(screen.queryByText('chen_jing')).toBeNull();
    expect(screen.getByText('wang_fang')).toBeTruthy();
    expect(screen.getByText('1 user')).toBeTruthy();
  });

  it('creates a user with a role, branch and manager, and shows the generated password once', async () => {
    const created = user('u-qian', 'qian_hao', '钱浩', { branch: 'SH01', managerId: 'u-chen', roles: ['relationship_manager'] });
    const { server, actor } = renderUsers({
      'GET /api/auth/users': sequence({ body: [admin, chen] }, { body: [admin, chen, created] }),
      'POST /api/auth/users': { status: 201, body: { ...created, password: 'Generated-Once-9aZ' } },
    });
    await actor.click(await screen.findByRole('button', { name: 'New user' }));
    const dialog = screen.getByRole('dialog', { name: 'New user' });
    await actor.type(within(dialog).getByLabelText('Username'), 'qian_hao');
    await actor.type(within(dialog).getByLabelText('Name'), '钱浩');
    await actor.click(within(dialog).getByRole('checkbox', { name: 'Relationship manager' }));
    await actor.type(within(dialog).getByLabelText('Branch'), 'SH01');
    await actor.selectOptions(within(dialog).getByLabelText('Manager'), 'u-chen');
    await actor.click(within(dialog).getByRole('button', { name: 'Create user' }));
    const shown = await screen.findByRole('dialog', { name: 'Password for 钱浩' });
    expect((within(shown).getByLabelText('New password') as HTMLInputElement).value).toBe('Generated-Once-9aZ');
    expect(server.requests.find((r) => r.method === 'POST')!.body).toEqual({
      username: 'qian_hao',
      displayName: '钱浩',
      roles: ['relationship_manager'],
      branch: 'SH01',
      managerId: 'u-chen',
      generatePassword: true,
    });
    await actor.click(within(shown).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await screen.findByText('钱浩 was created.')).toBeTruthy();
    expect(await screen.findByText('qian_hao')).toBeTruthy();
    expect(screen.queryByDisplayValue('Generated-Once-9aZ')).toBeNull();
  });

  it('shows the server’s field errors under their fields, in the reader’s language', async () => {
    await initTestI18n('zh-CN');
    try {
      const { actor } = renderUsers({
        'GET /api/auth/users': { body: [admin] },
        'POST /api/auth/users': problem(409, 'usernameTaken', { errors: [{ path: '/username', code: 'unique', message: 'The username admin is taken.', messageZh: '用户名 admin 已被使用。' }] }),
      });
      await actor.click(await screen.findByRole('button', { name: '新建用户' }));
      const dialog = screen.getByRole('dialog', { name: '新建用户' });
      await actor.type(within(dialog).getByLabelText('用户名'), 'admin');
      await actor.type(within(dialog).getByLabelText('姓名'), '管理员');
      await actor.click(within(dialog).getByRole('button', { name: '创建用户' }));
      expect(await within(dialog).findByText('用户名 admin 已被使用。')).toBeTruthy();
      expect(within(dialog).getByLabelText('用户名').getAttribute('aria-invalid')).toBe('true');
    } finally {
      await initTestI18n('en');
    }
  });

  it('checks the form before sending it', async () => {
    const { server, actor } = renderUsers({ 'GET /api/auth/users': { body: [admin] } });
    await actor.click(await screen.findByRole('button', { name: 'New user' }));
    const dialog = screen.getByRole('dialog', { name: 'New user' });
    await actor.type(within(dialog).getByLabelText('Username'), 'x y');
    await actor.click(within(dialog).getByRole('radio', { name: 'Type a password' }));
    await actor.click(within(dialog).getByRole('button', { name: 'Create user' }));
    expect(within(dialog).getByText('Use 2 to 64 letters, digits, dots, dashes or underscores.')).toBeTruthy();
    expect(within(dialog).getByText('Enter the name.')).toBeTruthy();
    expect(within(dialog).getByText('Type the password, or choose to generate one.')).toBeTruthy();
    expect(server.requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('resets a password to a generated one and disables a user after asking, by keyboard', async () => {
    const { server, actor } = renderUsers({
      'GET /api/auth/users': sequence({ body: [admin, chen] }, { body: [admin, chen] }, { body: [admin, { ...chen, active: false }] }),
      'POST /api/auth/users/u-chen/password': { body: { user: chen, password: 'Fresh-Password-9aZ' } },
      'POST /api/auth/users/u-chen/disable': { body: { ...chen, active: false } },
    });
    (await screen.findByRole('button', { name: 'Reset the password of 陈静' })).focus();
    await actor.keyboard('{Enter}');
    const reset = screen.getByRole('dialog', { name: 'Reset the password of 陈静' });
    await actor.click(within(reset).getByRole('button', { name: 'Reset password' }));
    expect((await screen.findByLabelText('New password') as HTMLInputElement).value).toBe('Fresh-Password-9aZ');
    await actor.click(screen.getByRole('button', { name: 'Done' }));
    expect(await screen.findByText('The password of 陈静 was set; their sessions ended.')).toBeTruthy();

    screen.getByRole('button', { name: 'Disable 陈静' }).focus();
    await actor.keyboard('{Enter}');
    const confirm = screen.getByRole('dialog', { name: 'Disable 陈静?' });
    await actor.click(within(confirm).getByRole('button', { name: 'Disable' }));
    expect(await screen.findByText('陈静 was disabled and signed out everywhere.')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Enable 陈静' })).toBeTruthy();
    expect(server.requests.filter((r) => r.method === 'POST').map((r) => r.url)).toEqual(['/api/auth/users/u-chen/password', '/api/auth/users/u-chen/disable']);
  });

  it('tells someone who is not an administrator so, instead of an empty page', async () => {
    renderUsers({ 'GET /api/auth/users': problem(403, 'forbidden') });
    expect((await screen.findByRole('alert')).textContent).toContain('Only an administrator can manage users');
  });
});
