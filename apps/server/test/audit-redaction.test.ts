/**
 * The audit log is read by people who see personal data masked (the compliance role): it must hold
 * no clear value of a sensitive field, or of one a role masks, that someone searched or exported by
 * (the penetration test's finding 3).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDefinition } from '@bankforge/report-engine';
import { dialects, startTestServer, type Requester, type TestServer } from './harness.js';
import { withoutGeneratedValues } from './stored-text.js';
import { clientEntity, seedPeople, type Username } from './security-fixtures.js';

const RESIDENT_ID = '11010519491231002X';
const MOBILE = '13812345678';
const NAME = '王秘密';

const byName: ReportDefinition = {
  kind: 'report',
  key: 'named',
  title: 'Clients named',
  source: 'client',
  parameters: [{ key: 'name', type: 'text', label: 'Name' }],
  filter: { field: 'name', op: 'eq', value: { param: 'name' } },
  dimensions: [{ key: 'segment', field: 'segment' }],
  measures: [{ key: 'n', agg: 'count' }],
};

interface Entry {
  seq: number;
  action: string;
  detail: unknown;
}

describe.each(dialects())('audit redaction on %s', (dialect) => {
  let server: TestServer;
  let as: Record<Username, Requester>;
  let bidx: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity(clientEntity);
    ({ as } = await seedPeople(server));
    const created = await as.rm_b<{ id: string }>('POST', '/api/records/client', { name: NAME, resident_id: RESIDENT_ID, mobile: MOBILE });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const [row] = await server.database.read((sql) => sql.rows<{ resident_id_bidx: string }>('SELECT resident_id_bidx FROM e_client WHERE id = ?', [created.body.id]));
    bidx = row!.resident_id_bidx;
    await server.publishArtifact(byName);
  });
  afterAll(async () => server?.close());

  const entries = async (): Promise<Entry[]> => (await server.request<Entry[]>('GET', '/api/audit?limit=1000')).body;

  it('keeps a search by a sensitive value as the keyed hash its blind index holds, never the value', async () => {
    const filter = { and: [{ field: 'resident_id', op: 'eq', value: '11010519491231002x' }, { field: 'mobile', op: 'in', value: [MOBILE, '13900000000'] }, { field: 'notes', op: 'isNull', value: true }] };
    const found = await server.request<{ items: unknown[] }>('POST', '/api/records/client/query', { filter });
    expect(found.body.items).toHaveLength(1);
    const exported = await server.request<string>('POST', '/api/records/client/export', { filter });
    expect(exported.status).toBe(200);
    const log = await entries();
    const text = JSON.stringify(log);
    for (const secret of [RESIDENT_ID, '19491231', MOBILE, '13900000000']) expect(text).not.toContain(secret);
    const searched = log.filter((e) => (e.action === 'read' || e.action === 'export') && JSON.stringify(e.detail).includes('resident_id'));
    expect(searched.map((e) => e.action).sort()).toEqual(['export', 'read']);
    for (const entry of searched) {
      const kept = (entry.detail as { filter: { and: { field: string; op: string; value: unknown }[] } }).filter.and;
      // The same hash as the record's blind index: whoever holds the database can still find which record was looked for.
      expect(kept[0]).toEqual({ field: 'resident_id', op: 'eq', value: { hmac: bidx } });
      expect(kept[1]).toMatchObject({ field: 'mobile', op: 'in', value: [{ hmac: expect.stringMatching(/^[0-9a-f]{64}$/) }, { hmac: expect.stringMatching(/^[0-9a-f]{64}$/) }] });
      expect(kept[2]).toEqual({ field: 'notes', op: 'isNull', value: true });
    }
    expect((await server.request<{ ok: boolean }>('GET', '/api/audit/verify')).body).toMatchObject({ ok: true });
  });

  it('keeps a report export chosen by a field some role masks with its parameter values hashed', async () => {
    const exported = await as.bm_sh<string>('GET', `/api/reports/named/export?format=csv&parameters=${encodeURIComponent(JSON.stringify({ name: NAME }))}`);
    expect(exported.status, exported.body).toBe(200);
    const entry = (await entries()).filter((e) => e.action === 'export').at(-1)!;
    expect(JSON.stringify(entry)).not.toContain(NAME);
    expect(entry.detail).toMatchObject({ report: 'named', parameters: { name: { hmac: expect.stringMatching(/^[0-9a-f]{64}$/) } } });
  });

  it('keeps no sensitive value in the domain events either: a changed sensitive field is named, its value is not', async () => {
    const events = await server.database.read((sql) => sql.rows<{ changes: string }>("SELECT changes FROM bf_domain_event WHERE entity = 'client'"));
    expect(events.length).toBeGreaterThan(0);
    expect(events.some((e) => e.changes.includes('"mobile":{"masked":true}'))).toBe(true);
    const stored = withoutGeneratedValues(JSON.stringify(events));
    for (const secret of [RESIDENT_ID, MOBILE, MOBILE.slice(-4)]) expect(stored).not.toContain(secret);
  });
  it("keeps no connector's secret in clear in any store: the connector row holds it encrypted, the audit log only whether there is one", async () => {
    const secrets = { apiKey: 'ck_live_redaction_9f3a', basic: 'Redaction-Pass-4411', oauth2ClientCredentials: 'oauth-redaction-secret-77' };
    const auth = { apiKey: { kind: 'apiKey', header: 'X-Api-Key' }, basic: { kind: 'basic', username: 'svc' }, oauth2ClientCredentials: { kind: 'oauth2ClientCredentials', tokenUrl: 'https://auth.bank.example/token', clientId: 'crm' } };
    for (const [kind, secret] of Object.entries(secrets)) {
      const key = `redaction_${kind.toLowerCase()}`;
      const body = { name: { en: kind, 'zh-CN': kind }, baseUrl: 'https://core.bank.example/api', auth: auth[kind as keyof typeof auth] };
      expect((await server.request('POST', '/api/connectors', { key, ...body, secret }, { 'idempotency-key': `create-${key}` })).status).toBe(201);
      expect((await server.request('PUT', `/api/connectors/${key}`, { ...body, version: 1, secret: `${secret}-2` }, { 'idempotency-key': `update-${key}` })).status).toBe(200);
    }
    const stores = await server.database.read(async (sql) => ({
      audit: await sql.rows('SELECT * FROM bf_audit'),
      connectors: await sql.rows('SELECT * FROM bf_connector'),
      idempotency: await sql.rows('SELECT * FROM bf_idempotency'),
    }));
    const text = JSON.stringify(stores);
    for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
    expect(JSON.stringify((await server.request('GET', '/api/connectors')).body)).not.toMatch(/ck_live|Redaction-Pass|oauth-redaction/);
  });
});
