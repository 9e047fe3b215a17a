/**
 * Connectors as an administrator manages and tests them: validation at the field's path, secrets
 * encrypted at rest and never answered or audited, administrators only, stale writes refused, and
 * the Test button against receivers on 127.0.0.1 (refused until allow-listed).
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startTestServer, type TestServer } from './harness.js';

const API_KEY = 'ck_live_4f9a7b2c-secret-value';
const PASSWORD = 'Basic-Pass-9137';
const CLIENT_SECRET = 'oauth-client-secret-5521';
const TOKEN = 'tok-abc123';
const SECRETS = [API_KEY, PASSWORD, CLIENT_SECRET, Buffer.from(`core:${PASSWORD}`).toString('base64')];

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local receiver that records what it is sent and answers `answer`. */
async function receiver(answer: (seen: Seen) => { status: number; body: string; headers?: Record<string, string> }): Promise<{ port: number; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const entry = { method: request.method ?? '', url: request.url ?? '', headers: request.headers, body };
      seen.push(entry);
      const { status, body: text, headers } = answer(entry);
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, seen, server };
}

interface ConnectorAnswer {
  key: string;
  hasSecret: boolean;
  version: number;
  auth: Record<string, unknown>;
  timeoutMs: number;
  retries: number;
}
interface Problem {
  code: string;
  errors?: { path: string; code: string; message: string; messageZh?: string }[];
}

