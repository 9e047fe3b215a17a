/**
 * A dry run counts what the real run will do, across its batches: each dry-run batch is rolled
 * back, so a key a later batch repeats is not in the database, yet the real run will find the
 * record the earlier row created. The dry run must count that row as an update (or a skip, as the
 * match rule says), not as a second create. SQLite and MariaDB.
 */
import { residentIdCheckCharacter, type EntityDefinition } from '@bankforge/data-model';
import type { ImportJob } from '@bankforge/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRollbacks } from '../src/modules/imports/import-rollback.js';
import { ImportRunner } from '../src/modules/imports/import-runner.js';
import { field } from './fixtures.js';
import { dialects, startTestServer, type TestServer } from './harness.js';

// Batches of two rows, so the repeated keys below fall in later batches than their first rows.
process.env.BANKFORGE_IMPORT_POLL_MS = '0';
process.env.BANKFORGE_IMPORT_BATCH_ROWS = '2';

const rid = (first17: string): string => first17 + residentIdCheckCharacter(first17);

const customer: EntityDefinition = {
  kind: 'entity',
  key: 'dr_customer',
  title: 'Customer',
  label: { en: 'Customer', 'zh-CN': '客户' },
  fields: [
    field('d_no', 'customer_no', 'text', { label: { en: 'Customer number', 'zh-CN': '客户号' }, required: true, maxLength: 11 }),
    field('d_name', 'name', 'text', { label: { en: 'Name', 'zh-CN': '客户名称' }, required: true, maxLength: 60 }),
    field('d_rid', 'resident_id', 'residentId', { label: { en: 'Resident ID number', 'zh-CN': '居民身份证号' }, sensitive: true, unique: true }),
  ],
};

/**
 * Rows 2 and 3 (batch 1) create A and B; row 4 (batch 2) repeats A, row 5 creates C, row 6 (batch 3)
 * repeats B. Each file its own resident IDs: a rolled-back record keeps its unique value.
 */
function csvOf(file: number): string {
  const [a, b, c] = [1, 2, 3].map((n) => rid(`1101051970010${file}00${n}`));
  return ['客户号,客户名称,居民身份证号', `D0000000001,甲,${a}`, `D0000000002,乙,${b}`, `D0000000001,甲（改）,${a}`, `D0000000003,丙,${c}`, `D0000000002,乙（改）,${b}`].join('\n');
}

describe.each(dialects())('import dry runs on %s', (dialect) => {
  let server: TestServer;
  let runner: ImportRunner;

  const until = async (id: string): Promise<ImportJob> => {
    await runner.runDue();
    return (await server.request<ImportJob>('GET', `/api/imports/${id}`)).body;
  };
  const uploadAndMap = async (file: number, onMatch: 'update' | 'skip'): Promise<ImportJob> => {
    const uploaded = await server.request<ImportJob>('POST', '/api/imports?entity=dr_customer&name=customers.csv', csvOf(file), { 'content-type': 'text/csv' });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const saved = await server.request('PUT', `/api/imports/${uploaded.body.id}`, { columns: uploaded.body.columns, match: { field: 'resident_id', onMatch, onNew: 'create' } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    return uploaded.body;
  };
  const customers = async (): Promise<number> => {
    const page = await server.request<{ total: number }>('POST', '/api/records/dr_customer/query', { count: true, limit: 1 });
    return page.body.total;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    runner = server.app.get(ImportRunner);
    await server.publishEntity(customer);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('counts a key an earlier batch created as an update, as the real run then does', async () => {
    const job = await uploadAndMap(1, 'update');
    expect((await server.request('POST', `/api/imports/${job.id}/dry-run`)).status).toBe(202);
    const dry = await until(job.id);
    expect(dry).toMatchObject({ status: 'done', mode: 'dryRun', rowsDone: 5, created: 3, updated: 2, skipped: 0, failed: 0 });
    expect(await customers()).toBe(0);

    expect((await server.request('POST', `/api/imports/${job.id}/run`)).status).toBe(202);
    const done = await until(job.id);
    expect(done).toMatchObject({ status: 'done', mode: 'commit', rowsDone: 5, created: 3, updated: 2, skipped: 0, failed: 0 });
    expect(await customers()).toBe(3);
    const rolled = await server.request('POST', `/api/imports/${job.id}/rollback`);
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(202);
    await server.app.get(ImportRollbacks).runDue();
    expect(await customers()).toBe(0);
  });

  it('counts it as a skip when the match rule skips matches', async () => {
    const job = await uploadAndMap(2, 'skip');
    expect((await server.request('POST', `/api/imports/${job.id}/dry-run`)).status).toBe(202);
    expect(await until(job.id)).toMatchObject({ status: 'done', mode: 'dryRun', rowsDone: 5, created: 3, updated: 0, skipped: 2, failed: 0 });
    expect(await customers()).toBe(0);
    // A second dry run of the same job starts afresh: nothing remembered from the first.
    expect((await server.request('POST', `/api/imports/${job.id}/dry-run`)).status).toBe(202);
    expect(await until(job.id)).toMatchObject({ status: 'done', mode: 'dryRun', created: 3, skipped: 2 });
  });
});
