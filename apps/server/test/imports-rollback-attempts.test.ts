/**
 * A rollback that keeps failing is not tried forever: each failed attempt puts the next off by a
 * growing wait, a batch done forgets the failures, and after the last attempt the job ends
 * rollbackFailed with the cause as a code (never a value), what was undone staying undone until
 * the importer asks again. The rollback acts as, and is audited as, whoever asked for it, and stops
 * once they may no longer import. An attempt its server stopped in the middle of counts as failed
 * when the rollback is claimed again after its lease ran out. Its uploader may ask for it, or an administrator (any job, e.g.
 * one imported through a key since revoked); anyone else is answered 404. SQLite and MariaDB.
 */
import type { ImportJob } from '@bankforge/client';
import type { EntityDefinition } from '@bankforge/data-model';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RoleDefinition } from '../src/modules/access/role.js';
import { ImportRollbacks, ROLLBACK_MAX_ATTEMPTS, rollbackRetrySeconds } from '../src/modules/imports/import-rollback.js';
import { ImportRunner } from '../src/modules/imports/import-runner.js';
import { RecordsService } from '../src/modules/records/records.service.js';
import { databaseNow } from '../src/platform/database/database-clock.js';
import { field } from './fixtures.js';
import { dialects, startTestServer, type Requester, type TestServer } from './harness.js';

process.env.BANKFORGE_IMPORT_POLL_MS = '0';

const PASSWORD = 'Rollback-Pass-2026';
/** What a driver's message may quote: it must never reach the job. */
const QUOTED_VALUE = 'RB-CUSTOMER-VALUE-7';

const account: EntityDefinition = {
  kind: 'entity',
  key: 'rb_account',
  title: 'Account',
  label: { en: 'Account', 'zh-CN': '账户' },
  fields: [
    field('r_no', 'account_no', 'text', { label: { en: 'Account number', 'zh-CN': '账号' }, required: true, unique: true }),
    field('r_name', 'name', 'text', { label: { en: 'Name', 'zh-CN': '名称' }, required: true }),
  ],
};

const IMPORTER: RoleDefinition = { key: 'rb_importer', label: { en: 'Importer' }, entities: { rb_account: { create: 'own', read: 'own', update: 'own', import: 'own' } } };
const CLERK: RoleDefinition = { key: 'rb_clerk', label: { en: 'Clerk' }, entities: { rb_account: { create: 'own', read: 'own', update: 'own' } } };

/** A database refusal as TypeORM hands it on: a system code, and a message quoting a value. */
const refusal = (): Error => Object.assign(new Error(`Duplicate entry '${QUOTED_VALUE}' for key 'ux_rb_account'`), { code: 'ER_DUP_ENTRY' });

interface JobRow {
  status: string;
  rollback_failures: number | string;
  rollback_requested_by: string | null;
  error_en: string | null;
  error_zh: string | null;
  lease_owner: string | null;
}