describe.each(dialects())('connectors on %s', (dialect) => {
  let server: TestServer;
  let core: Awaited<ReturnType<typeof receiver>>;
  let tokens: Awaited<ReturnType<typeof receiver>>;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    core = await receiver((s) => (s.url.includes('/flaky') && core.seen.filter((x) => x.url.includes('/flaky')).length === 1 ? { status: 503, body: '{}' } : { status: 200, body: JSON.stringify({ customer: '42', seen: s.url }), headers: { 'set-cookie': 'sid=1' } }));
    tokens = await receiver((s) => (s.headers.authorization === `Basic ${Buffer.from(`core-client:${CLIENT_SECRET}`).toString('base64')}` && s.body.includes('grant_type=client_credentials') ? { status: 200, body: JSON.stringify({ access_token: TOKEN, token_type: 'Bearer', expires_in: 3600 }) } : { status: 401, body: '{"error":"invalid_client"}' }));
  });
  afterAll(async () => {
    core?.server.close();
    tokens?.server.close();
    await server?.close();
  });

  const base = () => `http://127.0.0.1:${core.port}/api`;

  it('refuses what is not valid, each at its path and in both languages', async () => {
    const bad = await server.request<Problem>('POST', '/api/connectors', { key: 'Core Banking', name: { en: '' }, baseUrl: 'ftp://x', auth: { kind: 'apiKey' }, timeoutMs: 90_000, retries: 9, headers: { 'x-a': 'one\r\ntwo' } });
    expect(bad.status).toBe(422);
    const at = Object.fromEntries((bad.body.errors ?? []).map((e) => [e.path, e.code]));
    expect(at).toMatchObject({ '/key': 'pattern', '/name/en': 'minLength', '/name/zh-CN': 'required', '/timeoutMs': 'maximum', '/retries': 'maximum', '/headers/x-a': 'pattern' });
    expect(bad.body.errors!.every((e) => e.messageZh)).toBe(true);
    const semantic = await server.request<Problem>('POST', '/api/connectors', { key: 'core', name: { en: 'Core', 'zh-CN': '核心' }, baseUrl: 'ftp://x', auth: { kind: 'apiKey' } });
    expect(semantic.body.errors?.map((e) => [e.path, e.code])).toEqual([['/baseUrl', 'url'], ['/auth/header', 'required']]);
    const pem = await server.request<Problem>('POST', '/api/connectors', { key: 'mtls', name: { en: 'M', 'zh-CN': 'M' }, baseUrl: base(), auth: { kind: 'clientCertificate' }, secret: 'not a pem' });
    expect(pem.body.errors?.map((e) => [e.path, e.code])).toEqual([['/secret', 'pem']]);
  });

  it('keeps the secret encrypted, answers only hasSecret, and audits no secret', async () => {
    const created = await server.request<ConnectorAnswer>('POST', '/api/connectors', { key: 'core_banking', name: { en: 'Core banking', 'zh-CN': '核心系统' }, baseUrl: base(), auth: { kind: 'apiKey', header: 'X-Api-Key' }, secret: API_KEY, headers: { accept: 'application/json' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ key: 'core_banking', hasSecret: true, version: 1, timeoutMs: 10_000, retries: 0, auth: { kind: 'apiKey', header: 'X-Api-Key' } });
    expect(JSON.stringify(created.body)).not.toContain(API_KEY);
    expect((await server.request<Problem>('POST', '/api/connectors', { key: 'core_banking', name: { en: 'Again', 'zh-CN': '再' }, baseUrl: base(), auth: { kind: 'none' } })).body.code).toBe('connectorKeyTaken');
    const [row] = await server.database.read((sql) => sql.rows<{ secret: string }>("SELECT secret FROM bf_connector WHERE connector_key = 'core_banking'"));
    expect(row!.secret).toMatch(/^v1\./);
    expect(row!.secret).not.toContain(API_KEY);
    for (const path of ['/api/connectors', '/api/connectors/core_banking']) expect(JSON.stringify((await server.request('GET', path)).body)).not.toContain(API_KEY);

    // A PUT without a secret keeps it; a stale version is a 409; `secret: null` clears it.
    const change = { name: { en: 'Core banking', 'zh-CN': '核心系统' }, baseUrl: base(), auth: { kind: 'apiKey', header: 'X-Api-Key' }, timeoutMs: 5000, retries: 1, headers: { accept: 'application/json' } };
    const kept = await server.request<ConnectorAnswer>('PUT', '/api/connectors/core_banking', { ...change, version: 1 });
    expect(kept.body).toMatchObject({ hasSecret: true, version: 2, timeoutMs: 5000, retries: 1 });
    const stale = await server.request<Problem>('PUT', '/api/connectors/core_banking', { ...change, version: 1 });
    expect([stale.status, stale.body.code]).toEqual([409, 'staleVersion']);
    expect((await server.request<ConnectorAnswer>('PUT', '/api/connectors/core_banking', { ...change, version: 2, secret: null })).body).toMatchObject({ hasSecret: false, version: 3 });
    expect((await server.request<ConnectorAnswer>('PUT', '/api/connectors/core_banking', { ...change, version: 3, secret: API_KEY })).body).toMatchObject({ hasSecret: true, version: 4 });

    const log = await server.request<{ action: string; detail: Record<string, unknown> }[]>('GET', '/api/audit?action=connector&limit=100');
    expect(log.body.map((e) => e.detail.change)).toEqual(['created', 'updated', 'updated', 'updated']);
    expect(JSON.stringify(log.body)).not.toContain(API_KEY);
    expect(log.body.map((e) => e.detail.secret)).toEqual([undefined, 'kept', 'cleared', 'replaced']);
    const stored = JSON.stringify(await server.database.read((sql) => sql.rows('SELECT * FROM bf_audit')));
    expect(stored).not.toContain(API_KEY);
  });

  it('answers 403 to anyone but an administrator', async () => {
    await server.request('PUT', '/api/auth/roles/teller', { key: 'teller', label: { en: 'Teller', 'zh-CN': '柜员' } });
    await server.request('POST', '/api/auth/users', { username: 'teller1', displayName: 'Teller', roles: ['teller'], password: 'Teller-Pass-2026' });
    const teller = await server.signIn('teller1', 'Teller-Pass-2026');
    for (const [method, path, body] of [
      ['GET', '/api/connectors'],
      ['GET', '/api/connectors/core_banking'],
      ['POST', '/api/connectors', { key: 'x', name: { en: 'x', 'zh-CN': 'x' }, baseUrl: base(), auth: { kind: 'none' } }],
      ['PUT', '/api/connectors/allowed-hosts', { hosts: ['127.0.0.1'] }],
      ['GET', '/api/connectors/allowed-hosts'],
      ['POST', '/api/connectors/core_banking/test', { method: 'GET', path: '/' }],
      ['DELETE', '/api/connectors/core_banking'],
      ['GET', '/api/connectors/pick-list'],
    ] as const) {
      const answer = await teller(method, path, body);
      expect([method, path, answer.status]).toEqual([method, path, 403]);
    }
  });

  it("tells a flow designer the connectors to choose from by key and name, and nothing of their addresses or sign-in", async () => {
    await server.request('PUT', '/api/auth/roles/flow_author', { key: 'flow_author', label: { en: 'Flow author', 'zh-CN': '流程设计' }, artifacts: { flow: ['edit'] } });
    await server.request('POST', '/api/auth/users', { username: 'author1', displayName: 'Author', roles: ['flow_author'], password: 'Author-Pass-2026' });
    const author = await server.signIn('author1', 'Author-Pass-2026');
    const choices = await author<{ key: string; name: { en: string; 'zh-CN': string } }[]>('GET', '/api/connectors/pick-list');
    expect(choices.status).toBe(200);
    expect(choices.body.find((c) => c.key === 'core_banking')).toEqual({ key: 'core_banking', name: expect.objectContaining({ en: expect.any(String) }) });
    expect(choices.body.every((c) => Object.keys(c).sort().join() === 'key,name')).toBe(true);
    expect((await author('GET', '/api/connectors')).status).toBe(403);
  });

  it('refuses a private address until the administrator allow-lists the host, then sends the API key', async () => {
    const refused = await server.request<{ ok: boolean; reason: string; detail: string }>('POST', '/api/connectors/core_banking/test', { method: 'GET', path: '/customers/42' });
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ ok: false, reason: 'privateAddress' });
    expect(refused.body.detail).toContain('127.0.0.1');
    expect(core.seen).toHaveLength(0);

    const hosts = await server.request<Problem>('PUT', '/api/connectors/allowed-hosts', { hosts: ['core.bank.local', 'not a host!'] });
    expect(hosts.body.errors?.map((e) => [e.path, e.code])).toEqual([['/hosts/1', 'pattern']]);
    expect((await server.request('PUT', '/api/connectors/allowed-hosts', { hosts: ['Core.Bank.Local', `127.0.0.1:${core.port}`] })).body).toEqual({ hosts: [`127.0.0.1:${core.port}`, 'core.bank.local'] });
    expect((await server.request('GET', '/api/connectors/allowed-hosts')).body).toEqual({ hosts: [`127.0.0.1:${core.port}`, 'core.bank.local'] });

    const tested = await server.request<{ ok: boolean; status: number; body: string; headers: Record<string, string>; durationMs: number }>('POST', '/api/connectors/core_banking/test', {
      method: 'POST',
      path: '/customers/42',
      query: { detail: 'full' },
      headers: { 'X-Api-Key': 'forged', 'x-trace': 't1' },
      body: '{"a":1}',
    });
    expect(tested.body).toMatchObject({ ok: true, status: 200 });
    expect(JSON.parse(tested.body.body)).toEqual({ customer: '42', seen: '/api/customers/42?detail=full' });
    expect(tested.body.headers['set-cookie']).toBeUndefined();
    expect(tested.body.durationMs).toBeGreaterThanOrEqual(0);
    const [seen] = core.seen;
    expect(seen).toMatchObject({ method: 'POST', body: '{"a":1}', headers: { 'x-api-key': API_KEY, 'x-trace': 't1', accept: 'application/json' } });

    const tests = (await server.request<{ detail: Record<string, unknown> }[]>('GET', '/api/audit?action=connector&limit=100')).body.filter((e) => e.detail.change === 'tested');
    expect(tests.map((e) => e.detail.refused ?? e.detail.status)).toEqual(['privateAddress', 200]);
  });

  it('sends basic credentials, and an OAuth 2 token fetched with client credentials and kept until it expires', async () => {
    core.seen.length = 0;
    await server.request('POST', '/api/connectors', { key: 'bureau', name: { en: 'Credit bureau', 'zh-CN': '征信' }, baseUrl: base(), auth: { kind: 'basic', username: 'core' }, secret: PASSWORD });
    expect((await server.request('POST', '/api/connectors/bureau/test', { method: 'GET', path: '/score' })).body).toMatchObject({ ok: true, status: 200 });
    expect(core.seen[0]!.headers.authorization).toBe(`Basic ${Buffer.from(`core:${PASSWORD}`).toString('base64')}`);

    const tokenUrl = `http://127.0.0.1:${tokens.port}/oauth/token`;
    await server.request('POST', '/api/connectors', { key: 'payments', name: { en: 'Payments', 'zh-CN': '支付' }, baseUrl: base(), auth: { kind: 'oauth2ClientCredentials', tokenUrl, clientId: 'core-client', scope: 'payments.read' }, secret: CLIENT_SECRET });
    // The token endpoint is a private address too, and not yet allow-listed.
    expect((await server.request('POST', '/api/connectors/payments/test', { method: 'GET', path: '/' })).body).toMatchObject({ ok: false, reason: 'privateAddress' });
    await server.request('PUT', '/api/connectors/allowed-hosts', { hosts: [`127.0.0.1:${core.port}`, `127.0.0.1:${tokens.port}`] });
    for (const path of ['/one', '/two']) expect((await server.request('POST', '/api/connectors/payments/test', { method: 'GET', path })).body).toMatchObject({ ok: true, status: 200 });
    expect(tokens.seen).toHaveLength(1);
    expect(tokens.seen[0]!.body).toBe('grant_type=client_credentials&scope=payments.read');
    expect(core.seen.slice(1).map((s) => s.headers.authorization)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
  });

  it('lets other modules call with retries of a retryable failure', async () => {
    const { ConnectorCalls } = await import('../src/modules/connectors/connector-calls.js');
    const calls = server.app.get(ConnectorCalls);
    // The receiver answers 503 to the first /flaky it sees after `seen` is emptied, 200 after.
    core.seen.length = 0;
    const result = await calls.call('bureau', { method: 'GET', path: '/flaky' });
    expect(result).toMatchObject({ ok: true, status: 503, attempts: 1 });
    const current = (await server.request<ConnectorAnswer>('GET', '/api/connectors/bureau')).body;
    await server.request('PUT', '/api/connectors/bureau', { name: { en: 'Credit bureau', 'zh-CN': '征信' }, baseUrl: base(), auth: { kind: 'basic', username: 'core' }, retries: 2, version: current.version });
    core.seen.length = 0;
    expect(await calls.call('bureau', { method: 'GET', path: '/flaky' })).toMatchObject({ ok: true, status: 200, attempts: 2 });
    expect(core.seen).toHaveLength(2);
    expect(core.seen[1]!.headers.authorization).toBe(`Basic ${Buffer.from(`core:${PASSWORD}`).toString('base64')}`);
  });

  it('deletes a connector, audited, without its secret anywhere in the store', async () => {
    expect((await server.request('DELETE', '/api/connectors/bureau')).status).toBe(204);
    expect((await server.request<Problem>('GET', '/api/connectors/bureau')).body.code).toBe('connectorNotFound');
    const stored = JSON.stringify(await server.database.read((sql) => sql.rows('SELECT * FROM bf_audit')));
    for (const secret of SECRETS) expect(stored).not.toContain(secret);
    expect(stored).toContain('deleted');
  });
});
