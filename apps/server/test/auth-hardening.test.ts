import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toStoredDatetime } from '@bankforge/data-model';
import { MAX_FAILED_LOGINS } from '../src/modules/auth/auth.service.js';
import { parseTrustProxy } from '../src/platform/config/server-config.js';
import { dialects, startTestServer, type TestServer } from './harness.js';

// Issue 16, findings 5 (lockout race), 6 (Secure cookie behind a proxy), 8 (roles held by API keys), 13 (weak passwords).

const PASSWORD = 'Racing-Pony-Stable-7';
const SET_COOKIE_SECURE = /; Secure$/;

interface FieldErrors {
  code: string;
  errors: { path: string; code: string; message: string; messageZh?: string }[];
}

async function loginFailures(server: TestServer, username: string): Promise<{ reason: string; failures?: number }[]> {
  const rows = await server.database.read((sql) => sql.rows<{ detail: string }>("SELECT detail FROM bf_audit WHERE action = 'loginFailed' ORDER BY seq"));
  return rows.map((row) => JSON.parse(row.detail) as { username: string; reason: string; failures?: number }).filter((detail) => detail.username === username);
}

async function lockState(server: TestServer, username: string): Promise<{ failedLogins: number; lockedUntil: string | null }> {
  const [row] = await server.database.read((sql) => sql.rows<{ failed_logins: number; locked_until: string | null }>('SELECT failed_logins, locked_until FROM bf_user WHERE username = ?', [username]));
  return { failedLogins: Number(row!.failed_logins), lockedUntil: row!.locked_until };
}

