import type { EntityDefinition, FieldDefinition } from '@bankforge/data-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startTestServer, type TestServer } from './harness.js';

type Rec = Record<string, unknown> & { id: string; version: number };

function field(id: string, key: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition {
  return { id, key, type, label: { en: key, 'zh-CN': key }, ...extra };
}

function entity(key: string, fields: FieldDefinition[]): EntityDefinition {
  return { kind: 'entity', key, title: key, label: { en: key, 'zh-CN': key }, fields };
}

describe.each(dialects())('entity migrations on %s', (dialect) => {
  let server: TestServer;
  let definition: EntityDefinition;
  const ids: string[] = [];

  const publish = (next: EntityDefinition, confirm?: 'data-loss') =>
    server
      .request('PUT', `/api/artifacts/entity/${next.key}`, next)
      .then(() => server.request<Record<string, unknown>>('POST', `/api/artifacts/entity/${next.key}/publish`, confirm ? { confirm } : {}));
  const rows = (sql: string) => server.database.read((tx) => tx.rows(sql));
  const list = async (): Promise<Rec[]> =>
    (await server.request<{ items: Rec[] }>('POST', '/api/records/lead/query', { limit: 500, deleted: 'include' })).body.items;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity(entity('owner', [field('o_name', 'name', 'text')]));
    definition = entity('lead', [
      field('l_name', 'name', 'text', { required: true, maxLength: 40 }),
      field('l_code', 'code', 'text', { maxLength: 20 }),
      field('l_score', 'score', 'integer'),
      field('l_note', 'note', 'text', { maxLength: 100 }),
      field('l_budget', 'budget', 'money'),
      field('l_owner', 'owner', 'reference', { reference: { entity: 'owner' } }),
    ]);
    await server.publishEntity(definition);
    const owner = await server.request<Rec>('POST', '/api/records/owner', { name: 'RM Zhang' });
    const values = [
      { name: 'Alpha', code: 'A', score: 10, note: 'short', budget: { amount: '100.00', currency: 'CNY' }, owner: owner.body.id },
      { name: 'Beta', code: 'A', score: 20, note: 'a note that is longer than five', budget: { amount: '2500.50', currency: 'USD' } },
      { name: 'Gamma', code: 'G', score: 30, note: null, budget: null, owner: owner.body.id },
    ];
    for (const value of values) {
      const created = await server.request<Rec>('POST', '/api/records/lead', value);
      expect(created.status).toBe(201);
      ids.push(created.body.id);
    }
  });
  afterAll(async () => server?.close());

  it('adds a column and fills existing rows with the default', async () => {
    definition = { ...definition, fields: [...definition.fields, field('l_stage', 'stage', 'singleSelect', { default: 'new', indexed: true, options: [{ value: 'new', label: { en: 'New', 'zh-CN': '新' } }, { value: 'won', label: { en: 'Won', 'zh-CN': '赢' } }] })] };
    const plan = await server.request<{ steps: { op: string }[]; lossy: unknown[] }>('PUT', '/api/artifacts/entity/lead', definition).then(() =>
      server.request<{ steps: { op: string }[]; lossy: unknown[] }>('POST', '/api/artifacts/entity/lead/plan'),
    );
    expect(plan.body.steps.map((s) => s.op)).toEqual(['addColumn', 'addIndex']);
    expect(plan.body.lossy).toEqual([]);
    const published = await server.request('POST', '/api/artifacts/entity/lead/publish');
    expect(published.body).toMatchObject({ version: 2 });
    expect((await list()).map((r) => r.stage)).toEqual(['new', 'new', 'new']);
    const filtered = await server.request<{ items: Rec[] }>('POST', '/api/records/lead/query', { filter: { field: 'stage', op: 'eq', value: 'new' }, sort: [{ field: 'stage' }] });
    expect(filtered.body.items).toHaveLength(3);
  });

  it('renames a field by its stable id, keeping its values (money keeps both columns)', async () => {
    definition = {
      ...definition,
      fields: definition.fields.map((f) => (f.id === 'l_score' ? { ...f, key: 'lead_score' } : f.id === 'l_budget' ? { ...f, key: 'expected_budget' } : f)),
    };
    const published = await publish(definition);
    expect(published.status).toBe(200);
    expect((published.body.migration as { steps: { op: string }[] }).steps.map((s) => s.op)).toEqual(['renameColumn', 'renameColumn']);
    const records = await list();
    expect(records.map((r) => r.lead_score)).toEqual([10, 20, 30]);
    expect(records.map((r) => r.expected_budget)).toEqual([{ amount: '100.00', currency: 'CNY' }, { amount: '2500.50', currency: 'USD' }, null]);
    expect(records[0]).not.toHaveProperty('score');
    const old = await server.request('POST', '/api/records/lead/query', { filter: { field: 'score', op: 'eq', value: 10 } });
    expect(old.status).toBe(422);
  });

  it('widens a text column and then stores longer values', async () => {
    definition = { ...definition, fields: definition.fields.map((f) => (f.id === 'l_name' ? { ...f, maxLength: 200 } : f)) };
    const published = await publish(definition);
    expect((published.body.migration as { steps: { op: string }[] }).steps.map((s) => s.op)).toEqual(['widenColumn']);
    const long = 'L'.repeat(180);
    const created = await server.request<Rec>('POST', '/api/records/lead', { name: long });
    expect(created.status).toBe(201);
    expect((await server.request<Rec>('GET', `/api/records/lead/${created.body.id}`)).body.name).toBe(long);
    await server.request('DELETE', `/api/records/lead/${created.body.id}`);
  });

  it('refuses a unique index over duplicate values and changes nothing', async () => {
    const attempt = { ...definition, fields: definition.fields.map((f) => (f.id === 'l_code' ? { ...f, unique: true } : f)) };
    const refused = await publish(attempt);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'duplicateValues', field: 'code', duplicateValues: 1 });
    const described = await server.request<{ version: number }>('GET', '/api/metadata/entities/lead');
    expect(described.body.version).toBe(4);
    const dup = await server.request('POST', '/api/records/lead', { name: 'Delta', code: 'A' });
    expect(dup.status).toBe(201);
    await server.request('DELETE', `/api/records/lead/${(dup.body as Rec).id}`);
  });

  it('refuses to drop a field without confirmation, then drops it into a backup table', async () => {
    const without = { ...definition, fields: definition.fields.filter((f) => f.id !== 'l_note') };
    await server.request('PUT', '/api/artifacts/entity/lead', without);
    const plan = await server.request<{ lossy: { key: string; change: string }[] }>('POST', '/api/artifacts/entity/lead/plan');
    expect(plan.body.lossy).toEqual([expect.objectContaining({ key: 'note', change: 'drop' })]);
    const refused = await server.request('POST', '/api/artifacts/entity/lead/publish', {});
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'dataLossNotConfirmed', lossy: [{ key: 'note', change: 'drop' }] });
    expect((await list()).find((r) => r.id === ids[0])).toMatchObject({ note: 'short' });

    const confirmed = await server.request('POST', '/api/artifacts/entity/lead/publish', { confirm: 'data-loss' });
    expect(confirmed.status).toBe(200);
    definition = without;
    const version = (confirmed.body as { version: number }).version;
    expect((await list()).every((r) => !('note' in r))).toBe(true);
    const backup = await rows(`SELECT id, note FROM bk_lead_v${version} ORDER BY id`);
    expect(backup.filter((r) => ids.includes(String(r.id))).map((r) => r.note)).toEqual(['short', 'a note that is longer than five', null]);
    const described = await server.request<{ migrations: { backupTable: string | null }[] }>('GET', '/api/metadata/entities/lead');
    expect(described.body.migrations.at(-1)?.backupTable).toBe(`bk_lead_v${version}`);
  });

  it('narrows a column: values that fit stay, the others go to the backup', async () => {
    definition = { ...definition, fields: definition.fields.map((f) => (f.id === 'l_name' ? { ...f, maxLength: 5 } : f)) };
    const confirmed = await publish(definition, 'data-loss');
    expect(confirmed.status).toBe(200);
    expect((confirmed.body.migration as { lossy: { change: string }[] }).lossy).toEqual([expect.objectContaining({ change: 'narrow' })]);
    const byId = new Map((await list()).map((r) => [r.id, r]));
    expect(ids.map((id) => byId.get(id)?.name)).toEqual(['Alpha', 'Beta', 'Gamma']);
    const long = [...byId.values()].find((r) => r.deleted_at !== null && r.name === null);
    expect(long).toBeDefined();
  });

  it('retypes a field with confirmation, keeping the old values in the backup', async () => {
    definition = { ...definition, fields: definition.fields.map((f) => (f.id === 'l_score' ? { ...f, type: 'date' } : f)) };
    const confirmed = await publish(definition, 'data-loss');
    expect(confirmed.status).toBe(200);
    const version = (confirmed.body as { version: number }).version;
    expect((await list()).filter((r) => ids.includes(r.id)).map((r) => r.lead_score)).toEqual([null, null, null]);
    const backup = await rows(`SELECT lead_score FROM bk_lead_v${version} ORDER BY id`);
    expect(backup.map((r) => Number(r.lead_score)).filter((n) => n > 0).sort()).toEqual([10, 20, 30]);
    const created = await server.request('POST', '/api/records/lead', { name: 'Date', lead_score: '2024-01-31' });
    expect(created.status).toBe(201);
  });

  it('drops a reference field and keeps foreign keys working elsewhere', async () => {
    await server.publishEntity(entity('visit', [field('v_lead', 'lead', 'reference', { reference: { entity: 'lead' } })]));
    definition = { ...definition, fields: definition.fields.filter((f) => f.id !== 'l_owner') };
    const confirmed = await publish(definition, 'data-loss');
    expect(confirmed.status).toBe(200);
    expect((await list()).every((r) => !('owner' in r))).toBe(true);
    const visit = await server.request('POST', '/api/records/visit', { lead: ids[0] });
    expect(visit.status).toBe(201);
    const dangling = await server.request('POST', '/api/records/visit', { lead: '0190c0de-0000-7000-8000-000000000000' });
    expect(dangling.status).toBe(422);
    const owners = await server.request<{ items: unknown[] }>('POST', '/api/records/owner/query', {});
    expect(owners.body.items).toHaveLength(1);
  });
});
