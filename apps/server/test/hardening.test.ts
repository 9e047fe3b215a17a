import { connect, type Socket } from 'node:net';
import type { Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@bankforge/data-model';
import { createBankForgeApp } from '../src/app.js';
import { runAuditVerify } from '../src/modules/audit/audit-verify-command.js';
import { branchEntity, clone, customerEntity, field } from './fixtures.js';
import { ADMIN_PASSWORD, dialects, startTestServer, type TestServer } from './harness.js';

interface Problem {
  status: number;
  code: string;
  detail: string;
  errors?: { path: string; code: string; message: string }[];
}

/** A JSON text nesting `depth` objects, written by hand: JSON.stringify itself would overflow on the deep ones. */
function nestedJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** A filter of `depth` nested nots around one condition. */
function notsDeep(depth: number): unknown {
  let filter: unknown = { field: 'name', op: 'eq', value: 'x' };
  for (let i = 0; i < depth; i++) filter = { not: filter };
  return filter;
}

/** Sends raw bytes and answers everything the server writes back before it closes the connection. */
function rawExchange(url: string, request: string, onConnected?: (client: Socket) => void): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const client = connect(Number(port), hostname, () => {
      client.write(request);
      onConnected?.(client);
    });
    let answer = '';
    client.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    client.on('close', () => resolve(answer));
    client.on('error', reject);
  });
}

function problemOf(raw: string): { status: number; contentType: string | undefined; body: Problem } {
  const [head, body] = raw.split('\r\n\r\n', 2) as [string, string];
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]), contentType: /content-type: ([^\r\n]+)/i.exec(head)?.[1], body: JSON.parse(body) as Problem };
}