describe.each(dialects())('authentication hardening on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.request('PUT', '/api/auth/roles/teller', { key: 'teller', label: { en: 'Teller', 'zh-CN': '柜员' } });
  });
  afterAll(async () => server?.close());

  const createUser = async (username: string): Promise<string> => {
    const created = await server.request<{ id: string }>('POST', '/api/auth/users', { username, displayName: username, roles: ['teller'], password: PASSWORD });
    expect(created.status).toBe(201);
    return created.body.id;
  };
  const login = (username: string, password: string) => server.anonymous<{ code: string }>('POST', '/api/auth/login', { username, password });

  describe('lockout (finding 5)', () => {
    it('counts simultaneous wrong passwords one by one: the account locks and the right password is refused', async () => {
      await createUser('racer');
      const attempts = await Promise.all(Array.from({ length: 10 }, (_, i) => login('racer', `Wrong-Guess-Number-${i}`)));
      expect(attempts.map((a) => a.status)).toEqual(Array(10).fill(401));
      // Exactly MAX_FAILED_LOGINS were counted; the rest found the account locked already.
      expect((await lockState(server, 'racer')).failedLogins).toBe(MAX_FAILED_LOGINS);
      const reasons = (await loginFailures(server, 'racer')).map((f) => f.reason);
      expect(reasons.filter((r) => r === 'wrongPassword')).toHaveLength(MAX_FAILED_LOGINS);
      expect(reasons.filter((r) => r === 'locked')).toHaveLength(10 - MAX_FAILED_LOGINS);
      expect((await loginFailures(server, 'racer')).filter((f) => f.reason === 'wrongPassword').map((f) => f.failures)).toEqual([1, 2, 3, 4, 5]);

      const right = await login('racer', PASSWORD);
      expect(right.status).toBe(401);
      expect(right.body.code).toBe('loginFailed');
      expect((await loginFailures(server, 'racer')).at(-1)!.reason).toBe('locked');
      const users = await server.request<{ username: string; locked: boolean }[]>('GET', '/api/auth/users');
      expect(users.body.find((u) => u.username === 'racer')!.locked).toBe(true);
    });

    it('starts a new count once a lock has expired, and a sign-in clears it', async () => {
      await createUser('sleeper');
      const past = toStoredDatetime(new Date(Date.now() - 60_000).toISOString());
      await server.database.transaction((sql) => sql.execute('UPDATE bf_user SET failed_logins = ?, locked_until = ? WHERE username = ?', [MAX_FAILED_LOGINS, past, 'sleeper']));
      expect((await login('sleeper', 'Wrong-Guess-After-Lock')).status).toBe(401);
      expect(await lockState(server, 'sleeper')).toEqual({ failedLogins: 1, lockedUntil: null });
      expect((await login('sleeper', PASSWORD)).status).toBe(200);
      expect(await lockState(server, 'sleeper')).toEqual({ failedLogins: 0, lockedUntil: null });
    });
  });

  describe('roles held by API keys (finding 8)', () => {
    it('refuses to delete a role an active API key holds, so a re-created role cannot empower an old key', async () => {
      await server.request('PUT', '/api/auth/roles/feed', { key: 'feed', label: { en: 'Feed', 'zh-CN': '数据源' } });
      const key = await server.request<{ id: string; key: string }>('POST', '/api/auth/api-keys', { name: 'market-feed', roles: ['feed'] });
      expect(key.status).toBe(201);
      const refused = await server.request<{ code: string; detail: string; users: string[]; apiKeys: { id: string; name: string }[] }>('DELETE', '/api/auth/roles/feed');
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'roleInUse', users: [], apiKeys: [{ id: key.body.id, name: 'market-feed' }] });
      expect(refused.body.detail).toContain('market-feed');
      expect((await server.request<{ key: string }[]>('GET', '/api/auth/roles')).body.map((r) => r.key)).toContain('feed');

      const bearer = { authorization: `Bearer ${key.body.key}` };
      expect((await server.anonymous('GET', '/api/auth/users', undefined, bearer)).status).toBe(403);

      // Once the key is revoked the role can go, and a role re-created with admin rights reaches no old key.
      expect((await server.request('POST', `/api/auth/api-keys/${key.body.id}/revoke`)).status).toBe(204);
      expect((await server.request('DELETE', '/api/auth/roles/feed')).status).toBe(204);
      await server.request('PUT', '/api/auth/roles/feed', { key: 'feed', label: { en: 'Feed', 'zh-CN': '数据源' }, admin: true });
      expect((await server.anonymous('GET', '/api/auth/users', undefined, bearer)).status).toBe(401);
    });

    it('names both the users and the keys that hold the role', async () => {
      await server.request('PUT', '/api/auth/roles/shared', { key: 'shared', label: { en: 'Shared', 'zh-CN': '共享' } });
      expect((await server.request('POST', '/api/auth/users', { username: 'holder', displayName: 'Holder', roles: ['shared'], password: PASSWORD })).status).toBe(201);
      const key = await server.request<{ id: string }>('POST', '/api/auth/api-keys', { name: 'shared-sync', roles: ['shared', 'teller'] });
      const refused = await server.request<{ code: string; users: string[]; apiKeys: { id: string }[] }>('DELETE', '/api/auth/roles/shared');
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'roleInUse', users: ['holder'], apiKeys: [{ id: key.body.id, name: 'shared-sync' }], webhooks: [] });
      expect((await server.request<{ code: string }>('DELETE', '/api/auth/roles/no_such_role')).body.code).toBe('roleNotFound');
    });

    it('refuses to delete a role a webhook subscription reads as, until the subscription no longer names it', async () => {
      expect((await server.request('PUT', '/api/auth/roles/crm_feed_reader', { key: 'crm_feed_reader', label: { en: 'CRM feed reader', 'zh-CN': '客户推送读取' } })).status).toBe(200);
      const hook = await server.request<{ version: number }>('POST', '/api/webhooks', { key: 'crm_feed', name: { en: 'CRM feed', 'zh-CN': '客户推送' }, url: 'https://hooks.bank.example/crm', eventTypes: ['record.*'], roles: ['crm_feed_reader'] });
      expect(hook.status, JSON.stringify(hook.body)).toBe(201);
      const refused = await server.request<{ code: string; detail: string; webhooks: string[] }>('DELETE', '/api/auth/roles/crm_feed_reader');
      expect([refused.status, refused.body.code, refused.body.webhooks]).toEqual([409, 'roleInUse', ['crm_feed']]);
      expect(refused.body.detail).toContain('webhooks crm_feed');
      expect((await server.request('DELETE', '/api/webhooks/crm_feed')).status).toBe(204);
      expect((await server.request('DELETE', '/api/auth/roles/crm_feed_reader')).status).toBe(204);
    });
  });

  describe('password policy (finding 13)', () => {
    it.each(['Password1234', 'Qwerty123456', `Ab1${' '.repeat(9)}`])('refuses %j, which meets length and character classes but is among the first guesses', async (weak) => {
      const created = await server.request<FieldErrors>('POST', '/api/auth/users', { username: `weak${weak.length}${weak.charCodeAt(0)}`, displayName: 'Weak', roles: [], password: weak });
      expect(created.status).toBe(422);
      expect(created.body.errors).toEqual([expect.objectContaining({ path: '/password', code: 'weakPassword', message: expect.stringMatching(/^The password is too easy to guess/) })]);
      expect(created.body.errors[0]!.messageZh).toMatch(/^密码太容易被猜到/);
    });

    it('refuses a weak password on a reset too, and one built from the username', async () => {
      const id = await createUser('zhangwei.li88');
      const reset = await server.request<FieldErrors>('PATCH', `/api/auth/users/${id}`, { password: 'Qwerty123456' });
      expect(reset.status).toBe(422);
      expect(reset.body.errors[0]).toMatchObject({ path: '/password', code: 'weakPassword' });
      expect((await server.request<FieldErrors>('PATCH', `/api/auth/users/${id}`, { password: 'Zhangwei.Li88!' })).status).toBe(422);
      // The same password is fine for someone whose name it is not.
      expect((await server.request('POST', '/api/auth/users', { username: 'someone', displayName: 'Someone', roles: [], password: 'Zhangwei.Li88!' })).status).toBe(201);
      expect((await server.request('PATCH', `/api/auth/users/${id}`, { password: 'Lantern-Orchard-Quietly-42' })).status).toBe(200);
      expect((await login('zhangwei.li88', 'Lantern-Orchard-Quietly-42')).status).toBe(200);
    });
  });
});

