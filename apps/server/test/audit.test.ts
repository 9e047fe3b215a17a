import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../src/modules/access/actor.js';
import { AuditLog } from '../src/modules/audit/audit-log.js';
import { runAuditVerify } from '../src/modules/audit/audit-verify-command.js';
import { currentAuditChainTriggerSql } from '../src/platform/database/migrations/0023-audit-chain-runs.js';
import { tableNameOf } from '../src/modules/metadata/physical-schema.js';
import { dialects, startTestServer, type TestServer } from './harness.js';
import { clientEntity } from './security-fixtures.js';

type Rec = Record<string, unknown> & { id: string; version: number };
interface Entry {
  seq: number;
  action: string;
  actorName: string;
  entity: string | null;
  recordId: string | null;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}
interface Verdict {
  ok: boolean;
  entries: number;
  firstBroken?: { seq: number; reason: string };
}

describe.each(dialects())('the audit log on %s', (dialect) => {
  let server: TestServer;
  const sql = (text: string, params: (string | number)[] = []): Promise<unknown> => server.database.transaction((tx) => tx.execute(text, params));
  const entries = async (query = ''): Promise<Entry[]> => (await server.request<Entry[]>('GET', `/api/audit?limit=1000${query}`)).body;
  const verify = async (): Promise<Verdict> => (await server.request<Verdict>('GET', '/api/audit/verify')).body;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity(clientEntity);
  });
  afterAll(async () => server?.close());

  it('records every change with who and what, sensitive values masked, chained by hashes', async () => {
    const created = await server.request<Rec>('POST', '/api/records/client', { name: '张三', mobile: '13812345678', notes: 'new' });
    const updated = await server.request<Rec>('PATCH', `/api/records/client/${created.body.id}`, { version: 1, mobile: '13987654321', notes: 'changed', name: '张三' });
    expect(updated.status).toBe(200);
    await server.request('DELETE', `/api/records/client/${created.body.id}`);
    await server.request('POST', `/api/records/client/${created.body.id}/restore`);
    const log = await entries(`&entity=client&recordId=${created.body.id}`);
    expect(log.map((e) => e.action)).toEqual(['create', 'update', 'delete', 'restore']);
    expect(log.every((e) => e.actorName === 'admin')).toBe(true);
    expect(log[0]!.detail).toEqual({ values: { name: '张三', mobile: '138****5678', notes: 'new' } });
    // Only what changed, with before and after; the mobile is sensitive, so the log keeps it masked.
    expect(log[1]!.detail).toEqual({ version: 2, changes: { mobile: { before: '138****5678', after: '139****4321' }, notes: { before: 'new', after: 'changed' } } });
    const all = await entries();
    all.forEach((entry, i) => {
      expect(entry.seq).toBe(i + 1);
      expect(entry.prevHash).toBe(i === 0 ? '0'.repeat(64) : all[i - 1]!.hash);
    });
    expect(JSON.stringify(all)).not.toContain('13812345678');
  });

  it('records logins, failed logins, permission changes, publishes, exports and sensitive reads', async () => {
    expect((await server.anonymous('POST', '/api/auth/login', { username: 'admin', password: 'wrong-Password-1' })).status).toBe(401);
    await server.request('PUT', '/api/auth/roles/viewer', { key: 'viewer', label: { en: 'Viewer' }, entities: { client: { read: 'all' } } });
    await server.request('POST', '/api/records/client/export', {});
    const [client] = (await server.request<{ items: Rec[] }>('POST', '/api/records/client/query', {})).body.items;
    await server.request('GET', `/api/records/client/${client!.id}`);
    const actions = (await entries()).map((e) => e.action);
    for (const action of ['login', 'loginFailed', 'permissionChange', 'publish', 'export', 'read']) expect(actions, action).toContain(action);
    const failed = (await entries()).find((e) => e.action === 'loginFailed')!;
    expect(failed.detail).toMatchObject({ username: 'admin', reason: 'wrongPassword' });
    expect(JSON.stringify(failed)).not.toContain('wrong-Password-1');
  });

  it('writes no entry for a change that fails, and no change without its entry', async () => {
    const before = (await entries()).length;
    const invalid = await server.request('POST', '/api/records/client', { name: '', mobile: '123' });
    expect(invalid.status).toBe(422);
    const created = await server.request<Rec>('POST', '/api/records/client', { name: '李四', resident_id: '11010519491231002X' });
    const duplicate = await server.request('POST', '/api/records/client', { name: '王五', resident_id: '11010519491231002X' });
    expect(duplicate.status).toBe(409);
    const stale = await server.request('PATCH', `/api/records/client/${created.body.id}`, { version: 7, notes: 'x' });
    expect(stale.status).toBe(409);
    expect((await entries()).length).toBe(before + 1);
    // And the other way round: if the entry cannot be written, the change is rolled back with it.
    await sql('UPDATE bf_audit_head SET seq = seq - 1 WHERE id = 1');
    try {
      const blocked = await server.request('POST', '/api/records/client', { name: '赵六' });
      expect(blocked.status).toBe(500);
    } finally {
      await sql('UPDATE bf_audit_head SET seq = seq + 1 WHERE id = 1');
    }
    const names = (await server.request<{ items: Rec[] }>('POST', '/api/records/client/query', { filter: { field: 'name', op: 'eq', value: '赵六' } })).body.items;
    expect(names).toEqual([]);
    expect((await verify()).ok).toBe(true);
  });

  it('lets a role granted auditLog read and verify the log, and no other role; the grant gives nothing else', async () => {
    const auditor = { key: 'internal_auditor', label: { en: 'Internal auditor', 'zh-CN': '内审' }, auditLog: true };
    const clerk = { key: 'audit_clerk', label: { en: 'Clerk', 'zh-CN': '柜员' }, entities: { client: { read: 'all' } } };
    for (const role of [auditor, clerk]) expect((await server.request('PUT', `/api/auth/roles/${role.key}`, role)).status).toBe(200);
    for (const [username, role] of [['auditor1', auditor.key], ['clerk1', clerk.key]] as const) {
      expect((await server.request('POST', '/api/auth/users', { username, displayName: username, roles: [role], password: 'Audit-Reader-2026' })).status).toBe(201);
    }
    const asAuditor = await server.signIn('auditor1', 'Audit-Reader-2026');
    const asClerk = await server.signIn('clerk1', 'Audit-Reader-2026');
    const read = await asAuditor<Entry[]>('GET', '/api/audit?limit=5');
    expect(read.status).toBe(200);
    expect(read.body.length).toBe(5);
    expect((await asAuditor<Verdict>('GET', '/api/audit/verify')).body).toMatchObject({ ok: true });
    expect((await asAuditor('GET', '/api/auth/users')).status).toBe(403);
    expect((await asAuditor('POST', '/api/records/client/query', {})).status).toBe(403);
    for (const path of ['/api/audit', '/api/audit/verify']) {
      const refused = await asClerk<{ code: string }>('GET', path);
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('forbidden');
    }
  });

  it('keeps one chain under concurrent writers', async () => {
    const before = (await entries()).length;
    const results = await Promise.all(Array.from({ length: 24 }, (_, i) => server.request('POST', '/api/records/client', { name: `并发${i}` })));
    expect(results.map((r) => r.status)).toEqual(results.map(() => 201));
    const all = await entries();
    expect(all.length).toBe(before + 24);
    expect(new Set(all.map((e) => e.prevHash)).size).toBe(all.length);
    expect(await verify()).toMatchObject({ ok: true, entries: all.length });
  });

  it('appends a run of entries (an import batch) beside other writers into one chain; a run rolled back leaves nothing, and no connection keeps its run open', async () => {
    const run = new AuditLog(server.database);
    const other = new AuditLog(server.database);
    const events = (tag: string, count: number) => Array.from({ length: count }, (_, i) => ({ action: 'create' as const, entity: 'client', recordId: `${tag}-${i}`, detail: { values: { name: `批量${i}`, note: i % 2 === 0 ? undefined : '是' } } }));
    const login = (i: number): Promise<unknown> => other.record(SYSTEM_ACTOR, { action: 'login', detail: { clientIp: `10.0.1.${i}` } });
    await Promise.all([server.database.transaction((tx) => run.appendMany(tx, SYSTEM_ACTOR, events('run', 450))), ...Array.from({ length: 6 }, (_, i) => login(i))]);
    const rolledBack = server.database.transaction(async (tx) => {
      await run.appendMany(tx, SYSTEM_ACTOR, events('undone', 30));
      throw new Error('the batch failed');
    });
    await expect(rolledBack).rejects.toThrow('the batch failed');
    // Every pooled connection's next entry moves the head itself again.
    await Promise.all(Array.from({ length: 12 }, (_, i) => login(100 + i)));
    const all = await entries();
    const ran = all.filter((e) => e.recordId?.startsWith('run-'));
    expect(ran.map((e) => e.recordId)).toEqual(events('run', 450).map((e) => e.recordId));
    expect(ran.at(-1)!.seq - ran[0]!.seq).toBe(449);
    expect(all.some((e) => e.recordId?.startsWith('undone-'))).toBe(false);
    expect(await verify()).toMatchObject({ ok: true, entries: all.length });
    if (dialect !== 'mysql') return;
    // A run's entry must follow the run's last one: the database refuses any other, as it refuses a single entry off the head.
    const [head] = await server.database.read((tx) => tx.rows<{ seq: number | string; hash: string }>('SELECT seq, hash FROM bf_audit_head WHERE id = 1'));
    const forged = server.database.transaction(async (tx) => {
      await tx.execute('SET @bf_audit_run_seq = ?, @bf_audit_run_hash = ?', [Number(head!.seq), 'f'.repeat(64)]);
      try {
        await tx.execute("INSERT INTO bf_audit (seq, at, actor_id, actor_name, action, entity_key, record_id, detail, prev_hash, hash) VALUES (?, '2026-01-01 00:00:00.000', NULL, 'admin', 'logout', NULL, NULL, '{}', ?, ?)", [Number(head!.seq) + 1, head!.hash, 'e'.repeat(64)]);
      } finally {
        await tx.execute('SET @bf_audit_run_seq = NULL, @bf_audit_run_hash = NULL');
      }
    });
    await expect(forged).rejects.toThrow(/audit chain head moved/);
    expect(await verify()).toMatchObject({ ok: true, entries: all.length });
  });

  it('lands a write whose chain head another server moved once, with its entry', async () => {
    const [row] = await server.database.read((tx) => tx.rows<{ version: string }>(dialect === 'mysql' ? 'SELECT VERSION() AS version' : 'SELECT sqlite_version() AS version'));
    // On MariaDB a write and its entry travel as one compound statement; this test must take that path there.
    expect(server.database.compoundStatements).toBe(/mariadb/i.test(row!.version));
    const otherServer = new AuditLog(server.database);
    const moveHead = (): Promise<unknown> => otherServer.record(SYSTEM_ACTOR, { action: 'login', detail: { clientIp: '10.0.0.2' } });
    await moveHead();
    const created = await server.request<Rec>('POST', '/api/records/client', { name: '周七', notes: 'first' });
    expect(created.status).toBe(201);
    await moveHead();
    expect((await server.request('PATCH', `/api/records/client/${created.body.id}`, { version: 1, notes: 'second' })).status).toBe(200);
    await moveHead();
    expect((await server.request('DELETE', `/api/records/client/${created.body.id}?version=2`)).status).toBe(200);
    const log = await entries(`&entity=client&recordId=${created.body.id}`);
    expect(log.map((e) => e.action)).toEqual(['create', 'update', 'delete']);
    const rows = await server.database.read((tx) => tx.rows<{ version: number }>(`SELECT version FROM ${tableNameOf('client')} WHERE id = ?`, [created.body.id]));
    expect(rows.map((r) => Number(r.version))).toEqual([3]);
    expect(await verify()).toMatchObject({ ok: true });
  });

  it('writes no entry for a statement that changed no row', async () => {
    const before = await entries();
    const audit = new AuditLog(server.database);
    const changed = await server.database.transaction((tx) =>
      audit.appendWith(tx, { sql: `UPDATE ${tableNameOf('client')} SET version = version + 1 WHERE id = ?`, params: ['no-such-record'] }, SYSTEM_ACTOR, {
        action: 'update',
        entity: 'client',
        recordId: 'no-such-record',
      }),
    );
    expect(changed).toBe(false);
    expect(await entries()).toEqual(before);
  });

  describe('tampering', () => {
    let pristine: Entry[];
    const restore = async (): Promise<void> => {
      await sql('DELETE FROM bf_audit');
      const last = pristine[pristine.length - 1]!;
      await sql('UPDATE bf_audit_head SET seq = ?, hash = ? WHERE id = 1', [last.seq, last.hash]);
      for (const e of pristine) {
        await sql('INSERT INTO bf_audit (seq, at, actor_id, actor_name, action, entity_key, record_id, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
          e.seq,
          rawAt.get(e.seq)!,
          rawActor.get(e.seq) ?? (null as unknown as string),
          e.actorName,
          e.action,
          e.entity as string,
          e.recordId as string,
          rawDetail.get(e.seq)!,
          e.prevHash,
          e.hash,
        ]);
      }
      expect((await verify()).ok).toBe(true);
    };
    const rawAt = new Map<number, string>();
    const rawActor = new Map<number, string | null>();
    const rawDetail = new Map<number, string>();

    afterAll(async () => {
      await sql(currentAuditChainTriggerSql(dialect));
      expect((await verify()).ok).toBe(true);
    });

    beforeAll(async () => {
      // The database refuses an entry that does not follow the head; a forger with DDL rights drops that guard first.
      const last = (await entries()).at(-1)!;
      const forged = sql('INSERT INTO bf_audit (seq, at, actor_id, actor_name, action, entity_key, record_id, detail, prev_hash, hash) VALUES (?, ?, NULL, ?, ?, NULL, NULL, ?, ?, ?)', [
        last.seq,
        '2026-01-01 00:00:00.000',
        'admin',
        'logout',
        '{}',
        last.prevHash,
        'f'.repeat(64),
      ]);
      await expect(forged).rejects.toThrow(/audit chain head moved/);
      await sql('DROP TRIGGER bf_audit_chain');
      pristine = await entries();
      const rows = await server.database.read((tx) => tx.rows<{ seq: number; at: string; actor_id: string | null; detail: string }>('SELECT seq, at, actor_id, detail FROM bf_audit'));
      for (const row of rows) {
        rawAt.set(Number(row.seq), String(row.at));
        rawActor.set(Number(row.seq), row.actor_id);
        rawDetail.set(Number(row.seq), row.detail);
      }
      expect(pristine.length).toBeGreaterThan(10);
    });

    it('names an edited entry', async () => {
      await sql("UPDATE bf_audit SET actor_name = 'someone_else' WHERE seq = 5");
      expect((await verify()).firstBroken).toEqual({ seq: 5, reason: 'hashMismatch' });
      await restore();
      await sql("UPDATE bf_audit SET detail = '{}' WHERE seq = 7");
      expect((await verify()).firstBroken).toEqual({ seq: 7, reason: 'hashMismatch' });
      await restore();
    });

    it('names a deleted entry, a cut-off tail and a deleted head', async () => {
      await sql('DELETE FROM bf_audit WHERE seq = 6');
      expect((await verify()).firstBroken).toEqual({ seq: 6, reason: 'missingEntry' });
      await restore();
      const last = pristine.length;
      await sql('DELETE FROM bf_audit WHERE seq = ?', [last]);
      expect((await verify()).firstBroken).toEqual({ seq: last, reason: 'missingEntry' });
      await restore();
    });

    it('names reordered entries', async () => {
      await sql('UPDATE bf_audit SET seq = 100000 WHERE seq = 4');
      await sql('UPDATE bf_audit SET seq = 4 WHERE seq = 8');
      await sql('UPDATE bf_audit SET seq = 8 WHERE seq = 100000');
      expect((await verify()).firstBroken).toEqual({ seq: 4, reason: 'prevHashMismatch' });
      await restore();
    });

    it('names an inserted entry, even one whose hashes were recomputed to fit', async () => {
      const last = pristine[pristine.length - 1]!;
      await sql('INSERT INTO bf_audit (seq, at, actor_id, actor_name, action, entity_key, record_id, detail, prev_hash, hash) VALUES (?, ?, NULL, ?, ?, NULL, NULL, ?, ?, ?)', [
        last.seq + 1,
        rawAt.get(last.seq)!,
        'admin',
        'logout',
        '{}',
        last.hash,
        'f'.repeat(64),
      ]);
      expect((await verify()).firstBroken).toEqual({ seq: last.seq + 1, reason: 'hashMismatch' });
      await restore();
      // Shifting later entries to make room in the middle breaks the chain where the forgery sits.
      await sql('UPDATE bf_audit SET seq = seq + 1000 WHERE seq > 3');
      await sql('UPDATE bf_audit SET seq = seq - 999 WHERE seq > 1000');
      await sql('INSERT INTO bf_audit (seq, at, actor_id, actor_name, action, entity_key, record_id, detail, prev_hash, hash) VALUES (4, ?, NULL, ?, ?, NULL, NULL, ?, ?, ?)', [
        rawAt.get(3)!,
        'admin',
        'logout',
        '{}',
        pristine[2]!.hash,
        'e'.repeat(64),
      ]);
      expect((await verify()).firstBroken).toEqual({ seq: 4, reason: 'hashMismatch' });
      await restore();
    });

    it('verifies from the command line too, with an exit code', async () => {
      const lines: string[] = [];
      const source = server.database.dataSource.options;
      const target =
        source.type === 'mysql'
          ? { databaseUrl: (source as { url?: string }).url, dataDir: '/nonexistent' }
          : { databaseUrl: undefined, dataDir: String((source as { database: string }).database).replace(/\/bankforge\.sqlite$/, '') };
      expect(await runAuditVerify(target, (line) => lines.push(line))).toBe(0);
      expect(lines[0]).toMatch(/^audit chain intact: \d+ entries/);
      await sql("UPDATE bf_audit SET action = 'read' WHERE seq = 2");
      expect(await runAuditVerify(target, (line) => lines.push(line))).toBe(1);
      expect(lines[1]).toMatch(/BROKEN at entry 2: hashMismatch/);
      await restore();
    });
  });
});
