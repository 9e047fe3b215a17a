import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addKeyToKeyringFile, loadFieldCipher } from '../src/platform/crypto/keyring.js';
import { rotateDataKeys } from '../src/platform/crypto/rotate-keys.js';
import { MetadataService } from '../src/modules/metadata/metadata.service.js';
import { ConnectorStore } from '../src/modules/connectors/connector-store.js';
import { WebhookStore } from '../src/modules/webhooks/webhook-store.js';
import { dialects, startTestServer, type TestServer } from './harness.js';
import { clientEntity } from './security-fixtures.js';

type Rec = Record<string, unknown> & { id: string; version: number };
type Raw = { id: string; mobile: string | null; mobile_bidx: string | null; resident_id: string | null; resident_id_bidx: string | null };

const PEOPLE = [
  { name: '王小明', mobile: '13812345678', resident_id: '11010519491231002X' },
  { name: '李娜', mobile: '13987654321', resident_id: '44030519900101123X' },
  { name: '张伟', mobile: '13700001111', resident_id: '310115198511204566' },
];

describe.each(dialects())('encryption at rest on %s', (dialect) => {
  let server: TestServer;
  const ids: string[] = [];
  const raw = (): Promise<Raw[]> => server.database.read((sql) => sql.rows<Raw>('SELECT id, mobile, mobile_bidx, resident_id, resident_id_bidx FROM e_client ORDER BY id'));

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity(clientEntity);
    for (const person of PEOPLE) {
      const created = await server.request<Rec>('POST', '/api/records/client', person);
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
  });
  afterAll(async () => server?.close());

  it('stores no plaintext of sensitive fields, and answers them decrypted', async () => {
    const rows = await raw();
    const dump = JSON.stringify(rows);
    for (const person of PEOPLE) {
      expect(dump).not.toContain(person.mobile);
      expect(dump).not.toContain(person.resident_id);
      expect(dump).not.toContain(person.resident_id.slice(0, 6));
    }
    for (const row of rows) {
      expect(row.mobile).toMatch(/^v1\.[0-9a-f]{8}\.[\w-]{16}\.[\w-]+$/);
      expect(row.mobile_bidx).toMatch(/^[0-9a-f]{64}$/);
    }
    const read = await server.request<Rec>('GET', `/api/records/client/${ids[0]}`);
    expect(read.body).toMatchObject(PEOPLE[0]!);
    const audit = await server.request('GET', '/api/audit?entity=client');
    expect(JSON.stringify(audit.body)).not.toContain(PEOPLE[0]!.mobile);
  });

  it('finds records by exact value through the blind index, normalised like a write', async () => {
    const find = async (filter: unknown): Promise<string[]> => {
      const page = await server.request<{ items: Rec[] }>('POST', '/api/records/client/query', { filter });
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      return page.body.items.map((r) => r.name as string);
    };
    expect(await find({ field: 'resident_id', op: 'eq', value: '11010519491231002x' })).toEqual(['王小明']);
    expect(await find({ field: 'mobile', op: 'eq', value: '139 8765 4321' })).toEqual(['李娜']);
    expect((await find({ field: 'mobile', op: 'in', value: ['13700001111', '13812345678'] })).sort()).toEqual(['张伟', '王小明'].sort());
    expect((await find({ field: 'mobile', op: 'ne', value: '13700001111' })).sort()).toEqual(['李娜', '王小明'].sort());
    const ranged = await server.request<{ errors: { code: string }[] }>('POST', '/api/records/client/query', { filter: { field: 'mobile', op: 'startsWith', value: '138' } });
    expect(ranged.status).toBe(422);
    expect(ranged.body.errors[0]!.code).toBe('operatorNotSupported');
    const sorted = await server.request<{ errors: { code: string }[] }>('POST', '/api/records/client/query', { sort: [{ field: 'mobile' }] });
    expect(sorted.body.errors[0]!.code).toBe('notSortable');
  });

  it('detects duplicates of a unique sensitive value without decrypting', async () => {
    const duplicate = await server.request<{ code: string; field: string }>('POST', '/api/records/client', { name: '冒名', resident_id: '11010519491231002X' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ code: 'uniqueViolation', field: 'resident_id' });
  });

  it('refuses to switch a published field between clear and encrypted', async () => {
    const changed = { ...clientEntity, fields: clientEntity.fields.map((f) => (f.key === 'mobile' ? { ...f, sensitive: false } : f)) };
    expect((await server.request('PUT', '/api/artifacts/entity/client', changed)).status).toBe(200);
    const published = await server.request<{ code: string; errors: { path: string }[] }>('POST', '/api/artifacts/entity/client/publish', {});
    expect(published.status).toBe(422);
    expect(published.body.code).toBe('encryptionChange');
    expect(published.body.errors[0]!.path).toBe('/fields/1/sensitive');
    expect((await server.request('PUT', '/api/artifacts/entity/client', clientEntity)).status).toBe(200);
  });

  it('rotates to a new key with the server running, keeping every value readable and findable', async () => {
    const connector = await server.request('POST', '/api/connectors', { key: 'core_banking', name: { en: 'Core banking', 'zh-CN': '核心系统' }, baseUrl: 'https://core.bank.example', auth: { kind: 'apiKey', header: 'X-Api-Key' }, secret: 'core-api-key-1' });
    expect(connector.status).toBe(201);
    const hook = await server.request<{ secret: string }>('POST', '/api/webhooks', { key: 'crm_feed', name: { en: 'CRM feed', 'zh-CN': '客户推送' }, url: 'https://hooks.bank.example/crm', eventTypes: ['record.*'] });
    expect(hook.status).toBe(201);
    const rotated = await server.request<{ secret: string }>('POST', '/api/webhooks/crm_feed/rotate-secret');
    expect(rotated.status).toBe(200);
    const sealedRows = (): Promise<{ secret: string; previous_secret: string | null }[]> =>
      server.database.read((sql) => sql.rows('SELECT secret, NULL AS previous_secret FROM bf_connector UNION ALL SELECT secret, previous_secret FROM bf_webhook_subscription'));
    const before = await raw();
    const oldKeyId = before[0]!.mobile!.split('.')[1];
    addKeyToKeyringFile(server.dataDir);
    const { cipher } = loadFieldCipher({ dataDir: server.dataDir });
    expect(cipher.currentKeyId).not.toBe(oldKeyId);
    const result = await rotateDataKeys(server.database, new MetadataService(server.database, cipher), cipher, 2);
    expect(result.fields).toEqual(['client.mobile', 'client.resident_id', 'bf_connector.secret', 'bf_webhook_subscription.secret', 'bf_webhook_subscription.previous_secret', 'bf_import_change.prior_values']);
    // Two secrets of the webhook (the new one and the one it replaces, while they overlap) and the connector's.
    expect(result.reencrypted).toBe(before.filter((r) => r.mobile).length + before.filter((r) => r.resident_id).length + 3);
    const after = await raw();
    for (const [i, row] of after.entries()) {
      for (const column of ['mobile', 'resident_id'] as const) {
        if (row[column] === null) continue;
        expect(row[column]!.split('.')[1]).toBe(cipher.currentKeyId);
        expect(row[column]).not.toBe(before[i]![column]);
      }
      expect(row.mobile_bidx).toBe(before[i]!.mobile_bidx);
    }
    // The running server learns the new key from the keyring file when it meets it.
    for (const [i, id] of ids.entries()) expect((await server.request<Rec>('GET', `/api/records/client/${id}`)).body).toMatchObject(PEOPLE[i]!);
    const found = await server.request<{ items: Rec[] }>('POST', '/api/records/client/query', { filter: { field: 'mobile', op: 'eq', value: '13812345678' } });
    expect(found.body.items.map((r) => r.id)).toEqual([ids[0]]);
    // New writes use the new key too, and a second rotation has nothing left to do.
    const created = await server.request<Rec>('POST', '/api/records/client', { name: '新客户', mobile: '13600002222' });
    const [row] = await server.database.read((sql) => sql.rows<Raw>('SELECT mobile FROM e_client WHERE id = ?', [created.body.id]));
    expect(row!.mobile!.split('.')[1]).toBe(cipher.currentKeyId);
    expect((await rotateDataKeys(server.database, new MetadataService(server.database, cipher), cipher)).reencrypted).toBe(0);
    // The secrets of connectors and webhooks move to the new key too, and still answer what was set.
    for (const row of await sealedRows()) {
      for (const value of [row.secret, row.previous_secret]) if (value !== null) expect(value.split('.')[1]).toBe(cipher.currentKeyId);
    }
    expect((await server.app.get(ConnectorStore).withSecret('core_banking')).secret).toBe('core-api-key-1');
    const signing = (await server.app.get(WebhookStore).sending()).get('crm_feed');
    expect(signing?.secrets).toEqual([rotated.body.secret, hook.body.secret]);
    const audit = await server.request<{ action: string }[]>('GET', '/api/audit?limit=1000');
    expect(audit.body.filter((e) => e.action === 'keyRotation')).toHaveLength(2);
  });
});