describe.each(dialects())('the session cookie behind TLS on %s (finding 6)', (dialect) => {
  const login = (server: TestServer, headers: Record<string, string> = {}) =>
    server.anonymous('POST', '/api/auth/login', { username: 'admin', password: 'Test-Admin-Password-1' }, headers);

  it('is Secure whenever BANKFORGE_SECURE_COOKIES is set, even over plain HTTP from a TLS-terminating proxy', async () => {
    const server = await startTestServer(dialect, { secureCookies: true });
    try {
      const signedIn = await login(server);
      expect(signedIn.status).toBe(200);
      expect(signedIn.headers.get('set-cookie')).toMatch(SET_COOKIE_SECURE);
      const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
      const signedOut = await server.anonymous('POST', '/api/auth/logout', undefined, { cookie });
      expect(signedOut.status).toBe(204);
      expect(signedOut.headers.get('set-cookie')).toMatch(/Max-Age=0; Secure$/);
    } finally {
      await server.close();
    }
  });

  it('believes X-Forwarded-Proto and X-Forwarded-For only from a proxy named in BANKFORGE_TRUST_PROXY', async () => {
    const untrusting = await startTestServer(dialect);
    try {
      const forged = await login(untrusting, { 'x-forwarded-proto': 'https' });
      expect(forged.status).toBe(200);
      expect(forged.headers.get('set-cookie')).not.toMatch(SET_COOKIE_SECURE);
    } finally {
      await untrusting.close();
    }
    const behindProxy = await startTestServer(dialect, { trustProxy: 'loopback', loginAttemptsPerMinute: 3 });
    try {
      const viaHttps = await login(behindProxy, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' });
      expect(viaHttps.status).toBe(200);
      expect(viaHttps.headers.get('set-cookie')).toMatch(SET_COOKIE_SECURE);
      expect((await login(behindProxy, { 'x-forwarded-for': '203.0.113.7' })).headers.get('set-cookie')).not.toMatch(SET_COOKIE_SECURE);
      // The rate limit counts the client behind the proxy, not the proxy: 203.0.113.7 has used its 3, another client has not.
      expect((await login(behindProxy, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(200);
      expect((await login(behindProxy, { 'x-forwarded-for': '203.0.113.7' })).status).toBe(429);
      expect((await login(behindProxy, { 'x-forwarded-for': '198.51.100.9' })).status).toBe(200);
    } finally {
      await behindProxy.close();
    }
  });
});

describe('BANKFORGE_TRUST_PROXY', () => {
  it('is off unless set, and maps to Express trust proxy values', () => {
    expect([undefined, '', 'false'].map(parseTrustProxy)).toEqual([undefined, undefined, undefined]);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy(' loopback, 10.0.0.0/8 ')).toBe('loopback, 10.0.0.0/8');
  });
});
