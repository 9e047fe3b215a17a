/**
 * Bulk imports over SQLite and MariaDB: a CSV with Chinese headers is mapped by label, a dry run
 * writes nothing and lists the bad rows, the committed run updates the customers it finds by
 * resident ID (through the blind index) within the importer's scope and creates the rest, a run
 * cut short resumes from its checkpoint on a restarted server, and a rollback undoes it all.
 * Neither problems nor stored job data carry a resident ID or mobile in clear.
 */
import { residentIdCheckCharacter, type EntityDefinition } from '@bankforge/data-model';
import type { ImportJob, ImportProblemPage } from '@bankforge/client';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportFileRetention } from '../src/modules/imports/import-file-retention.js';
import { ImportRollbacks } from '../src/modules/imports/import-rollback.js';
import { ImportRunner } from '../src/modules/imports/import-runner.js';
import type { RoleDefinition } from '../src/modules/access/role.js';
import { field } from './fixtures.js';
import { dialects, startTestServer, type Requester, type TestServer } from './harness.js';

// The tests drive the runner by hand, in batches of two rows so that a file spans several.
process.env.BANKFORGE_IMPORT_POLL_MS = '0';
process.env.BANKFORGE_IMPORT_BATCH_ROWS = '2';

const PASSWORD = 'Import-Pass-2026';

const rid = (first17: string): string => first17 + residentIdCheckCharacter(first17);
const RID_MINE = rid('11010519491231002');
const RID_THEIRS = rid('11010519500101003');
const RID_NEW = rid('11010519601010004');
const MOBILE_NEW = '13912345678';

const customer: EntityDefinition = {
  kind: 'entity',
  key: 'im_customer',
  title: 'Customer',
  label: { en: 'Customer', 'zh-CN': '客户' },
  fields: [
    field('i_no', 'customer_no', 'text', { label: { en: 'Customer number', 'zh-CN': '客户号' }, required: true, unique: true, pattern: '^C\\d{10}$', maxLength: 11 }),
    field('i_name', 'name', 'text', { label: { en: 'Name', 'zh-CN': '客户名称' }, required: true, maxLength: 60 }),
    field('i_rid', 'resident_id', 'residentId', { label: { en: 'Resident ID number', 'zh-CN': '居民身份证号' }, sensitive: true, unique: true }),
    field('i_mobile', 'mobile', 'mobile', { label: { en: 'Mobile', 'zh-CN': '手机号' }, sensitive: true, indexed: true }),
    field('i_segment', 'segment', 'singleSelect', {
      label: { en: 'Segment', 'zh-CN': '客户分层' },
      options: [
        { value: 'mass', label: { en: 'Mass', 'zh-CN': '大众客户' } },
        { value: 'affluent', label: { en: 'Affluent', 'zh-CN': '财富客户' } },
      ],
    }),
  ],
};

const ROLES: RoleDefinition[] = [
  { key: 'im_importer', label: { en: 'Importer' }, entities: { im_customer: { create: 'own', read: 'own', update: 'own', import: 'own' } } },
  { key: 'im_clerk', label: { en: 'Clerk' }, entities: { im_customer: { create: 'own', read: 'own', update: 'own' } } },
];

/** The file: a header in Chinese (and one column no field has), an update of the importer's customer, a match outside their scope, a new customer, a bad mobile. */
const CSV = [
  '客户号,客户名称,居民身份证号,手机号,客户分层,备注',
  `C0000000001,王伟（更新）,${RID_MINE},,财富客户,x`,
  `C0000000002,李娜（他人）,${RID_THEIRS},,大众客户,x`,
  `C0000000003,张敏,${RID_NEW},${MOBILE_NEW},Mass,x`,
  'C0000000004,刘洋,,1234,mass,x',
].join('\r\n');

async function upload(as: Requester, csv: string, entity = 'im_customer'): Promise<{ status: number; body: ImportJob & { code?: string } }> {
  return as<ImportJob & { code?: string }>('POST', `/api/imports?entity=${entity}&name=customers.csv`, csv, { 'content-type': 'text/csv' });
}

