import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { pino } from 'pino';
import { createBankForgeApp } from '../src/app.js';
import { MAX_FAILED_LOGINS } from '../src/modules/auth/auth.service.js';
import { dialects, startTestServer, type TestServer } from './harness.js';
import { clientEntity } from './security-fixtures.js';

const PASSWORD = 'Teller-Pass-2026';

describe.each(dialects())('authentication on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity(clientEntity);
    await server.request('PUT', '/api/auth/roles/teller', { key: 'teller', label: { en: 'Teller', 'zh-CN': '柜员' }, entities: { client: { read: 'all', create: 'own' } } });
    for (const username of ['teller1', 'teller2', 'teller3']) {
      expect((await server.request('POST', '/api/auth/users', { username, displayName: username, branch: 'SH', roles: ['teller'], password: PASSWORD })).status).toBe(201);
    }
  });
  afterAll(async () => server?.close());

  it('answers 401 problems to requests without credentials, except health and login', async () => {
    for (const [method, path] of [
      ['GET', '/api/records/client/x'],
      ['POST', '/api/records/client/query'],
      ['GET', '/api/artifacts/entity'],
      ['GET', '/api/auth/me'],
      ['GET', '/api/audit/verify'],
    ] as const) {
      const response = await server.anonymous<{ code: string }>(method, path, method === 'POST' ? {} : undefined);
      expect(response.status, path).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.code).toBe('unauthenticated');
    }
    expect((await server.anonymous('GET', '/api/health')).status).toBe(200);
    expect((await server.anonymous('GET', '/api/records/client/x', undefined, { cookie: 'bf_session=forged-token-value-that-is-43-characters-long' })).status).toBe(401);
  });

  it('signs in with an HttpOnly, SameSite=Strict cookie, and signs out for good', async () => {
    const login = await server.anonymous<{ username: string; roles: string[] }>('POST', '/api/auth/login', { username: 'teller1', password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ username: 'teller1', roles: ['teller'], admin: false });
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^bf_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=28800$/);
    const session = { cookie: cookie.split(';')[0]! };
    expect((await server.anonymous('GET', '/api/auth/me', undefined, session)).body).toMatchObject({ username: 'teller1', branch: 'SH' });
    expect((await server.anonymous('POST', '/api/auth/logout', undefined, session)).status).toBe(204);
    expect((await server.anonymous('GET', '/api/auth/me', undefined, session)).status).toBe(401);
    // The database keeps only hashes: neither the token nor the password is in it.
    const token = session.cookie.slice('bf_session='.length);
    const dump = JSON.stringify(await server.database.read(async (sql) => [await sql.rows('SELECT * FROM bf_session'), await sql.rows('SELECT * FROM bf_user')]));
    expect(dump).not.toContain(token);
    expect(dump).not.toContain(PASSWORD);
    expect(dump).toContain('scrypt$');
  });

  it('gives one answer for a wrong password and an unknown user, and locks after repeated failures', async () => {
    const wrong = await server.anonymous<{ code: string; detail: string }>('POST', '/api/auth/login', { username: 'teller2', password: 'Not-The-Password-1' });
    const unknown = await server.anonymous<{ code: string; detail: string }>('POST', '/api/auth/login', { username: 'nobody', password: 'Not-The-Password-1' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(unknown.body.code).toBe(wrong.body.code);
    expect(unknown.body.detail).toBe(wrong.body.detail);
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      await server.anonymous('POST', '/api/auth/login', { username: 'teller2', password: `Wrong-Password-${i}` });
    }
    // Locked: even the right password is refused now.
    expect((await server.anonymous('POST', '/api/auth/login', { username: 'teller2', password: PASSWORD })).status).toBe(401);
    const users = await server.request<{ username: string; locked: boolean; id: string }[]>('GET', '/api/auth/users');
    const teller2 = users.body.find((u) => u.username === 'teller2')!;
    expect(teller2.locked).toBe(true);
    // An administrator's password reset unlocks it.
    expect((await server.request('PATCH', `/api/auth/users/${teller2.id}`, { password: 'New-Teller-Pass-1' })).status).toBe(200);
    expect((await server.anonymous('POST', '/api/auth/login', { username: 'teller2', password: 'New-Teller-Pass-1' })).status).toBe(200);
  });

  it('ends the sessions of a deactivated user and refuses weak passwords', async () => {
    const teller3 = await server.signIn('teller3', PASSWORD);
    expect((await teller3('GET', '/api/auth/me')).status).toBe(200);
    const id = (await server.request<{ username: string; id: string }[]>('GET', '/api/auth/users')).body.find((u) => u.username === 'teller3')!.id;
    expect((await server.request('PATCH', `/api/auth/users/${id}`, { active: false })).status).toBe(200);
    expect((await teller3('GET', '/api/auth/me')).status).toBe(401);
    expect((await server.anonymous('POST', '/api/auth/login', { username: 'teller3', password: PASSWORD })).status).toBe(401);
    const weak = await server.request<{ errors: { path: string; code: string }[] }>('POST', '/api/auth/users', { username: 'weak', displayName: 'w', roles: [], password: 'password' });
    expect(weak.status).toBe(422);
    expect(weak.body.errors[0]).toMatchObject({ path: '/password', code: 'weakPassword' });
    const loop = await server.request<{ errors: { code: string }[] }>('PATCH', `/api/auth/users/${id}`, { managerId: id });
    expect(loop.body.errors[0]!.code).toBe('managerCycle');
  });

  it('authenticates integrations with revocable API keys stored as hashes, scoped to their roles', async () => {
    const created = await server.request<{ id: string; key: string }>('POST', '/api/auth/api-keys', { name: 'core-banking', roles: ['teller'] });
    expect(created.status).toBe(201);
    const bearer = { authorization: `Bearer ${created.body.key}` };
    const record = await server.anonymous<{ owner_id: string }>('POST', '/api/records/client', { name: '接口客户' }, bearer);
    expect(record.status).toBe(201);
    expect(record.body.owner_id).toBe(created.body.id);
    expect((await server.anonymous('DELETE', `/api/records/client/${(record.body as { id?: string }).id}`, undefined, bearer)).status).toBe(403);
    expect((await server.anonymous('GET', '/api/auth/users', undefined, bearer)).status).toBe(403);
    const secret = created.body.key.split('.')[1]!;
    expect(JSON.stringify(await server.database.read((sql) => sql.rows('SELECT * FROM bf_api_key')))).not.toContain(secret);
    expect((await server.request<unknown[]>('GET', '/api/auth/api-keys')).body).toEqual([expect.objectContaining({ name: 'core-banking', revokedAt: null })]);
    expect((await server.request('POST', `/api/auth/api-keys/${created.body.id}/revoke`)).status).toBe(204);
    const revoked = await server.anonymous<{ code: string }>('GET', '/api/auth/me', undefined, bearer);
    expect(revoked.status).toBe(401);
    expect(revoked.body.code).toBe('invalidApiKey');
    expect((await server.anonymous('GET', '/api/auth/me', undefined, { authorization: `Bearer ${created.body.key.slice(0, -1)}x` })).status).toBe(401);

    // A revocation made by another replica (here straight in the database) holds within a second.
    const other = await server.request<{ id: string; key: string }>('POST', '/api/auth/api-keys', { name: 'replica-check', roles: ['teller'] });
    const otherBearer = { authorization: `Bearer ${other.body.key}` };
    expect((await server.anonymous('GET', '/api/auth/me', undefined, otherBearer)).status).toBe(200);
    await server.database.transaction((sql) => sql.execute("UPDATE bf_api_key SET revoked_at = '2026-01-01 00:00:00.000' WHERE id = ?", [other.body.id]));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await server.anonymous('GET', '/api/auth/me', undefined, otherBearer)).status).toBe(401);
  });

  it('sends hardening headers and no stack traces', async () => {
    const response = await server.request('GET', '/api/health');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const broken = await server.request<Record<string, unknown>>('POST', '/api/records/client', '{"name": ');
    expect(JSON.stringify(broken.body)).not.toMatch(/at .*\.(js|ts):\d+/);
  });
});

