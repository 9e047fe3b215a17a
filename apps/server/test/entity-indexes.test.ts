import type { EntityDefinition, FieldDefinition } from '@bankforge/data-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startTestServer, type TestServer } from './harness.js';

type Published = { version: number; migration: { steps: { op: string }[]; summary: string[] } };

const field = (id: string, key: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({
  id,
  key,
  type,
  label: { en: key, 'zh-CN': key },
  ...extra,
});

/** Composite indexes an entity declares for its bulk reads: built, rebuilt and dropped with the entity's versions. */
describe.each(dialects())('entity indexes on %s', (dialect) => {
  let server: TestServer;
  let deal: EntityDefinition;

  /** The table's composite indexes (named cx_…) and their columns in order. */
  const compositeIndexes = async (): Promise<Record<string, string[]>> => {
    const found: Record<string, string[]> = {};
    if (dialect === 'mysql') {
      const rows = await server.database.read((sql) =>
        sql.rows<{ name: string; col: string }>(
          "SELECT index_name AS name, column_name AS col FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'e_deal' AND index_name LIKE 'cx\\_%' ORDER BY index_name, seq_in_index",
        ),
      );
      for (const row of rows) (found[row.name] ??= []).push(row.col);
      return found;
    }
    const names = await server.database.read((sql) => sql.rows<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'e_deal' AND name LIKE 'cx\\_%' ESCAPE '\\'"));
    for (const { name } of names) {
      const columns = await server.database.read((sql) => sql.rows<{ name: string }>(`SELECT name FROM pragma_index_info('${name}') ORDER BY seqno`));
      found[name] = columns.map((c) => c.name);
    }
    return found;
  };
  const publish = async (next: EntityDefinition, confirm?: 'data-loss') => {
    const saved = await server.request('PUT', `/api/artifacts/entity/${next.key}`, next);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return server.request<Published>('POST', `/api/artifacts/entity/${next.key}/publish`, confirm ? { confirm } : {});
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    deal = {
      kind: 'entity',
      key: 'deal',
      title: 'Deal',
      label: { en: 'Deal', 'zh-CN': '交易' },
      fields: [
        field('d_stage', 'stage', 'singleSelect', { options: ['open', 'won'].map((value) => ({ value, label: { en: value, 'zh-CN': value } })) }),
        field('d_closed', 'closed_on', 'date'),
        field('d_amount', 'amount', 'money'),
        field('d_note', 'note', 'text', { maxLength: 100 }),
      ],
      indexes: [{ key: 'by_stage', fields: ['stage', 'closed_on', 'amount'] }],
    };
    const first = await publish(deal);
    expect(first.status).toBe(200);
    expect(first.body.migration.summary).toContain('Index by_stage: deleted_at, stage, closed_on, amount, amount_currency');
    for (const [stage, note] of [['open', 'short'], ['won', 'a note longer than ten']]) {
      const created = await server.request('POST', '/api/records/deal', { stage, closed_on: '2026-11-30', amount: { amount: '10.00', currency: 'CNY' }, note });
      expect(created.status).toBe(201);
    }
  });
  afterAll(async () => server?.close());

  it('builds the index a first publish declares, deleted_at first and the money field with its currency', async () => {
    expect(Object.values(await compositeIndexes())).toEqual([['deleted_at', 'stage', 'closed_on', 'amount', 'amount_currency']]);
  });

  it('keeps the index through a rename, and rebuilds it when a field of it narrows', async () => {
    deal = {
      ...deal,
      fields: deal.fields.map((f) => (f.id === 'd_stage' ? { ...f, key: 'deal_stage' } : f)),
      indexes: [
        { key: 'by_stage', fields: ['deal_stage', 'closed_on', 'amount'] },
        { key: 'by_note', fields: ['note', 'owner_id'] },
      ],
    };
    const renamed = await publish(deal);
    expect(renamed.body.migration.steps.map((s) => s.op)).toEqual(['renameColumn', 'addEntityIndex']);
    expect(Object.values(await compositeIndexes()).sort()).toEqual([
      ['deleted_at', 'deal_stage', 'closed_on', 'amount', 'amount_currency'],
      ['deleted_at', 'note', 'owner_id'],
    ]);

    deal = { ...deal, fields: deal.fields.map((f) => (f.id === 'd_note' ? { ...f, maxLength: 10 } : f)) };
    const narrowed = await publish(deal, 'data-loss');
    expect(narrowed.status).toBe(200);
    const ops = narrowed.body.migration.steps.map((s) => s.op);
    expect(ops).toEqual(['dropEntityIndex', 'narrowColumn', 'addEntityIndex']);
    expect(Object.values(await compositeIndexes())).toHaveLength(2);
    const notes = await server.request<{ items: { deal_stage: string; note: string | null }[] }>('POST', '/api/records/deal/query', {});
    expect(Object.fromEntries(notes.body.items.map((r) => [r.deal_stage, r.note]))).toEqual({ open: 'short', won: null });
  });

  it('drops an index the next version leaves out, and answers the same rows', async () => {
    deal = { ...deal, indexes: [{ key: 'by_note', fields: ['note', 'owner_id'] }] };
    const published = await publish(deal);
    expect(published.body.migration.steps.map((s) => s.op)).toEqual(['dropEntityIndex']);
    expect(Object.values(await compositeIndexes())).toEqual([['deleted_at', 'note', 'owner_id']]);
    const won = await server.request<{ items: unknown[] }>('POST', '/api/records/deal/query', { filter: { field: 'deal_stage', op: 'eq', value: 'won' } });
    expect(won.body.items).toHaveLength(1);
  });

  it('refuses an index over a field the entity lacks, at its path, and changes nothing', async () => {
    const refused = await server.request<{ code: string; errors: { path: string; code: string }[] }>('PUT', '/api/artifacts/entity/deal', {
      ...deal,
      indexes: [{ key: 'by_note', fields: ['nothing'] }],
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: '/indexes/0/fields/0', code: 'unknownIndexField' })]);
    expect(Object.values(await compositeIndexes())).toEqual([['deleted_at', 'note', 'owner_id']]);
  });
});