async function mapAndMatch(as: Requester, job: ImportJob): Promise<void> {
  const saved = await as('PUT', `/api/imports/${job.id}`, { columns: job.columns, match: { field: 'resident_id', onMatch: 'update', onNew: 'create' } });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
}

describe.each(dialects())('imports on %s', (dialect) => {
  let server: TestServer;
  let importer: Requester;
  let clerk: Requester;
  let runner: ImportRunner;
  const names = async (): Promise<Record<string, string>> => {
    const page = await server.request<{ items: { customer_no: string; name: string }[] }>('POST', '/api/records/im_customer/query', { limit: 100 });
    return Object.fromEntries(page.body.items.map((r) => [r.customer_no, r.name]));
  };
  /** Whether the job's uploaded file is still on disk. */
  const fileKept = async (id: string, on: TestServer = server): Promise<boolean> => {
    const [row] = await on.database.read((sql) => sql.rows<{ file_path: string }>('SELECT file_path FROM bf_import_job WHERE id = ?', [id]));
    return existsSync(join(on.dataDir, 'imports', row!.file_path));
  };
  const until = async (as: Requester, id: string): Promise<ImportJob> => {
    await runner.runDue();
    return (await as<ImportJob>('GET', `/api/imports/${id}`)).body;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    runner = server.app.get(ImportRunner);
    await server.publishEntity(customer);
    for (const role of ROLES) expect((await server.request('PUT', `/api/auth/roles/${role.key}`, role)).status).toBe(200);
    for (const [username, role] of [['im_rm', 'im_importer'], ['im_clerk', 'im_clerk']]) {
      expect((await server.request('POST', '/api/auth/users', { username, displayName: username, roles: [role], password: PASSWORD })).status).toBe(201);
    }
    importer = await server.signIn('im_rm', PASSWORD);
    clerk = await server.signIn('im_clerk', PASSWORD);
    // The importer's own customer, and one of someone else's (the administrator's).
    expect((await importer('POST', '/api/records/im_customer', { customer_no: 'C0000000001', name: '王伟', resident_id: RID_MINE, segment: 'mass' })).status).toBe(201);
    expect((await server.request('POST', '/api/records/im_customer', { customer_no: 'C0000000002', name: '李娜', resident_id: RID_THEIRS, segment: 'mass' })).status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('refuses an upload to a person whose roles do not grant import (403)', async () => {
    const refused = await upload(clerk, CSV);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
  });

  it('maps the Chinese headers to fields by label, dry-runs without writing, runs, and rolls back', async () => {
    const uploaded = await upload(importer, CSV);
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    const job = uploaded.body;
    expect(job.columns).toEqual([
      { header: '客户号', field: 'customer_no' },
      { header: '客户名称', field: 'name' },
      { header: '居民身份证号', field: 'resident_id' },
      { header: '手机号', field: 'mobile' },
      { header: '客户分层', field: 'segment' },
      { header: '备注', field: null },
    ]);
    expect(job.status).toBe('uploaded');
    // A run needs the match rule first.
    expect((await importer('POST', `/api/imports/${job.id}/run`)).status).toBe(409);
    await mapAndMatch(importer, job);

    const before = await names();
    const eventsBefore = await server.database.read((sql) => sql.rows<{ n: number | string }>('SELECT COUNT(*) AS n FROM bf_domain_event'));
    expect((await importer('POST', `/api/imports/${job.id}/dry-run`)).status).toBe(202);
    const dry = await until(importer, job.id);
    expect(dry).toMatchObject({ status: 'done', mode: 'dryRun', rowsTotal: 4, rowsDone: 4, created: 1, updated: 1, skipped: 0, failed: 2 });
    expect(await names()).toEqual(before);
    const eventsAfter = await server.database.read((sql) => sql.rows<{ n: number | string }>('SELECT COUNT(*) AS n FROM bf_domain_event'));
    expect(Number(eventsAfter[0]!.n)).toBe(Number(eventsBefore[0]!.n));
    const dryProblems = (await importer<ImportProblemPage>('GET', `/api/imports/${job.id}/problems`)).body;
    expect(dryProblems.total).toBe(2);
    // A dry run keeps the file: the real run reads it again.
    expect(await fileKept(job.id)).toBe(true);
    expect(dryProblems.items).toEqual([
      expect.objectContaining({ row: 3, path: '/resident_id', code: 'outOfScope', messageZh: expect.stringContaining('数据范围') }),
      expect.objectContaining({ row: 5, path: '/mobile', code: expect.any(String), message: expect.stringContaining('mobile'), messageZh: expect.stringContaining('手机') }),
    ]);

    expect((await importer('POST', `/api/imports/${job.id}/run`)).status).toBe(202);
    const done = await until(importer, job.id);
    expect(done).toMatchObject({ status: 'done', mode: 'commit', rowsDone: 4, created: 1, updated: 1, failed: 2 });
    // The committed run's file (customers' data in clear) is deleted as the run ends.
    expect(await fileKept(job.id)).toBe(false);
    // Updated by resident ID (its name and segment by option label), the other RM's customer untouched, the new one created.
    const mine = await importer<{ items: { name: string; segment: string; version: number }[] }>('POST', '/api/records/im_customer/query', { filter: { field: 'customer_no', op: 'eq', value: 'C0000000001' } });
    expect(mine.body.items[0]).toMatchObject({ name: '王伟（更新）', segment: 'affluent', version: 2 });
    expect(await names()).toEqual({ C0000000001: '王伟（更新）', C0000000002: '李娜', C0000000003: '张敏' });
    // A committed job cannot be run again.
    expect((await importer('POST', `/api/imports/${job.id}/run`)).status).toBe(409);

    // Nothing sensitive in the answers or the stored job data.
    const stored = await server.database.read(async (sql) => [
      ...(await sql.rows('SELECT * FROM bf_import_job WHERE id = ?', [job.id])),
      ...(await sql.rows('SELECT * FROM bf_import_problem WHERE job_id = ?', [job.id])),
      ...(await sql.rows('SELECT * FROM bf_import_change WHERE job_id = ?', [job.id])),
    ]);
    const problems = (await importer<ImportProblemPage>('GET', `/api/imports/${job.id}/problems`)).body;
    for (const text of [JSON.stringify(stored), JSON.stringify(problems), JSON.stringify(done)]) {
      for (const secret of [RID_MINE, RID_THEIRS, RID_NEW, MOBILE_NEW, '1234']) expect(text).not.toContain(secret);
    }

    // Another person cannot see the job; administrators see every job with its uploader, others may not ask for them.
    expect((await clerk('GET', `/api/imports/${job.id}`)).status).toBe(404);
    const all = await server.request<ImportJob[]>('GET', '/api/imports?scope=all');
    expect(all.body.find((j) => j.id === job.id)).toMatchObject({ createdByName: 'im_rm', status: 'done' });
    expect((await importer('GET', '/api/imports?scope=all')).status).toBe(403);
    expect((await importer<ImportJob[]>('GET', '/api/imports')).body.map((j) => j.id)).toContain(job.id);

    // The rollback is the job's background run: asked for, it answers at once (202) and a replica works through it.
    const rolled = await importer<ImportJob>('POST', `/api/imports/${job.id}/rollback`);
    expect(rolled.status, JSON.stringify(rolled.body)).toBe(202);
    expect(rolled.body).toMatchObject({ id: job.id, status: 'rollingBack', rollback: { total: 2 } });
    await server.app.get(ImportRollbacks).runDue();
    expect((await importer<ImportJob>('GET', `/api/imports/${job.id}`)).body).toMatchObject({ status: 'rolledBack', progress: 1, rollback: { total: 2, removed: 1, restored: 1, changedSince: 0 } });
    // Asked again, it answers the job as it is and undoes nothing twice; another person finds no job.
    expect((await importer<ImportJob>('POST', `/api/imports/${job.id}/rollback`)).body).toMatchObject({ status: 'rolledBack', rollback: { removed: 1, restored: 1 } });
    expect((await clerk('POST', `/api/imports/${job.id}/rollback`)).status).toBe(404);
    expect(await names()).toEqual({ C0000000001: '王伟', C0000000002: '李娜' });
    const restored = await importer<{ items: { segment: string; resident_id: string }[] }>('POST', '/api/records/im_customer/query', { filter: { field: 'customer_no', op: 'eq', value: 'C0000000001' } });
    expect(restored.body.items[0]).toMatchObject({ segment: 'mass', resident_id: RID_MINE });
  });

  it('writes a batch of creates together with one audit entry and one domain event per record, the chain intact; a unique value taken fails only its row', async () => {
    runner.batchRows = 50;
    try {
      const rows = Array.from({ length: 40 }, (_, i) => `C20000000${String(i).padStart(2, '0')},批量${i},${i % 2 === 0 ? 'mass' : '大众客户'}`);
            const csv = ['customer_no,name,segment', ...rows, 'C2000000000,重复,mass'].join('\n');
      const job = (await upload(importer, csv)).body;
      expect(job.columns.map((c) => c.field)).toEqual(['customer_no', 'name', 'segment']);
      expect((await importer('PUT', `/api/imports/${job.id}`, { columns: job.columns, match: { field: 'customer_no', onMatch: 'skip', onNew: 'create' } })).status).toBe(200);
      expect((await importer('POST', `/api/imports/${job.id}/run`)).status).toBe(202);
      const done = await until(importer, job.id);
      // customer_no is the match field: the 41st row finds the record row 2 created, and is skipped.
      expect(done).toMatchObject({ status: 'done', rowsDone: 41, created: 40, skipped: 1, failed: 0 });
      const ids = await server.database.read((sql) => sql.rows<{ id: string }>("SELECT id FROM e_im_customer WHERE customer_no LIKE 'C20%'"));
      expect(ids).toHaveLength(40);
      const audited = await server.database.read((sql) => sql.rows<{ n: number | string }>(`SELECT COUNT(*) AS n FROM bf_audit WHERE action = 'create' AND record_id IN (${ids.map(() => '?').join(', ')})`, ids.map((r) => r.id)));
      const events = await server.database.read((sql) => sql.rows<{ n: number | string }>(`SELECT COUNT(*) AS n FROM bf_domain_event WHERE type = 'record.created' AND record_id IN (${ids.map(() => '?').join(', ')})`, ids.map((r) => r.id)));
      expect([Number(audited[0]!.n), Number(events[0]!.n)]).toEqual([40, 40]);
      expect((await server.request<{ ok: boolean }>('GET', '/api/audit/verify')).body.ok).toBe(true);

      // Matched by resident ID: a row whose customer number is taken by a record it does not match fails alone.
      const clash = (await upload(importer, ['customer_no,name,居民身份证号', `C2000000001,撞号,${rid('44010619900202001')}`, `C2100000001,新客户,${rid('44010619900202002')}`].join('\n'))).body;
      expect((await importer('PUT', `/api/imports/${clash.id}`, { columns: clash.columns, match: { field: 'resident_id', onMatch: 'update', onNew: 'create' } })).status).toBe(200);
      expect((await importer('POST', `/api/imports/${clash.id}/run`)).status).toBe(202);
      expect(await until(importer, clash.id)).toMatchObject({ status: 'done', created: 1, failed: 1 });
      const problems = (await importer<ImportProblemPage>('GET', `/api/imports/${clash.id}/problems`)).body;
      expect(problems.items).toEqual([expect.objectContaining({ row: 2, path: '/customer_no', code: 'unique', messageZh: expect.stringContaining('唯一') })]);
      expect((await server.request<{ ok: boolean }>('GET', '/api/audit/verify')).body.ok).toBe(true);
    } finally {
      runner.batchRows = 2;
    }
  });

  it('reads an XLSX file as it reads a CSV, and refuses other types (415) and files over the cap (413)', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(['客户号', 'Name', 'resident id number', '信用分']);
    sheet.addRow(['C3000000001', '赵磊', rid('32010219850505001'), null]);
    sheet.addRow([]);
    sheet.addRow(['C3000000002', { richText: [{ text: '钱' }, { text: '敏' }] }, rid('32010219850505002'), null]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    // The binary body goes with the importer's own session cookie (the test requesters send text).
    const login = await server.anonymous('POST', '/api/auth/login', { username: 'im_rm', password: PASSWORD });
    const cookie = /bf_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];
    const response = await fetch(`${server.url}/api/imports?entity=im_customer&name=customers.xlsx`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      body: file,
    });
    const uploaded = { status: response.status, body: (await response.json()) as ImportJob };
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    expect(uploaded.body.format).toBe('xlsx');
    expect(uploaded.body.columns.map((c) => c.field)).toEqual(['customer_no', 'name', 'resident_id', null]);
    await mapAndMatch(importer, uploaded.body);
    expect((await importer('POST', `/api/imports/${uploaded.body.id}/dry-run`)).status).toBe(202);
    expect(await until(importer, uploaded.body.id)).toMatchObject({ status: 'done', rowsTotal: 2, created: 2, failed: 0 });

    const text = await importer<{ code: string }>('POST', '/api/imports?entity=im_customer&name=a.txt', 'a,b', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    process.env.BANKFORGE_IMPORT_MAX_BYTES = '10';
    try {
      const large = await upload(importer, CSV);
      expect(large.status).toBe(413);
      expect(large.body.code).toBe('importTooLarge');
    } finally {
      delete process.env.BANKFORGE_IMPORT_MAX_BYTES;
    }
  });

  it('matches by mobile through the blind index, and refuses a row whose mobile two customers share', async () => {
    for (const [no, mobile] of [['C4000000001', '13700000001'], ['C4000000002', '13700000002'], ['C4000000003', '13700000002']]) {
      expect((await importer('POST', '/api/records/im_customer', { customer_no: no, name: '手机客户', mobile, segment: 'mass' })).status).toBe(201);
    }
    const job = (await upload(importer, ['客户名称,手机号', '手机客户（新）,137 0000 0001', '手机客户（新）,137-0000-0002'].join('\n'))).body;
    expect((await importer('PUT', `/api/imports/${job.id}`, { columns: job.columns, match: { field: 'mobile', onMatch: 'update', onNew: 'skip' } })).status).toBe(200);
    expect((await importer('POST', `/api/imports/${job.id}/run`)).status).toBe(202);
    expect(await until(importer, job.id)).toMatchObject({ status: 'done', updated: 1, failed: 1 });
    const problems = (await importer<ImportProblemPage>('GET', `/api/imports/${job.id}/problems`)).body;
    expect(problems.items).toEqual([expect.objectContaining({ row: 3, path: '/mobile', code: 'ambiguousMatch' })]);
    expect(JSON.stringify(problems)).not.toContain('13700000002');
    expect((await names()).C4000000001).toBe('手机客户（新）');
  });

  it('refuses a match field that cannot identify a record, and one no column is mapped to', async () => {
    const job = (await upload(importer, CSV)).body;
    const notMatchable = await importer<{ errors: { path: string; code: string }[] }>('PUT', `/api/imports/${job.id}`, { columns: job.columns, match: { field: 'name', onMatch: 'update', onNew: 'create' } });
    expect(notMatchable.status).toBe(422);
    expect(notMatchable.body.errors[0]).toMatchObject({ path: '/match/field', code: 'notMatchable' });
    const unmapped = job.columns.map((c) => (c.field === 'mobile' ? { ...c, field: null } : c));
    const notMapped = await importer<{ errors: { code: string }[] }>('PUT', `/api/imports/${job.id}`, { columns: unmapped, match: { field: 'mobile', onMatch: 'skip', onNew: 'create' } });
    expect(notMapped.body.errors[0]?.code).toBe('matchNotMapped');
  });

  it('refuses at the mapping a required field no column maps to when rows create records, naming it once in both languages', async () => {
    const job = (await upload(importer, CSV)).body;
    const noName = job.columns.map((c) => (c.field === 'name' ? { ...c, field: null } : c));
    const refused = await importer<{ code: string; errors: { path: string; code: string; message: string; messageZh: string }[] }>('PUT', `/api/imports/${job.id}`, { columns: noName, match: { field: 'resident_id', onMatch: 'update', onNew: 'create' } });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('invalidImportSettings');
    expect(refused.body.errors).toEqual([
      { path: '/columns', code: 'requiredNotMapped', message: 'No column maps to Name (required for the records the import creates)', messageZh: '没有列对应客户名称（新建记录时必填）' },
    ]);
    // Rows that only update (or skip) leave the field as it is: the same mapping is taken.
    expect((await importer('PUT', `/api/imports/${job.id}`, { columns: noName, match: { field: 'resident_id', onMatch: 'update', onNew: 'skip' } })).status).toBe(200);
  });

  it('refuses to start a run whose saved mapping leaves a field made required since unmapped', async () => {
    const branch: EntityDefinition = {
      kind: 'entity',
      key: 'im_branch',
      title: 'Branch',
      label: { en: 'Branch', 'zh-CN': '网点' },
      fields: [field('b_code', 'code', 'text', { label: { en: 'Code', 'zh-CN': '网点代码' }, required: true, unique: true }), field('b_city', 'city', 'text', { label: { en: 'City', 'zh-CN': '城市' } })],
    };
    await server.publishEntity(branch);
    const job = (await upload(server.request, '网点代码\r\nB001', 'im_branch')).body;
    expect((await server.request('PUT', `/api/imports/${job.id}`, { columns: job.columns, match: { field: 'code', onMatch: 'update', onNew: 'create' } })).status).toBe(200);
    await server.publishEntity({ ...branch, fields: [branch.fields[0]!, { ...branch.fields[1]!, required: true }] });
    const refused = await server.request<{ errors: { code: string; messageZh: string }[] }>('POST', `/api/imports/${job.id}/dry-run`);
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toMatchObject([{ code: 'requiredNotMapped', messageZh: '没有列对应城市（新建记录时必填）' }]);
  });

  it('deletes the file of a job left unrun past the retention and marks it expired; a queued job and a fresh upload keep theirs', async () => {
    const retention = server.app.get(ImportFileRetention);
    expect(retention.retentionHours).toBe(24);
    const abandoned = (await upload(importer, CSV)).body;
    const dried = (await upload(importer, CSV)).body;
    await mapAndMatch(importer, dried);
    expect((await importer('POST', `/api/imports/${dried.id}/dry-run`)).status).toBe(202);
    expect(await until(importer, dried.id)).toMatchObject({ status: 'done', mode: 'dryRun' });
    // Nothing to undo: a dry run is not rolled back.
    const notCommitted = await importer<{ code: string; errors: { messageZh: string }[] }>('POST', `/api/imports/${dried.id}/rollback`);
    expect([notCommitted.status, notCommitted.body.code, notCommitted.body.errors[0]!.messageZh]).toEqual([409, 'importNotRollbackable', expect.stringContaining('回滚')]);
    const queued = (await upload(importer, CSV)).body;
    await mapAndMatch(importer, queued);
    // Queued as `run` queues it, waiting for a replica (here the run would start at once).
    await server.database.single((sql) => sql.execute("UPDATE bf_import_job SET mode = 'commit', status = 'queued' WHERE id = ?", [queued.id]));

    // 23 hours on, nothing has expired.
    await retention.sweep(Date.now() + 23 * 3_600_000);
    expect((await importer<ImportJob>('GET', `/api/imports/${abandoned.id}`)).body.status).toBe('uploaded');
    expect(await fileKept(abandoned.id)).toBe(true);

    // 25 hours on: the upload and the dry-run job are expired with their files gone; the queued run keeps its file and runs.
    await retention.sweep(Date.now() + 25 * 3_600_000);
    for (const id of [abandoned.id, dried.id]) {
      const expired = (await importer<ImportJob>('GET', `/api/imports/${id}`)).body;
      expect(expired).toMatchObject({ status: 'expired', error: { message: expect.stringContaining('24 hours'), messageZh: expect.stringContaining('24 小时') } });
      expect(await fileKept(id)).toBe(false);
    }
    const refused = await importer<{ code: string; errors: { messageZh: string }[] }>('POST', `/api/imports/${dried.id}/run`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('importExpired');
    expect(refused.body.errors[0]!.messageZh).toContain('重新上传');
    expect((await importer('PUT', `/api/imports/${abandoned.id}`, { columns: abandoned.columns, match: { field: 'resident_id', onMatch: 'update', onNew: 'create' } })).status).toBe(409);
    expect(await fileKept(queued.id)).toBe(true);
    expect((await importer<ImportJob>('GET', `/api/imports/${queued.id}`)).body.status).toBe('queued');
    expect(await until(importer, queued.id)).toMatchObject({ status: 'done', mode: 'commit' });
    expect(await fileKept(queued.id)).toBe(false);
    // A file a crash left behind after its run ended is deleted by the next sweep.
    await server.database.single((sql) => sql.execute('UPDATE bf_import_job SET file_purged_at = NULL WHERE id = ?', [queued.id]));
    expect((await retention.sweep()).purged).toBeGreaterThanOrEqual(1);
    const [row] = await server.database.read((sql) => sql.rows<{ file_purged_at: string | null }>('SELECT file_purged_at FROM bf_import_job WHERE id = ?', [queued.id]));
    expect(row!.file_purged_at).not.toBeNull();
  });

  it("runs an API key's import as the key (its records its own) and stops a queued run once the key is revoked", async () => {
    const created = await server.request<{ id: string; key: string }>('POST', '/api/auth/api-keys', { name: 'crm-feed', roles: ['im_importer'], scope: { entities: { im_customer: ['create', 'read', 'update', 'import'] }, dataScope: 'own' } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const feed: Requester = (method, path, body, headers = {}) => server.anonymous(method, path, body, { authorization: `Bearer ${created.body.key}`, ...headers });
    const job = (await upload(feed, ['客户号,客户名称', 'C5000000001,接口客户'].join('\n'))).body;
    expect((await feed('PUT', `/api/imports/${job.id}`, { columns: job.columns, match: { field: 'customer_no', onMatch: 'update', onNew: 'create' } })).status).toBe(200);
    expect((await feed('POST', `/api/imports/${job.id}/run`)).status).toBe(202);
    expect(await until(feed, job.id)).toMatchObject({ status: 'done', created: 1 });
    const [record] = await server.database.read((sql) => sql.rows<{ owner_id: string; created_by: string }>("SELECT owner_id, created_by FROM e_im_customer WHERE customer_no = 'C5000000001'"));
    expect(record).toEqual({ owner_id: created.body.id, created_by: created.body.id });
    // Administrators see the key's job named as the audit log names the key.
    expect((await server.request<ImportJob[]>('GET', '/api/imports?scope=all')).body.find((j) => j.id === job.id)).toMatchObject({ createdByName: 'api-key:crm-feed' });

    const next = (await upload(feed, ['客户号,客户名称', 'C5000000002,接口客户'].join('\n'))).body;
    expect((await feed('PUT', `/api/imports/${next.id}`, { columns: next.columns, match: { field: 'customer_no', onMatch: 'update', onNew: 'create' } })).status).toBe(200);
    expect((await server.request('POST', `/api/auth/api-keys/${created.body.id}/revoke`)).status).toBeLessThan(300);
    // Queued as `run` queues it, waiting for a replica when the key is revoked.
    await server.database.single((sql) => sql.execute("UPDATE bf_import_job SET mode = 'commit', status = 'queued' WHERE id = ?", [next.id]));
    await runner.runDue();
    const [stopped] = await server.database.read((sql) => sql.rows<{ status: string; rows_created: number | string; error_zh: string }>('SELECT status, rows_created, error_zh FROM bf_import_job WHERE id = ?', [next.id]));
    expect(stopped).toMatchObject({ status: 'failed', error_zh: expect.stringContaining('吊销') });
    expect(Number(stopped!.rows_created)).toBe(0);
  });

  it('resumes a run cut short from its checkpoint on a restarted server, creating each record once', async () => {
    const rows = Array.from({ length: 5 }, (_, i) => `C10000000${String(i).padStart(2, '0')},客户${i},${rid(`3101011980010100${i}`)}`);
    const job = (await upload(server.request, ['客户号,客户名称,居民身份证号', ...rows].join('\n'))).body;
    await mapAndMatch(server.request, job);
    runner.stopAfterBatches = 1;
    expect((await server.request('POST', `/api/imports/${job.id}/run`)).status).toBe(202);
    const cut = await until(server.request, job.id);
    runner.stopAfterBatches = undefined;
    expect(cut).toMatchObject({ status: 'running', rowsDone: 2, created: 2 });
    // A running job keeps its file through the retention's sweep, however old: the resumed run reads it.
    expect(await server.app.get(ImportFileRetention).sweep(Date.now() + 1000 * 3_600_000)).toMatchObject({ expired: expect.any(Number) });
    expect(await fileKept(job.id)).toBe(true);

    // The server stops; another starts on the same database once the dead one's lease has run out.
    const databaseUrl = (server.database.dataSource.options as { url?: string }).url;
    await server.app.close();
    const restarted = await startTestServer(dialect, { dataDir: server.dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
    try {
      await restarted.database.single((sql) => sql.execute("UPDATE bf_import_job SET lease_until = '2000-01-01 00:00:00' WHERE id = ?", [job.id]));
      await restarted.app.get(ImportRunner).runDue();
      const resumed = (await restarted.request<ImportJob>('GET', `/api/imports/${job.id}`)).body;
      expect(resumed).toMatchObject({ status: 'done', rowsTotal: 5, rowsDone: 5, created: 5, failed: 0 });
      const count = await restarted.request<{ total: number }>('POST', '/api/records/im_customer/query', { filter: { field: 'customer_no', op: 'startsWith', value: 'C10' }, count: true, limit: 1 });
      expect(count.body.total).toBe(5);
      expect(await fileKept(job.id, restarted)).toBe(false);

      // Its rollback, cut short after one batch of two changes, shows its progress and is finished by a restarted server.
      const rollbacks = restarted.app.get(ImportRollbacks);
      rollbacks.batchChanges = 2;
      rollbacks.stopAfterBatches = 1;
      expect((await restarted.request('POST', `/api/imports/${job.id}/rollback`)).status).toBe(202);
      await rollbacks.runDue();
      rollbacks.stopAfterBatches = undefined;
      const halfway = (await restarted.request<ImportJob>('GET', `/api/imports/${job.id}`)).body;
      expect(halfway).toMatchObject({ status: 'rollingBack', progress: 0.4, rollback: { total: 5, removed: 2, restored: 0, changedSince: 0 } });
      // Its lease still runs: another replica leaves it alone.
      const databaseUrl2 = (restarted.database.dataSource.options as { url?: string }).url;
      await restarted.app.close();
      const third = await startTestServer(dialect, { dataDir: server.dataDir, ...(databaseUrl2 ? { databaseUrl: databaseUrl2 } : {}) });
      try {
        const thirdRollbacks = third.app.get(ImportRollbacks);
        thirdRollbacks.batchChanges = 2;
        expect(await thirdRollbacks.runDue()).toBe(0);
        await third.database.single((sql) => sql.execute("UPDATE bf_import_job SET lease_until = '2000-01-01 00:00:00' WHERE id = ?", [job.id]));
        expect(await thirdRollbacks.runDue()).toBe(1);
        expect((await third.request<ImportJob>('GET', `/api/imports/${job.id}`)).body).toMatchObject({ status: 'rolledBack', rollback: { total: 5, removed: 5, restored: 0, changedSince: 0 } });
        const left = await third.request<{ total: number }>('POST', '/api/records/im_customer/query', { filter: { field: 'customer_no', op: 'startsWith', value: 'C10' }, count: true, limit: 1 });
        expect(left.body.total).toBe(0);
        expect((await third.request<{ ok: boolean }>('GET', '/api/audit/verify')).body.ok).toBe(true);
      } finally {
        await third.close();
      }
    } finally {
      await restarted.close();
    }
  }, 60_000);
});