describe('first start', () => {
  it('creates an administrator with a generated password printed once, and no default password', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bankforge-bootstrap-'));
    const printed: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed.push(String(chunk));
      return true;
    });
    const { app } = await createBankForgeApp({ port: 0, host: '127.0.0.1', dataDir, databaseUrl: undefined, example: undefined, logLevel: 'silent' }, pino({ level: 'silent' }));
    spy.mockRestore();
    try {
      const password = /password\n\n\s+(\S+)\n/.exec(printed.join(''))?.[1];
      expect(password).toBeDefined();
      await app.listen(0, '127.0.0.1');
      const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
      const login = (p: string): Promise<Response> =>
        fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: p }) });
      expect((await login(password!)).status).toBe(200);
      for (const guess of ['admin', 'password', 'Admin123!', 'bankforge']) expect((await login(guess)).status).toBe(401);
      // A second start finds the administrator and prints nothing.
      await app.close();
      const again: string[] = [];
      const spy2 = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
        again.push(String(chunk));
        return true;
      });
      const second = await createBankForgeApp({ port: 0, host: '127.0.0.1', dataDir, databaseUrl: undefined, example: undefined, logLevel: 'silent' }, pino({ level: 'silent' }));
      spy2.mockRestore();
      expect(again.join('')).not.toContain('password');
      await second.app.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('limits sign-in attempts per address', async () => {
    const server = await startTestServer('sqlite', { loginAttemptsPerMinute: 10 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await server.anonymous('POST', '/api/auth/login', { username: 'x', password: 'y' })).status);
      // The harness itself signed the administrator in once from this address.
      expect(statuses.slice(0, 9)).toEqual(Array(9).fill(401));
      expect(statuses.slice(9)).toEqual([429, 429]);
    } finally {
      await server.close();
    }
  });
});
