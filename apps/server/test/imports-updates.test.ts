/**
 * An import batch reads the records it updates together, and each update still sees the record as
 * it stands: a record the file names twice in one batch is updated twice, the second time on the
 * version the first wrote, and the rollback puts back what it was before the file. SQLite and MariaDB.
 */
import type { EntityDefinition } from '@bankforge/data-model';
import type { ImportJob } from '@bankforge/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRollbacks } from '../src/modules/imports/import-rollback.js';
import { ImportRunner } from '../src/modules/imports/import-runner.js';
import { field } from './fixtures.js';
import { dialects, startTestServer, type TestServer } from './harness.js';

process.env.BANKFORGE_IMPORT_POLL_MS = '0';

const account: EntityDefinition = {
  kind: 'entity',
  key: 'up_account',
  title: 'Account',
  label: { en: 'Account', 'zh-CN': '账户' },
  fields: [
    field('u_no', 'account_no', 'text', { label: { en: 'Account number', 'zh-CN': '账号' }, required: true, unique: true }),
    field('u_name', 'name', 'text', { label: { en: 'Name', 'zh-CN': '名称' }, required: true }),
  ],
};

describe.each(dialects())('import updates on %s', (dialect) => {
  let server: TestServer;
  let runner: ImportRunner;

  const accounts = async (): Promise<Record<string, { name: string; version: number }>> => {
    const page = await server.request<{ items: { account_no: string; name: string; version: number }[] }>('POST', '/api/records/up_account/query', { limit: 100 });
    return Object.fromEntries(page.body.items.map((r) => [r.account_no, { name: r.name, version: r.version }]));
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    runner = server.app.get(ImportRunner);
    runner.batchRows = 50;
    await server.publishEntity(account);
    for (const no of ['A1', 'A2', 'A3']) expect((await server.request('POST', '/api/records/up_account', { account_no: no, name: `旧${no}` })).status).toBe(201);
  }, 60_000);
  afterAll(async () => server?.close());

  it('updates the records of a batch, one named twice updated twice in turn, and rolls them back to before the file', async () => {
    const csv = ['account_no,name', 'A1,新A1', 'A2,新A2', 'A1,再A1', 'A3,新A3', 'A4,新A4'].join('\n');
    const uploaded = await server.request<ImportJob>('POST', '/api/imports?entity=up_account&name=accounts.csv', csv, { 'content-type': 'text/csv' });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const job = uploaded.body;
    expect((await server.request('PUT', `/api/imports/${job.id}`, { columns: job.columns, match: { field: 'account_no', onMatch: 'update', onNew: 'create' } })).status).toBe(200);
    expect((await server.request('POST', `/api/imports/${job.id}/run`)).status).toBe(202);
    await runner.runDue();
    expect((await server.request<ImportJob>('GET', `/api/imports/${job.id}`)).body).toMatchObject({ status: 'done', created: 1, updated: 4, failed: 0 });
    expect(await accounts()).toEqual({
      A1: { name: '再A1', version: 3 },
      A2: { name: '新A2', version: 2 },
      A3: { name: '新A3', version: 2 },
      A4: { name: '新A4', version: 1 },
    });
    expect((await server.request<{ ok: boolean }>('GET', '/api/audit/verify')).body.ok).toBe(true);

    // The rollback runs in the background: asked for (202), then worked through by the replica.
    expect((await server.request('POST', `/api/imports/${job.id}/rollback`)).status).toBe(202);
    await server.app.get(ImportRollbacks).runDue();
    expect((await server.request<ImportJob>('GET', `/api/imports/${job.id}`)).body).toMatchObject({ status: 'rolledBack', rollback: { removed: 1, restored: 3, changedSince: 0 } });
    const after = await accounts();
    expect(Object.fromEntries(Object.entries(after).map(([no, a]) => [no, a.name]))).toEqual({ A1: '旧A1', A2: '旧A2', A3: '旧A3' });
  });
});