describe.each(dialects())('import rollback attempts on %s', (dialect) => {
  let server: TestServer;
  let importer: Requester;
  let importerId: string;
  let rollbacks: ImportRollbacks;
  let records: RecordsService;
  let prefix = 0;

  const jobRow = async (id: string): Promise<JobRow> => {
    const [row] = await server.database.read((sql) => sql.rows<JobRow>('SELECT status, rollback_failures, rollback_requested_by, error_en, error_zh, lease_owner FROM bf_import_job WHERE id = ?', [id]));
    return row!;
  };
  /** Whether the job is next due between `from` and `to` seconds from now, on the database's clock. */
  const dueIn = async (id: string, from: number, to: number): Promise<boolean> => {
    const rows = await server.database.read((sql) =>
      sql.rows(`SELECT id FROM bf_import_job WHERE id = ? AND rollback_due_at > ${databaseNow(sql, from)} AND rollback_due_at <= ${databaseNow(sql, to)}`, [id]),
    );
    return rows.length === 1;
  };
  /** The wait before the next attempt has passed. */
  const waitOver = (id: string): Promise<number> => server.database.single((sql) => sql.execute("UPDATE bf_import_job SET rollback_due_at = '2000-01-01 00:00:00' WHERE id = ?", [id]));
  /** The replica that held the job stopped long enough ago: its lease has run out. */
  const leaseOver = (id: string): Promise<number> => server.database.single((sql) => sql.execute("UPDATE bf_import_job SET lease_until = '2000-01-01 00:00:00' WHERE id = ?", [id]));
  /** A committed import of `count` new accounts by `as`: the job and the new records' ids by account number. */
  const committed = async (as: Requester, count: number): Promise<{ job: ImportJob; ids: Record<string, string> }> => {
    prefix += 1;
    const numbers = Array.from({ length: count }, (_, i) => `R${prefix}-${i + 1}`);
    const uploaded = await as<ImportJob>('POST', '/api/imports?entity=rb_account&name=accounts.csv', ['account_no,name', ...numbers.map((no) => `${no},账户${no}`)].join('\n'), { 'content-type': 'text/csv' });
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const job = uploaded.body;
    expect((await as('PUT', `/api/imports/${job.id}`, { columns: job.columns, match: { field: 'account_no', onMatch: 'update', onNew: 'create' } })).status).toBe(200);
    expect((await as('POST', `/api/imports/${job.id}/run`)).status).toBe(202);
    await server.app.get(ImportRunner).runDue();
    expect((await as<ImportJob>('GET', `/api/imports/${job.id}`)).body).toMatchObject({ status: 'done', created: count });
    const rows = await server.database.read((sql) => sql.rows<{ id: string; account_no: string }>(`SELECT id, account_no FROM e_rb_account WHERE account_no LIKE ? AND deleted_at IS NULL`, [`R${prefix}-%`]));
    return { job, ids: Object.fromEntries(rows.map((r) => [r.account_no, r.id])) };
  };
  const left = async (ids: Record<string, string>): Promise<string[]> => {
    const rows = await server.database.read((sql) => sql.rows<{ account_no: string }>(`SELECT account_no FROM e_rb_account WHERE id IN (${Object.keys(ids).map(() => '?').join(', ')}) AND deleted_at IS NULL ORDER BY account_no`, Object.values(ids)));
    return rows.map((r) => r.account_no);
  };
  /** Who the audit log says last wrote the record. */
  const lastWriter = async (recordId: string): Promise<{ actor_id: string | null; actor_name: string }> => {
    const [row] = await server.database.read((sql) => sql.rows<{ actor_id: string | null; actor_name: string }>('SELECT actor_id, actor_name FROM bf_audit WHERE record_id = ? ORDER BY seq DESC LIMIT 1', [recordId]));
    return row!;
  };
  /** The records layer's removal fails for these records (and only them), every time. */
  const removalFailsFor = (failing: (recordId: string, call: number) => boolean) => {
    const original = records.importRemoveIn.bind(records);
    let calls = 0;
    return vi.spyOn(records, 'importRemoveIn').mockImplementation(async (tx, view, actor, id, version) => {
      calls += 1;
      if (failing(id, calls)) throw refusal();
      return original(tx, view, actor, id, version);
    });
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    rollbacks = server.app.get(ImportRollbacks);
    records = server.app.get(RecordsService);
    await server.publishEntity(account);
    for (const role of [IMPORTER, CLERK]) expect((await server.request('PUT', `/api/auth/roles/${role.key}`, role)).status).toBe(200);
    const created = await server.request<{ id: string }>('POST', '/api/auth/users', { username: 'rb_rm', displayName: 'rb_rm', roles: ['rb_importer'], password: PASSWORD });
    expect(created.status).toBe(201);
    importerId = created.body.id;
    importer = await server.signIn('rb_rm', PASSWORD);
  }, 60_000);
  afterEach(() => {
    vi.restoreAllMocks();
    rollbacks.batchChanges = 500;
    rollbacks.stopAfterBatches = undefined;
  });
  afterAll(async () => server?.close());

  it('ends a rollback whose batch fails the same way every time rollbackFailed after the last attempt, waiting longer each time, the cause a code and never a value; asked again, it goes on from where it stopped', async () => {
    rollbacks.batchChanges = 1;
    const { job, ids } = await committed(importer, 3);
    // Changes are undone last row first: the first batch (row 3) goes through, the second (row 2) is refused every time.
    const removal = removalFailsFor((id) => id === ids[`R${prefix}-2`]);
    const asked = await importer<ImportJob>('POST', `/api/imports/${job.id}/rollback`);
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ status: 'rollingBack', rollback: { total: 3 } });
    await rollbacks.runDue();
    for (let attempt = 1; attempt < ROLLBACK_MAX_ATTEMPTS; attempt++) {
      const row = await jobRow(job.id);
      expect(row).toMatchObject({ status: 'rollingBack', lease_owner: null, error_en: expect.stringContaining(`Attempt ${attempt} of ${ROLLBACK_MAX_ATTEMPTS}`), error_zh: expect.stringContaining(`第 ${attempt} 次`) });
      expect(Number(row.rollback_failures)).toBe(attempt);
      expect(row.error_en).toContain('ER_DUP_ENTRY');
      // Not claimed again on the next poll: it waits, longer each time (30 s, 1, 2, 4 minutes).
      const wait = rollbackRetrySeconds(attempt);
      expect(await dueIn(job.id, wait - 10, wait + 10)).toBe(true);
      expect(await rollbacks.runDue()).toBe(0);
      await waitOver(job.id);
      expect(await rollbacks.runDue()).toBe(1);
    }
    const failed = (await importer<ImportJob>('GET', `/api/imports/${job.id}`)).body;
    expect(failed).toMatchObject({
      status: 'rollbackFailed',
      rollback: { total: 3, removed: 1, restored: 0, changedSince: 0 },
      error: { message: expect.stringContaining(`failed ${ROLLBACK_MAX_ATTEMPTS} times in a row (last: ER_DUP_ENTRY)`), messageZh: expect.stringContaining(`连续 ${ROLLBACK_MAX_ATTEMPTS} 次失败`) },
    });
    expect(failed.progress).toBeCloseTo(1 / 3);
    expect(JSON.stringify(await jobRow(job.id))).not.toContain(QUOTED_VALUE);
    // One attempt at the refused record each time, and none after the last, however long since.
    const refusedCalls = () => removal.mock.calls.filter((call) => call[3] === ids[`R${prefix}-2`]).length;
    expect(refusedCalls()).toBe(ROLLBACK_MAX_ATTEMPTS);
    await waitOver(job.id);
    expect(await rollbacks.runDue()).toBe(0);
    expect(refusedCalls()).toBe(ROLLBACK_MAX_ATTEMPTS);
    // What was undone stays undone.
    expect(await left(ids)).toEqual([`R${prefix}-1`, `R${prefix}-2`]);

    // The cause fixed, the importer asks again: 202, its failures forgotten, its counts kept, and it finishes.
    removal.mockRestore();
    const again = await importer<ImportJob>('POST', `/api/imports/${job.id}/rollback`);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ status: 'rollingBack', error: null, rollback: { total: 3, removed: 1 } });
    expect(Number((await jobRow(job.id)).rollback_failures)).toBe(0);
    await rollbacks.runDue();
    expect((await importer<ImportJob>('GET', `/api/imports/${job.id}`)).body).toMatchObject({ status: 'rolledBack', progress: 1, error: null, rollback: { total: 3, removed: 3, restored: 0, changedSince: 0 } });
    expect(await left(ids)).toEqual([]);
    expect((await server.request<{ ok: boolean }>('GET', '/api/audit/verify')).body.ok).toBe(true);
  });

  it('forgets earlier failures once a batch is done: a failure, a batch done then a failure is the first in a row, and the rollback then finishes', async () => {
    rollbacks.batchChanges = 1;
    const { job, ids } = await committed(importer, 3);
    // The first removal fails, the second goes through, the third fails, then all go through.
    removalFailsFor((_id, call) => call === 1 || call === 3);
    expect((await importer('POST', `/api/imports/${job.id}/rollback`)).status).toBe(202);
    await rollbacks.runDue();
    expect(Number((await jobRow(job.id)).rollback_failures)).toBe(1);
    await waitOver(job.id);
    await rollbacks.runDue();
    const row = await jobRow(job.id);
    expect(row).toMatchObject({ status: 'rollingBack', error_en: expect.stringContaining(`Attempt 1 of ${ROLLBACK_MAX_ATTEMPTS}`) });
    expect(Number(row.rollback_failures)).toBe(1);
    expect(await dueIn(job.id, rollbackRetrySeconds(1) - 10, rollbackRetrySeconds(1) + 10)).toBe(true);
    await waitOver(job.id);
    await rollbacks.runDue();
    expect((await importer<ImportJob>('GET', `/api/imports/${job.id}`)).body).toMatchObject({ status: 'rolledBack', error: null, rollback: { total: 3, removed: 3 } });
    expect(Number((await jobRow(job.id)).rollback_failures)).toBe(0);
    expect(await left(ids)).toEqual([]);
  });

  it('counts an attempt its server stopped in the middle of as failed when the rollback is claimed again once its lease has run out, goes on at once, and a batch done forgets it', async () => {
    rollbacks.batchChanges = 1;
    const { job, ids } = await committed(importer, 3);
    rollbacks.stopAfterBatches = 1;
    expect((await importer('POST', `/api/imports/${job.id}/rollback`)).status).toBe(202);
    await rollbacks.runDue();
    rollbacks.stopAfterBatches = undefined;
    // Cut short after its first batch, as a crash would: still leased, nothing counted yet, and left alone while the lease runs.
    const cut = await jobRow(job.id);
    expect(cut).toMatchObject({ status: 'rollingBack', lease_owner: rollbacks.owner, error_en: null });
    expect(Number(cut.rollback_failures)).toBe(0);
    expect(await rollbacks.runDue()).toBe(0);
    await leaseOver(job.id);
    // The job as the next attempt finds it once claimed, before it undoes anything.
    const seen: JobRow[] = [];
    const viewFor = records.viewFor.bind(records);
    vi.spyOn(records, 'viewFor').mockImplementation(async (...args) => {
      if (seen.length === 0) seen.push(await jobRow(job.id));
      return viewFor(...args);
    });
    expect(await rollbacks.runDue()).toBe(1);
    expect(seen[0]).toMatchObject({
      status: 'rollingBack',
      error_en: expect.stringContaining(`Attempt 1 of ${ROLLBACK_MAX_ATTEMPTS} of the rollback was interrupted`),
      error_zh: expect.stringContaining('第 1 次尝试中断'),
    });
    expect(Number(seen[0]!.rollback_failures)).toBe(1);
    expect((await importer<ImportJob>('GET', `/api/imports/${job.id}`)).body).toMatchObject({ status: 'rolledBack', error: null, rollback: { total: 3, removed: 3, restored: 0, changedSince: 0 } });
    expect(await jobRow(job.id)).toMatchObject({ lease_owner: null });
    expect(Number((await jobRow(job.id)).rollback_failures)).toBe(0);
    expect(await left(ids)).toEqual([]);
  });

  it('ends a rollback whose server stops in the middle of every attempt, before any batch is done, rollbackFailed as interrupted once the last allowed is counted', async () => {
    const { job, ids } = await committed(importer, 2);
    rollbacks.stopAfterBatches = 0;
    expect((await importer('POST', `/api/imports/${job.id}/rollback`)).status).toBe(202);
    await rollbacks.runDue();
    for (let interrupted = 1; interrupted < ROLLBACK_MAX_ATTEMPTS; interrupted++) {
      await leaseOver(job.id);
      expect(await rollbacks.runDue()).toBe(1);
      const row = await jobRow(job.id);
      expect(row).toMatchObject({
        status: 'rollingBack',
        lease_owner: rollbacks.owner,
        error_en: expect.stringContaining(`Attempt ${interrupted} of ${ROLLBACK_MAX_ATTEMPTS} of the rollback was interrupted`),
        error_zh: expect.stringContaining(`第 ${interrupted} 次尝试中断`),
      });
      expect(Number(row.rollback_failures)).toBe(interrupted);
    }
    // The last one is counted when the rollback is claimed again: it ends there, undoing nothing, though nothing would stop it now.
    rollbacks.stopAfterBatches = undefined;
    const removal = vi.spyOn(records, 'importRemoveIn');
    await leaseOver(job.id);
    expect(await rollbacks.runDue()).toBe(1);
    expect(removal).not.toHaveBeenCalled();
    expect((await importer<ImportJob>('GET', `/api/imports/${job.id}`)).body).toMatchObject({
      status: 'rollbackFailed',
      rollback: { total: 2, removed: 0 },
      error: {
        message: expect.stringContaining(`failed ${ROLLBACK_MAX_ATTEMPTS} times in a row (last: interrupted`),
        messageZh: expect.stringContaining(`连续 ${ROLLBACK_MAX_ATTEMPTS} 次失败（最后一次：中断`),
      },
    });
    const ended = await jobRow(job.id);
    expect(ended).toMatchObject({ lease_owner: null });
    expect(Number(ended.rollback_failures)).toBe(ROLLBACK_MAX_ATTEMPTS);
    expect(await left(ids)).toHaveLength(2);
    await leaseOver(job.id);
    await waitOver(job.id);
    expect(await rollbacks.runDue()).toBe(0);
  });

  it('acts as whoever asked for it, audited as them; one who lost the import right stops it, and asks again once it is back', async () => {
    const done = await committed(importer, 1);
    expect((await importer('POST', `/api/imports/${done.job.id}/rollback`)).status).toBe(202);
    await rollbacks.runDue();
    expect((await jobRow(done.job.id)).rollback_requested_by).toBe(importerId);
    expect(await lastWriter(Object.values(done.ids)[0]!)).toEqual({ actor_id: importerId, actor_name: 'rb_rm' });

    const { job, ids } = await committed(importer, 2);
    // The first attempt fails; before the next, the importer's roles no longer grant import.
    removalFailsFor((_id, call) => call === 1);
    expect((await importer('POST', `/api/imports/${job.id}/rollback`)).status).toBe(202);
    await rollbacks.runDue();
    expect((await server.request('PATCH', `/api/auth/users/${importerId}`, { roles: ['rb_clerk'] })).status).toBe(200);
    await waitOver(job.id);
    await rollbacks.runDue();
    const stopped = (await importer<ImportJob>('GET', `/api/imports/${job.id}`)).body;
    expect(stopped).toMatchObject({
      status: 'rollbackFailed',
      rollback: { total: 2, removed: 0 },
      error: { message: expect.stringContaining('no longer holds the import right'), messageZh: expect.stringContaining('导入权限') },
    });
    expect(await left(ids)).toHaveLength(2);
    // Without the right they may not ask again; with it back, they may, and the rollback is theirs.
    expect((await importer('POST', `/api/imports/${job.id}/rollback`)).status).toBe(403);
    expect((await server.request('PATCH', `/api/auth/users/${importerId}`, { roles: ['rb_importer'] })).status).toBe(200);
    expect((await importer('POST', `/api/imports/${job.id}/rollback`)).status).toBe(202);
    await rollbacks.runDue();
    expect((await importer<ImportJob>('GET', `/api/imports/${job.id}`)).body).toMatchObject({ status: 'rolledBack', rollback: { removed: 2 } });
    for (const id of Object.values(ids)) expect(await lastWriter(id)).toEqual({ actor_id: importerId, actor_name: 'rb_rm' });
  });

  it('stops once the person who asked for it is deactivated', async () => {
    const created = await server.request<{ id: string }>('POST', '/api/auth/users', { username: 'rb_leaver', displayName: 'rb_leaver', roles: ['rb_importer'], password: PASSWORD });
    expect(created.status).toBe(201);
    const leaver = await server.signIn('rb_leaver', PASSWORD);
    const { job, ids } = await committed(leaver, 1);
    removalFailsFor((_id, call) => call === 1);
    expect((await leaver('POST', `/api/imports/${job.id}/rollback`)).status).toBe(202);
    await rollbacks.runDue();
    expect((await server.request('POST', `/api/auth/users/${created.body.id}/disable`)).status).toBe(200);
    await waitOver(job.id);
    await rollbacks.runDue();
    expect(await jobRow(job.id)).toMatchObject({ status: 'rollbackFailed', error_en: expect.stringContaining('was deactivated'), error_zh: expect.stringContaining('已停用') });
    expect(await left(ids)).toHaveLength(1);
  });

  it('finishes a rollback asked for before requesters were recorded (migration 0029) as the importer', async () => {
    const { job, ids } = await committed(importer, 1);
    // The schema as it was before 0029, with a rollback asked for then; the migration runs again.
    await server.database.dataSource.undoLastMigration({ transaction: 'each' });
    await server.database.single((sql) =>
      sql.execute("UPDATE bf_import_job SET status = 'rollingBack', rollback_total = 1, rollback_removed = 0, rollback_restored = 0, rollback_changed_since = 0 WHERE id = ?", [job.id]),
    );
    await server.database.dataSource.runMigrations({ transaction: 'each' });
    expect(await jobRow(job.id)).toMatchObject({ status: 'rollingBack', rollback_requested_by: importerId });
    expect(Number((await jobRow(job.id)).rollback_failures)).toBe(0);
    await rollbacks.runDue();
    expect((await importer<ImportJob>('GET', `/api/imports/${job.id}`)).body).toMatchObject({ status: 'rolledBack', rollback: { total: 1, removed: 1 } });
    expect(await lastWriter(Object.values(ids)[0]!)).toEqual({ actor_id: importerId, actor_name: 'rb_rm' });
  });

  it('stops, rather than acting as the server, once the API key that asked for it is revoked', async () => {
    const created = await server.request<{ id: string; key: string }>('POST', '/api/auth/api-keys', { name: 'rb-feed', roles: ['rb_importer'], scope: { entities: { rb_account: ['create', 'read', 'update', 'import'] }, dataScope: 'own' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const feed: Requester = (method, path, body, headers = {}) => server.anonymous(method, path, body, { authorization: `Bearer ${created.body.key}`, ...headers });
    const { job, ids } = await committed(feed, 1);
    removalFailsFor((_id, call) => call === 1);
    expect((await feed('POST', `/api/imports/${job.id}/rollback`)).status).toBe(202);
    await rollbacks.runDue();
    expect((await jobRow(job.id)).rollback_requested_by).toBe(created.body.id);
    expect((await server.request('POST', `/api/auth/api-keys/${created.body.id}/revoke`)).status).toBeLessThan(300);
    await waitOver(job.id);
    await rollbacks.runDue();
    expect(await jobRow(job.id)).toMatchObject({ status: 'rollbackFailed', lease_owner: null, error_en: expect.stringContaining('was revoked'), error_zh: expect.stringContaining('吊销') });
    const recordId = Object.values(ids)[0]!;
    expect(await left(ids)).toHaveLength(1);
    expect(await lastWriter(recordId)).toEqual({ actor_id: created.body.id, actor_name: 'api-key:rb-feed' });
    await waitOver(job.id);
    expect(await rollbacks.runDue()).toBe(0);
  });

  it('lets an administrator roll back a job imported through an API key since revoked, acting and audited as the administrator; they may read it, not run it', async () => {
    const created = await server.request<{ id: string; key: string }>('POST', '/api/auth/api-keys', { name: 'rb-gone-feed', roles: ['rb_importer'], scope: { entities: { rb_account: ['create', 'read', 'update', 'import'] }, dataScope: 'own' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const feed: Requester = (method, path, body, headers = {}) => server.anonymous(method, path, body, { authorization: `Bearer ${created.body.key}`, ...headers });
    const { job, ids } = await committed(feed, 2);
    expect((await server.request('POST', `/api/auth/api-keys/${created.body.id}/revoke`)).status).toBeLessThan(300);
    // The key can no longer ask.
    expect((await feed('POST', `/api/imports/${job.id}/rollback`)).status).toBe(401);
    const [admin] = await server.database.read((sql) => sql.rows<{ id: string }>("SELECT id FROM bf_user WHERE username = 'admin'"));

    // An administrator reads the job and its problems, but may not change or run it: that stays the uploader's.
    expect((await server.request<ImportJob>('GET', `/api/imports/${job.id}`)).body).toMatchObject({ id: job.id, status: 'done', created: 2 });
    expect((await server.request<{ total: number }>('GET', `/api/imports/${job.id}/problems`)).body).toMatchObject({ items: [], total: 0 });
    expect((await server.request('PUT', `/api/imports/${job.id}`, { columns: job.columns, match: { field: 'account_no', onMatch: 'update', onNew: 'create' } })).status).toBe(404);
    expect((await server.request('POST', `/api/imports/${job.id}/run`)).status).toBe(404);

    const asked = await server.request<ImportJob>('POST', `/api/imports/${job.id}/rollback`);
    expect(asked.status, JSON.stringify(asked.body)).toBe(202);
    expect(asked.body).toMatchObject({ id: job.id, status: 'rollingBack', rollback: { total: 2, removed: 0 } });
    expect((await jobRow(job.id)).rollback_requested_by).toBe(admin!.id);
    await rollbacks.runDue();
    expect((await server.request<ImportJob>('GET', `/api/imports/${job.id}`)).body).toMatchObject({ status: 'rolledBack', error: null, rollback: { total: 2, removed: 2, restored: 0, changedSince: 0 } });
    expect(await left(ids)).toEqual([]);
    // The removals are the administrator's in the audit log, not the revoked key's.
    for (const id of Object.values(ids)) expect(await lastWriter(id)).toEqual({ actor_id: admin!.id, actor_name: 'admin' });
    expect((await server.request<{ ok: boolean }>('GET', '/api/audit/verify')).body.ok).toBe(true);
  });

  it("answers anyone else's job 404 to a person who is not an administrator, as if it did not exist", async () => {
    const created = await server.request<{ id: string }>('POST', '/api/auth/users', { username: 'rb_neighbour', displayName: 'rb_neighbour', roles: ['rb_importer'], password: PASSWORD });
    expect(created.status).toBe(201);
    const neighbour = await server.signIn('rb_neighbour', PASSWORD);
    const { job, ids } = await committed(importer, 1);
    const missing = '/api/imports/00000000-0000-4000-8000-000000000000';
    for (const [method, path] of [
      ['POST', `/api/imports/${job.id}/rollback`],
      ['GET', `/api/imports/${job.id}`],
      ['GET', `/api/imports/${job.id}/problems`],
    ] as const) {
      const answer = await neighbour<{ code: string }>(method, path);
      expect(answer.status, `${method} ${path}`).toBe(404);
      expect(answer.body.code).toBe('importNotFound');
    }
    // The same answer as for a job that does not exist.
    const absent = await neighbour<{ code: string }>('GET', missing);
    expect(absent.status).toBe(404);
    expect(absent.body.code).toBe('importNotFound');
    expect(await jobRow(job.id)).toMatchObject({ status: 'done', rollback_requested_by: null });
    expect(await left(ids)).toHaveLength(1);
  });
});
