/**
 * An import checks a batch's references together (one query per reference field, not one per
 * row) and refuses each row whose reference the importer may not read exactly as the records API
 * refuses it: as a reference to a record that does not exist. SQLite and MariaDB.
 */
import type { EntityDefinition } from '@bankforge/data-model';
import type { ImportJob, ImportProblemPage } from '@bankforge/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRunner } from '../src/modules/imports/import-runner.js';
import { field } from './fixtures.js';
import { dialects, startTestServer, type Requester, type TestServer } from './harness.js';
import { clientEntity, ROLES, seedPeople, type Username } from './security-fixtures.js';

process.env.BANKFORGE_IMPORT_POLL_MS = '0';

const callEntity: EntityDefinition = {
  kind: 'entity',
  key: 'call',
  title: 'Call',
  label: { en: 'Call', 'zh-CN': '致电' },
  fields: [
    field('c_code', 'code', 'text', { label: { en: 'Code', 'zh-CN': '编号' }, required: true, unique: true }),
    field('c_client', 'client', 'reference', { label: { en: 'Client', 'zh-CN': '客户' }, required: true, reference: { entity: 'client' } }),
  ],
};

describe.each(dialects())('import references on %s', (dialect) => {
  let server: TestServer;
  let as: Record<Username, Requester>;
  let runner: ImportRunner;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    runner = server.app.get(ImportRunner);
    runner.batchRows = 50;
    for (const entity of [clientEntity, callEntity]) await server.publishEntity(entity);
    for (const role of ROLES) if (role.key === 'relationship_manager') role.entities!.call = { create: 'own', read: 'own', update: 'own', import: 'own' };
    ({ as } = await seedPeople(server));
  }, 60_000);
  afterAll(async () => server?.close());

  it('creates the rows whose client the importer may read and refuses the others, each named', async () => {
    const mine = (await as.rm_a<{ id: string }>('POST', '/api/records/client', { name: '甲' })).body.id;
    const theirs = (await as.rm_c<{ id: string }>('POST', '/api/records/client', { name: '乙' })).body.id;
    const missing = '01900000-0000-7000-8000-000000000000';
    const csv = ['code,client', `K1,${mine}`, `K2,${theirs}`, `K3,${missing}`, `K4,${mine}`].join('\n');
    const uploaded = await as.rm_a<ImportJob>('POST', '/api/imports?entity=call&name=calls.csv', csv, { 'content-type': 'text/csv' });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const job = uploaded.body;
    expect((await as.rm_a('PUT', `/api/imports/${job.id}`, { columns: job.columns, match: { field: 'code', onMatch: 'skip', onNew: 'create' } })).status).toBe(200);
    expect((await as.rm_a('POST', `/api/imports/${job.id}/run`)).status).toBe(202);
    await runner.runDue();
    expect((await as.rm_a<ImportJob>('GET', `/api/imports/${job.id}`)).body).toMatchObject({ status: 'done', created: 2, failed: 2 });
    const problems = (await as.rm_a<ImportProblemPage>('GET', `/api/imports/${job.id}/problems`)).body;
    // The client of another manager is refused exactly as one that does not exist: the row cannot probe for it.
    expect(problems.items.map((p) => [p.row, p.path, p.code])).toEqual([
      [3, '/client', 'reference'],
      [4, '/client', 'reference'],
    ]);
    expect(problems.items[0]!.message).toBe(problems.items[1]!.message);
    const calls = await as.rm_a<{ items: { code: string; client: string }[] }>('POST', '/api/records/call/query', { limit: 10 });
    expect(calls.body.items.map((c) => [c.code, c.client]).sort()).toEqual([
      ['K1', mine],
      ['K4', mine],
    ]);
  });
});