describe.each(dialects())('hardening on %s', (dialect) => {
  let server: TestServer;
  let customerId: string;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity(branchEntity);
    await server.publishEntity(clone(customerEntity));
    const created = await server.request<{ id: string }>('POST', '/api/records/customer', { customer_no: 'C1', name: 'Ada' });
    expect(created.status).toBe(201);
    customerId = created.body.id;
  });
  afterAll(async () => server?.close());

  describe('cross-site requests (finding 11)', () => {
    it('refuses a write whose Origin is another site, even with the session cookie', async () => {
      expect((await server.request('DELETE', `/api/records/customer/${customerId}`)).status).toBe(200);
      const restore = await server.request<Problem>('POST', `/api/records/customer/${customerId}/restore`, 'x=1', {
        origin: 'http://evil.example',
        'content-type': 'application/x-www-form-urlencoded',
      });
      expect(restore.status).toBe(403);
      expect(restore.headers.get('content-type')).toContain('application/problem+json');
      expect(restore.body.code).toBe('crossOriginRequest');
      // Another port of the same host is another origin, though the same site for SameSite cookies.
      const sibling = await server.request<Problem>('POST', `/api/records/customer/${customerId}/restore`, undefined, { origin: server.url.replace(/:\d+$/, ':1') });
      expect(sibling.status).toBe(403);
      expect((await server.request<{ deleted_at: string | null }>('GET', `/api/records/customer/${customerId}`)).body.deleted_at).not.toBeNull();
      const own = await server.request('POST', `/api/records/customer/${customerId}/restore`, undefined, { origin: server.url, 'sec-fetch-site': 'same-origin' });
      expect(own.status).toBe(200);
    });

    it('refuses writes that Sec-Fetch-Site marks as cross-site or same-site, and lets reads and header-less clients through', async () => {
      for (const site of ['cross-site', 'same-site']) {
        const response = await server.request<Problem>('POST', '/api/records/customer/query', {}, { 'sec-fetch-site': site });
        expect(response.status, site).toBe(403);
        expect(response.body.code).toBe('crossOriginRequest');
      }
      expect((await server.request('GET', `/api/records/customer/${customerId}`, undefined, { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' })).status).toBe(200);
      expect((await server.request('POST', '/api/records/customer/query', {})).status).toBe(200);
      const login = await server.anonymous('POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD }, { origin: server.url, 'sec-fetch-site': 'same-origin' });
      expect(login.status).toBe(200);
      const forged = await server.anonymous<Problem>('POST', '/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD }, { origin: 'http://evil.example' });
      expect(forged.status).toBe(403);
    });

    it('refuses a body that is not JSON with 415, so a text/plain form cannot revoke a key', async () => {
      const key = await server.request<{ id: string; key: string }>('POST', '/api/auth/api-keys', { name: 'feed', roles: [] });
      expect(key.status).toBe(201);
      const revoke = await server.request<Problem>('POST', `/api/auth/api-keys/${key.body.id}/revoke`, '{}', { 'content-type': 'text/plain' });
      expect(revoke.status).toBe(415);
      expect(revoke.body.code).toBe('unsupportedMediaType');
      const form = await server.request<Problem>('POST', '/api/records/customer', 'customer_no=C9&name=Eve', { 'content-type': 'application/x-www-form-urlencoded' });
      expect(form.status).toBe(415);
      const untyped = await fetch(`${server.url}/api/records/customer/query`, { method: 'POST', body: new Blob(['{}']) });
      expect(untyped.status).toBe(415);
      expect((await server.anonymous('GET', '/api/auth/me', undefined, { authorization: `Bearer ${key.body.key}` })).status).toBe(200);
      // No body at all needs no type: the browser apps' logout, delete and revoke send none.
      expect((await server.request('POST', `/api/auth/api-keys/${key.body.id}/revoke`)).status).toBe(204);
      expect((await server.request('POST', '/api/records/customer/query', {}, { 'content-type': 'application/merge-patch+json' })).status).toBe(200);
    });
  });

  describe('bad inputs answer 4xx, never 5xx (finding 12)', () => {
    it('refuses __proto__ in an update as an unknown field', async () => {
      const current = await server.request<{ version: number }>('GET', `/api/records/customer/${customerId}`);
      const response = await server.request<Problem>('PATCH', `/api/records/customer/${customerId}`, `{"__proto__":{"admin":true},"version":${current.body.version}}`);
      expect(response.status).toBe(422);
      expect(response.body.errors?.map((e) => e.path)).toContain('/__proto__');
    });

    it('refuses bodies nesting deeper than 64 levels before anything recurses into them', async () => {
      const deep = await server.request<Problem>('PUT', '/api/artifacts/form/deep', nestedJson(100_000), { 'idempotency-key': 'deep-1' });
      expect(deep.status).toBe(400);
      expect(deep.body.code).toBe('bodyTooDeep');
      expect((await server.request<Problem>('POST', '/api/records/customer/query', nestedJson(65))).body.code).toBe('bodyTooDeep');
      const nots = await server.request<Problem>('POST', '/api/records/customer/query', { filter: notsDeep(1000) });
      expect(nots.status).toBe(400);
      expect(nots.body.code).toBe('bodyTooDeep');
    });

    it('refuses filters nesting more than 32 levels of and, or and not, at the filter path', async () => {
      const ok = await server.request('POST', '/api/records/customer/query', { filter: notsDeep(32) });
      expect(ok.status).toBe(200);
      const deep = await server.request<Problem>('POST', '/api/records/customer/query', { filter: { and: [{ or: [notsDeep(40)] }] } });
      expect(deep.status).toBe(422);
      expect(deep.body.errors).toEqual([expect.objectContaining({ code: 'filterTooDeep', path: `/filter/and/0/or/0${'/not'.repeat(30)}` })]);
      const exported = await server.request<Problem>('POST', '/api/records/customer/export', { filter: notsDeep(33) });
      expect(exported.status).toBe(422);
      expect(exported.body.errors?.[0]?.code).toBe('filterTooDeep');
    });

    it('refuses a report whose filter nests too deep when it is saved', async () => {
      const report = { kind: 'report', key: 'deep_report', title: 'Deep', source: 'customer', filter: notsDeep(33), measures: [{ key: 'n', agg: 'count' }] };
      const saved = await server.request<Problem>('PUT', '/api/artifacts/report/deep_report', report);
      expect(saved.status).toBe(422);
      expect(saved.body.errors?.map((e) => e.code)).toContain('filterTooDeep');
    });

    it('limits an entity to 500 fields and to a row MySQL can store, and publishes 500 small fields on both databases', async () => {
      const wide = (count: number, make: (i: number) => EntityDefinition['fields'][number]): EntityDefinition => ({
        kind: 'entity',
        key: 'wide',
        title: 'Wide',
        label: { en: 'Wide', 'zh-CN': '宽' },
        fields: Array.from({ length: count }, (_, i) => make(i)),
      });
      const tooMany = await server.request<Problem>('PUT', '/api/artifacts/entity/wide', wide(10_000, (i) => field(`f_${i}`, `n_${i}`, 'integer')));
      expect(tooMany.status).toBe(422);
      expect(tooMany.body.errors).toEqual([expect.objectContaining({ path: '/fields', code: 'tooManyFields', message: expect.stringContaining('500') })]);
      // 70 texts of 255 characters are 70 × 1,022 bytes in utf8mb4: past MySQL's 65,535-byte row.
      const tooLarge = await server.request<Problem>('PUT', '/api/artifacts/entity/wide', wide(70, (i) => field(`f_${i}`, `t_${i}`, 'text')));
      expect(tooLarge.status).toBe(422);
      expect(tooLarge.body.errors?.[0]?.code).toBe('rowTooLarge');
      const published = await server.request('PUT', '/api/artifacts/entity/wide', wide(500, (i) => field(`f_${i}`, `b_${i}`, i % 2 ? 'boolean' : 'date')));
      expect(published.status).toBe(200);
      expect((await server.request('POST', '/api/artifacts/entity/wide/publish', {})).status).toBe(200);
    });

    it('answers oversized headers and timed-out requests with problem documents', async () => {
      const headers = problemOf(await rawExchange(server.url, `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`));
      expect(headers.status).toBe(431);
      expect(headers.contentType).toBe('application/problem+json');
      expect(headers.body).toMatchObject({ status: 431, code: 'headersTooLarge' });

      // Node raises the timeout from a timer checked every 30 s; the test raises it at once on a half-sent request.
      const http = server.app.getHttpServer() as Server;
      const timedOut = rawExchange(server.url, 'POST /api/records/customer HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"na');
      const socket = await new Promise<Socket>((resolve) => http.once('connection', resolve));
      await new Promise((resolve) => setTimeout(resolve, 50));
      http.emit('clientError', Object.assign(new Error('Request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }), socket);
      const timeout = problemOf(await timedOut);
      expect(timeout.status).toBe(408);
      expect(timeout.contentType).toBe('application/problem+json');
      expect(timeout.body).toMatchObject({ status: 408, code: 'requestTimeout' });
    });
  });

  describe('what the server tells and keeps (finding 14)', () => {
    it('serves the API document only to signed-in callers', async () => {
      for (const path of ['/api/docs', '/api/docs-json', '/api/docs-yaml', '/api/docs/swagger-ui-init.js']) {
        const anonymous = await server.anonymous<Problem>('GET', path);
        expect(anonymous.status, path).toBe(401);
        expect(anonymous.body.code).toBe('unauthenticated');
      }
      expect((await server.request('GET', '/api/docs-json')).status).toBe(200);
      expect((await server.request('GET', '/api/docs')).status).toBe(200);
    });

    it('marks every API answer no-store', async () => {
      for (const [method, path] of [
        ['GET', `/api/records/customer/${customerId}`],
        ['GET', '/api/records/customer/nope'],
        ['GET', '/api/health'],
        ['GET', '/api/auth/me'],
      ] as const) {
        expect((await server.request(method, path)).headers.get('cache-control'), path).toBe('no-store');
      }
      expect((await server.anonymous('GET', '/api/auth/me')).headers.get('cache-control')).toBe('no-store');
    });

    it('tells anonymous callers only that it is up; signed-in ones which database answers', async () => {
      expect((await server.anonymous('GET', '/api/health')).body).toEqual({ status: 'ok' });
      expect((await server.anonymous('GET', '/api/health/ready')).status).toBe(401);
      expect((await server.request('GET', '/api/health/ready')).body).toEqual({ status: 'ok', database: dialect });
    });

    it('names the audit entry whose detail is not JSON and exits 1', async () => {
      const source = server.database.dataSource.options;
      const target =
        source.type === 'mysql'
          ? { databaseUrl: (source as { url?: string }).url, dataDir: '/nonexistent' }
          : { databaseUrl: undefined, dataDir: String((source as { database: string }).database).replace(/\/bankforge\.sqlite$/, '') };
      const [row] = await server.database.read((sql) => sql.rows<{ detail: string }>('SELECT detail FROM bf_audit WHERE seq = 2'));
      // Someone with rights on the table edits an entry by hand.
      await server.database.transaction((sql) => sql.execute("UPDATE bf_audit SET detail = 'not json' WHERE seq = 2"));
      const lines: string[] = [];
      try {
        expect(await runAuditVerify(target, (line) => lines.push(line))).toBe(1);
        expect(lines).toEqual([expect.stringMatching(/^audit chain BROKEN at entry 2: detailNotJson, its detail is not JSON/)]);
        expect((await server.request<{ ok: boolean; firstBroken: unknown }>('GET', '/api/audit/verify')).body).toMatchObject({ ok: false, firstBroken: { seq: 2, reason: 'detailNotJson' } });
      } finally {
        await server.database.transaction((sql) => sql.execute('UPDATE bf_audit SET detail = ? WHERE seq = 2', [row!.detail]));
      }
    });
  });
});

describe('the request log', () => {
  it('records the path without the query string', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const dataDir = mkdtempSync(join(tmpdir(), 'bankforge-log-'));
    const { app } = await createBankForgeApp(
      { port: 0, host: '127.0.0.1', dataDir, databaseUrl: undefined, example: undefined, logLevel: 'info', adminPassword: ADMIN_PASSWORD, webApps: [] },
      pino({ level: 'info' }, sink),
    );
    try {
      await app.listen(0, '127.0.0.1');
      const { port } = (app.getHttpServer() as Server).address() as { port: number };
      await fetch(`http://127.0.0.1:${port}/api/reports/salary/export?format=csv&parameters=%7B%22ssn%22%3A%22110105%22%7D`);
      const logged = lines.map((line) => JSON.parse(line) as { req?: { url: string } }).filter((line) => line.req);
      expect(logged.map((line) => line.req!.url)).toContain('/api/reports/salary/export');
      expect(lines.join('\n')).not.toContain('110105');
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
