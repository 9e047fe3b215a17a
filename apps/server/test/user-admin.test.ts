import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startTestServer, type TestServer } from './harness.js';

const PASSWORD = 'Teller-Pass-2026';

interface User {
  id: string;
  username: string;
  displayName: string;
  branch: string | null;
  managerId: string | null;
  roles: string[];
  active: boolean;
  locked: boolean;
}
interface FieldErrors {
  code: string;
  errors: { path: string; code: string; message: string; messageZh?: string }[];
}
interface Entry {
  seq: number;
  action: string;
  actorName: string;
  recordId: string | null;
  detail: Record<string, unknown>;
}

describe.each(dialects())('user administration on %s', (dialect) => {
  let server: TestServer;
  let adminId: string;
  const audit = async (recordId: string): Promise<Entry[]> => (await server.request<Entry[]>('GET', `/api/audit?recordId=${recordId}&limit=1000`)).body;
  const login = async (username: string, password: string): Promise<number> => (await server.anonymous('POST', '/api/auth/login', { username, password })).status;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.request('PUT', '/api/auth/roles/teller', { key: 'teller', label: { en: 'Teller', 'zh-CN': '柜员' } });
    await server.request('PUT', '/api/auth/roles/compliance', { key: 'compliance', label: { en: 'Compliance', 'zh-CN': '合规' }, auditLog: true });
    adminId = (await server.request<{ userId: string }>('GET', '/api/auth/me')).body.userId;
  });
  afterAll(async () => server?.close());

  it('tells the signed-in person what they may administer', async () => {
    expect((await server.request('GET', '/api/auth/me')).body).toMatchObject({ username: 'admin', admin: true, auditLog: true });
    await server.request('POST', '/api/auth/users', { username: 'officer1', displayName: 'Officer', roles: ['compliance'], password: PASSWORD });
    await server.request('POST', '/api/auth/users', { username: 'teller0', displayName: 'Teller', roles: ['teller'], password: PASSWORD });
    expect((await (await server.signIn('officer1', PASSWORD))('GET', '/api/auth/me')).body).toMatchObject({ admin: false, auditLog: true });
    expect((await (await server.signIn('teller0', PASSWORD))('GET', '/api/auth/me')).body).toMatchObject({ admin: false, auditLog: false });
  });

  it('creates a user with a generated password answered once, and audits no password', async () => {
    const created = await server.request<User & { password: string }>('POST', '/api/auth/users', { username: 'qian_hao', displayName: '钱浩', roles: ['teller'], branch: 'SH01', generatePassword: true });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ username: 'qian_hao', branch: 'SH01', roles: ['teller'], active: true });
    expect(created.body.password.length).toBeGreaterThanOrEqual(20);
    expect(await login('qian_hao', created.body.password)).toBe(200);
    // The list never carries it.
    expect(JSON.stringify((await server.request('GET', '/api/auth/users')).body)).not.toContain(created.body.password);
    const [entry] = await audit(created.body.id);
    expect(entry).toMatchObject({ action: 'permissionChange', actorName: 'admin', detail: { user: 'qian_hao', passwordGenerated: true } });
    const log = JSON.stringify(await server.database.read((sql) => sql.rows('SELECT * FROM bf_audit')));
    expect(log).not.toContain(created.body.password);
    expect(log).not.toContain('scrypt$');
  });

  it('refuses a typed and a generated password at once, and a malformed user, in English and Chinese', async () => {
    const both = await server.request<FieldErrors>('POST', '/api/auth/users', { username: 'both', displayName: 'B', roles: [], password: 'Lantern-Orchard-Quietly-42', generatePassword: true });
    expect(both.status).toBe(422);
    expect(both.body.errors).toEqual([expect.objectContaining({ path: '/generatePassword', code: 'passwordGiven', messageZh: expect.stringContaining('密码') })]);
    const bad = await server.request<FieldErrors>('POST', '/api/auth/users', { username: 'x y', displayName: '', roles: ['Not A Role'], branch: 'B'.repeat(65) });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const byPath = Object.fromEntries(bad.body.errors.map((e) => [e.path, e]));
    expect(byPath['/username']).toMatchObject({ code: 'pattern', message: expect.stringContaining('The username must be 2 to 64'), messageZh: expect.stringContaining('用户名') });
    expect(byPath['/displayName']).toMatchObject({ code: 'minLength', messageZh: '显示名称太短。' });
    expect(byPath['/branch']).toMatchObject({ code: 'maxLength', messageZh: '所属机构太长。' });
    expect(byPath['/roles/0']).toMatchObject({ code: 'pattern', messageZh: '角色须为角色代码' + '。' });
    const taken = await server.request<FieldErrors>('POST', '/api/auth/users', { username: 'qian_hao', displayName: 'Again', roles: [] });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'usernameTaken', errors: [{ path: '/username', code: 'unique', messageZh: '用户名 qian_hao 已被使用。' }] });
    const unknownRole = await server.request<FieldErrors>('POST', '/api/auth/users', { username: 'nobody2', displayName: 'N', roles: ['teller', 'astronaut'] });
    expect(unknownRole.body.errors).toEqual([expect.objectContaining({ path: '/roles/1', code: 'roleNotFound', messageZh: '角色 astronaut 不存在。' })]);
  });

  it('changes roles, branch and manager with before and after in the log', async () => {
    const users = (await server.request<User[]>('GET', '/api/auth/users')).body;
    const qian = users.find((u) => u.username === 'qian_hao')!;
    const officer = users.find((u) => u.username === 'officer1')!;
    const changed = await server.request<User>('PATCH', `/api/auth/users/${qian.id}`, { roles: ['teller', 'compliance'], branch: 'HQ', managerId: officer.id });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ roles: ['teller', 'compliance'], branch: 'HQ', managerId: officer.id });
    const last = (await audit(qian.id)).at(-1)!;
    // The manager by username too: the log's readers may not list users.
    expect(last.detail).toMatchObject({
      user: 'qian_hao',
      before: { branch: 'SH01', roles: ['teller'], managerId: null, manager: null },
      after: { branch: 'HQ', roles: ['teller', 'compliance'], managerId: officer.id, manager: 'officer1' },
    });
    const loop = await server.request<FieldErrors>('PATCH', `/api/auth/users/${officer.id}`, { managerId: qian.id });
    expect(loop.status).toBe(422);
    expect(loop.body.errors[0]).toMatchObject({ path: '/managerId', code: 'managerCycle', messageZh: expect.stringContaining('汇报') });
    expect((await server.request<FieldErrors>('PATCH', `/api/auth/users/${qian.id}`, {})).status).toBe(422);
  });

  it('disables and enables a user: sessions end, sign-in refused, then allowed again', async () => {
    const user = (await server.request<User>('POST', '/api/auth/users', { username: 'teller9', displayName: 'T9', roles: ['teller'], password: PASSWORD })).body;
    const session = await server.signIn('teller9', PASSWORD);
    const disabled = await server.request<User>('POST', `/api/auth/users/${user.id}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body.active).toBe(false);
    expect((await session('GET', '/api/auth/me')).status).toBe(401);
    expect(await login('teller9', PASSWORD)).toBe(401);
    const enabled = await server.request<User>('POST', `/api/auth/users/${user.id}/enable`);
    expect(enabled.body.active).toBe(true);
    expect(await login('teller9', PASSWORD)).toBe(200);
    expect((await audit(user.id)).map((e) => [(e.detail.before as User | undefined)?.active, (e.detail.after as User | undefined)?.active])).toEqual([
      [undefined, undefined],
      [true, false],
      [false, true],
    ]);
  });

  it('keeps an administrator from locking themselves out', async () => {
    const self = await server.request<FieldErrors>('POST', `/api/auth/users/${adminId}/disable`);
    expect(self.status).toBe(409);
    expect(self.body).toMatchObject({ code: 'cannotDisableSelf', errors: [{ path: '/active', messageZh: expect.stringContaining('不能停用自己') }] });
    const demote = await server.request<FieldErrors>('PATCH', `/api/auth/users/${adminId}`, { roles: ['teller'] });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('cannotRemoveOwnAdministration');
    expect((await server.request<User>('GET', '/api/auth/me')).status).toBe(200);
    expect((await server.request<User[]>('GET', '/api/auth/users')).body.find((u) => u.id === adminId)).toMatchObject({ active: true, roles: ['administrator'] });
  });

  it('resets a password to a generated one answered once: unlocks, signs out, audited without it', async () => {
    const user = (await server.request<User>('POST', '/api/auth/users', { username: 'teller7', displayName: 'T7', roles: ['teller'], password: PASSWORD })).body;
    const session = await server.signIn('teller7', PASSWORD);
    for (let i = 0; i < 5; i++) await login('teller7', `Wrong-Password-${i}`);
    expect((await server.request<User[]>('GET', '/api/auth/users')).body.find((u) => u.id === user.id)!.locked).toBe(true);
    const reset = await server.request<{ user: User; password: string }>('POST', `/api/auth/users/${user.id}/password`, {});
    expect(reset.status).toBe(200);
    expect(reset.body.user).toMatchObject({ username: 'teller7', locked: false });
    expect((await session('GET', '/api/auth/me')).status).toBe(401);
    expect(await login('teller7', PASSWORD)).toBe(401);
    expect(await login('teller7', reset.body.password)).toBe(200);
    const last = (await audit(user.id)).at(-1)!;
    expect(last.detail).toMatchObject({ user: 'teller7', passwordReset: true, passwordGenerated: true });
    expect(JSON.stringify(await server.database.read((sql) => sql.rows('SELECT * FROM bf_audit')))).not.toContain(reset.body.password);
    // A typed one is checked like any password and not answered back.
    const typed = await server.request<{ user: User; password?: string }>('POST', `/api/auth/users/${user.id}/password`, { password: 'Lantern-Orchard-Quietly-42' });
    expect(typed.status).toBe(200);
    expect(typed.body.password).toBeUndefined();
    const weak = await server.request<FieldErrors>('POST', `/api/auth/users/${user.id}/password`, { password: 'password1' });
    expect(weak.status).toBe(422);
    expect(weak.body.errors[0]).toMatchObject({ path: '/password', code: 'weakPassword', messageZh: expect.stringMatching(/^密码/) });
  });

  it('answers 404 for users that do not exist, whatever the id looks like', async () => {
    for (const [method, path] of [
      ['POST', '/api/auth/users/0190a0a0-0000-7000-8000-000000000000/disable'],
      ['POST', '/api/auth/users/not-an-id/enable'],
      ['POST', '/api/auth/users/0190a0a0-0000-7000-8000-000000000000/password'],
      ['PATCH', '/api/auth/users/0190a0a0-0000-7000-8000-000000000000'],
    ] as const) {
      const answer = await server.request<{ code: string }>(method, path, method === 'PATCH' ? { branch: 'X' } : {});
      expect(answer.status, path).toBe(404);
      expect(answer.body.code).toBe('userNotFound');
    }
  });

  it('names the revoked API key in the log', async () => {
    const key = await server.request<{ id: string }>('POST', '/api/auth/api-keys', { name: 'core-banking', roles: ['teller'] });
    expect((await server.request('POST', `/api/auth/api-keys/${key.body.id}/revoke`)).status).toBe(204);
    expect((await audit(key.body.id)).map((e) => e.detail)).toEqual([
      // A key's limits are part of what it may do: logged with it (none here: its roles' full grants, the default rate).
      { apiKey: key.body.id, name: 'core-banking', roles: ['teller'], scope: null, branch: null, rateLimit: null },
      { apiKey: key.body.id, name: 'core-banking', revoked: true },
    ]);
    expect((await server.request<{ code: string }>('POST', `/api/auth/api-keys/${key.body.id}/revoke`)).body.code).toBe('apiKeyNotFound');
    expect((await server.request<{ ok: boolean }>('GET', '/api/audit/verify')).body.ok).toBe(true);
  });
});
