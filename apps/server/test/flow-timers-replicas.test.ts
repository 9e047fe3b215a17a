// Issue 18's "Done when": two real server processes on one MariaDB schema fire 1,000 due SLA
// timers, each exactly once, both doing some of the work; and when one of them is killed (SIGKILL)
// mid-run, the other fires what it had claimed once its leases run out, still each exactly once.
// On MariaDB when TEST_MYSQL_URL is set (as in CI), else on the embedded SQLite file, which two
// processes share through SQLite's own file locks: the guarantee must hold on both.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/modules/access/actor.js';
import type { UserRow } from '../src/modules/auth/directory.service.js';
import { DirectoryService } from '../src/modules/auth/directory.service.js';
import { FlowsService } from '../src/modules/flows/flows.service.js';
import { RecordsService } from '../src/modules/records/records.service.js';
import { startTestServer, type TestServer } from './harness.js';
import { openLoanDesk, type LoanDesk } from './loan-fixtures.js';

const CASES = 1000;
const POLL_MS = 200;
/** The timers made due: set to a moment long past, which no timer the flows schedule ever has. */
const PAST = '2020-01-01 00:00:00.000';
const serverDir = fileURLToPath(new URL('..', import.meta.url));

interface Replica {
  name: string;
  process: ChildProcess;
  /** Its owner name on leases starts with `<host>:<pid>:`. */
  pid: number;
  output: string[];
  exited: Promise<number | null>;
}

interface TimerRow {
  id: string;
  instance_id: string;
  timer_id: string;
  state: string;
  lease_owner: string | null;
  attempts: number;
  last_error: string | null;
}

const dialect = process.env.TEST_MYSQL_URL ? 'mysql' : 'sqlite';

describe(`flow timers on two server replicas (${dialect})`, () => {
  let server: TestServer;
  let desk: LoanDesk;
  /** The test's MySQL schema; none on SQLite, where the replicas open the data directory's file. */
  let databaseUrl = '';
  const replicas: Replica[] = [];

  /**
   * A server process as deployed (src/main.ts, compiled on the fly so that it runs this checkout,
   * as the rest of the suite does) on the test's schema and data directory (the replicas share
   * the keyring, as replicas must), polling for due timers every 200 ms.
   */
  const startReplica = async (name: string): Promise<Replica> => {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: server.dataDir,
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        BANKFORGE_EXAMPLE: '',
        LOG_LEVEL: 'info',
        BANKFORGE_FLOW_TIMER_POLL_MS: String(POLL_MS),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const listening = new Promise<void>((resolve, reject) => {
      const seen = (chunk: Buffer): void => {
        output.push(chunk.toString());
        if (output.join('').includes('BankForge server listening')) resolve();
      };
      child.stdout!.on('data', seen);
      child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
      void exited.then((code) => reject(new Error(`replica ${name} exited (${code}) before listening:\n${output.join('').slice(-4000)}`)));
    });
    const replica = { name, process: child, pid: child.pid!, output, exited };
    replicas.push(replica);
    await listening;
    return replica;
  };

  const stop = async (replica: Replica, signal: NodeJS.Signals): Promise<void> => {
    if (replica.process.exitCode === null && replica.process.signalCode === null) replica.process.kill(signal);
    await replica.exited;
  };

  const ownedBy = (owner: string | null, replica: Replica): boolean => owner !== null && owner.split(':')[1] === String(replica.pid);

  /** The timers made due (`PAST`), as they are now. */
  const dueTimers = (ids: readonly string[]): Promise<TimerRow[]> =>
    server.database.read((sql) => sql.rows<TimerRow>(`SELECT id, instance_id, timer_id, state, lease_owner, attempts, last_error FROM bf_flow_timer WHERE id IN (${ids.map(() => '?').join(', ')})`, [...ids]));

  const waitUntil = async (what: string, done: () => Promise<boolean>, seconds: number): Promise<void> => {
    const until = Date.now() + seconds * 1000;
    while (!(await done())) {
      if (Date.now() > until) throw new Error(`${what}: not within ${seconds} s\n${replicas.map((r) => `${r.name}: ${r.output.join('').slice(-2000)}`).join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };

  /** For each timer, how many times its firing is in its case's history: `timerDone` (fired) events under the command `timer:<id>`. */
  const firings = async (timers: readonly TimerRow[]): Promise<Map<string, number>> => {
    const byId = new Map(timers.map((t) => [`timer:${t.id}`, t]));
    const rows = await server.database.read((sql) => sql.rows<{ command_id: string; payload: string }>("SELECT command_id, payload FROM bf_flow_event WHERE command_id LIKE 'timer:%'"));
    const count = new Map(timers.map((t) => [t.id, 0]));
    for (const row of rows) {
      const timer = byId.get(row.command_id);
      if (!timer) continue;
      const event = JSON.parse(row.payload) as { type: string; data: { id?: string; fired?: number } };
      if (event.type === 'timerDone' && event.data.fired === 1 && event.data.id === timer.timer_id) count.set(timer.id, count.get(timer.id)! + 1);
    }
    return count;
  };

  /** How many events of a type each case has. */
  const eventsPerCase = async (type: string): Promise<Map<string, number>> => {
    const rows = await server.database.read((sql) => sql.rows<{ instance_id: string; payload: string }>('SELECT instance_id, payload FROM bf_flow_event'));
    const count = new Map<string, number>();
    for (const row of rows) if ((JSON.parse(row.payload) as { type: string }).type === type) count.set(row.instance_id, (count.get(row.instance_id) ?? 0) + 1);
    return count;
  };

  const notificationsOf = async (user: string, kind: string): Promise<Map<string, number>> => {
    const rows = await server.database.read((sql) => sql.rows<{ instance_id: string; n: number }>('SELECT instance_id, COUNT(*) AS n FROM bf_notification WHERE user_id = ? AND kind = ? GROUP BY instance_id', [user, kind]));
    return new Map(rows.map((r) => [r.instance_id, Number(r.n)]));
  };

  const deadlocks = async (): Promise<number> => {
    if (dialect === 'sqlite') return 0;
    const [row] = await server.database.read((sql) => sql.rows<{ Value: string }>("SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'"));
    return Number(row?.Value ?? 0);
  };

  const summary = (timers: readonly TimerRow[]): string => {
    const byOwner = new Map<string, number>();
    for (const t of timers) {
      const replica = replicas.find((r) => ownedBy(t.lease_owner, r));
      const key = replica?.name ?? String(t.lease_owner);
      byOwner.set(key, (byOwner.get(key) ?? 0) + 1);
    }
    const attempts = new Map<number, number>();
    for (const t of timers) attempts.set(Number(t.attempts), (attempts.get(Number(t.attempts)) ?? 0) + 1);
    return `last lease owner: ${[...byOwner].map(([k, n]) => `${k} ${n}`).join(', ')}; claims per timer: ${[...attempts].sort((a, b) => a[0] - b[0]).map(([k, n]) => `${k}×${n}`).join(', ')}`;
  };

  const cases: string[] = [];

  beforeAll(async () => {
    const started = Date.now();
    // The preparing server fires nothing: only the replicas do.
    process.env.BANKFORGE_FLOW_TIMER_POLL_MS = '0';
    server = await startTestServer(dialect);
    desk = await openLoanDesk(server);
    if (dialect === 'mysql') {
      const [{ db }] = (await server.database.read((sql) => sql.rows<{ db: string }>('SELECT DATABASE() AS db'))) as [{ db: string }];
      const url = new URL(process.env.TEST_MYSQL_URL!);
      url.pathname = `/${db}`;
      databaseUrl = url.toString();
    }

    // 1,000 loan applications submitted by the three RMs, in-process (the service layer each HTTP request calls).
    const app = server.app;
    const directory = app.get(DirectoryService);
    const actors = await server.database.read(async (sql) => {
      const rows = await sql.rows<UserRow>("SELECT * FROM bf_user WHERE username IN ('rm_sh', 'rm_sh2', 'rm_bj') ORDER BY username");
      return Promise.all(rows.map((row) => directory.actorOf(sql, row)));
    });
    const records = app.get(RecordsService);
    const flows = app.get(FlowsService);
    const submit = async (n: number): Promise<string> => {
      const rm: Actor = actors[n % actors.length]!;
      const loan = await records.create(
        'loan_application',
        {
          customer: desk.customerOf[rm.name],
          product: 'business',
          amount: { amount: '100000.00', currency: 'CNY' },
          term_months: 36,
          credit_score: 780,
          annual_income: { amount: '50000.00', currency: 'CNY' },
        },
        rm,
      );
      const detail = await flows.start('loan_approval', { recordId: loan.id as string }, rm, uuidv7());
      return detail.id;
    };
    // Four at a time: the database's commits overlap; the server itself is one process.
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let n = next++; n < CASES; n = next++) cases.push(await submit(n));
      }),
    );
    console.log(`prepared ${CASES} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 300_000);

  afterAll(async () => {
    for (const replica of replicas) await stop(replica, 'SIGKILL');
    await server?.close();
    delete process.env.BANKFORGE_FLOW_TIMER_POLL_MS;
  });

  it('fires 1,000 due timers exactly once across two replicas, and both replicas fire some', { timeout: 180_000 }, async () => {
    const scheduled = await server.database.read((sql) => sql.rows<{ id: string }>("SELECT id FROM bf_flow_timer WHERE state = 'scheduled'"));
    expect(scheduled.length, 'each case waits at its officer step with its 48-hour timeout').toBe(CASES);
    const ids = scheduled.map((t) => t.id);
    const [a, b] = [await startReplica('replica A'), await startReplica('replica B')];
    expect((await dueTimers(ids)).filter((t) => t.state === 'scheduled')).toHaveLength(CASES);

    // Both replicas are polling; now the timers are due, all at once.
    const deadlocksBefore = await deadlocks();
    const t0 = Date.now();
    await server.database.transaction((sql) => sql.execute(`UPDATE bf_flow_timer SET due_at = '${PAST}' WHERE state = 'scheduled'`));
    await waitUntil('every due timer fired', async () => (await dueTimers(ids)).every((t) => t.state !== 'scheduled'), 120);
    const seconds = (Date.now() - t0) / 1000;
    await Promise.all([stop(a, 'SIGTERM'), stop(b, 'SIGTERM')]);

    const timers = await dueTimers(ids);
    console.log(`part 1: ${CASES} timers fired by two replicas in ${seconds.toFixed(1)} s; ${summary(timers)}; InnoDB deadlocks meanwhile: ${(await deadlocks()) - deadlocksBefore}`);
    expect(timers.filter((t) => t.state !== 'fired' || t.last_error !== null)).toEqual([]);
    // Exactly once: one firing per timer in the cases' histories, one escalation per case, risk told once per case.
    const fired = await firings(timers);
    expect([...fired.values()].filter((n) => n !== 1)).toEqual([]);
    expect(fired.size).toBe(CASES);
    const escalated = await eventsPerCase('escalated');
    expect(cases.map((id) => escalated.get(id) ?? 0).filter((n) => n !== 1)).toEqual([]);
    const told = await notificationsOf('risk', 'escalate');
    expect(cases.map((id) => told.get(id) ?? 0).filter((n) => n !== 1)).toEqual([]);
    // Each escalated task is the head of risk's now, with a fresh 48-hour timeout (not due).
    const open = await server.database.read((sql) => sql.rows<{ n: number }>("SELECT COUNT(*) AS n FROM bf_flow_task_assignee a JOIN bf_flow_task t ON t.id = a.task_pk WHERE a.user_id = 'risk' AND a.is_open = ? AND t.status = 'open'", [true]));
    expect(Number(open[0]!.n)).toBe(CASES);
    // Both replicas did some of the work, and nobody else did.
    expect(timers.filter((t) => !ownedBy(t.lease_owner, a) && !ownedBy(t.lease_owner, b))).toEqual([]);
    expect(timers.filter((t) => ownedBy(t.lease_owner, a)).length, summary(timers)).toBeGreaterThan(0);
    expect(timers.filter((t) => ownedBy(t.lease_owner, b)).length, summary(timers)).toBeGreaterThan(0);
  });

  it('fires every timer exactly once when a replica is killed mid-run (its leases run out, the other fires its share)', { timeout: 180_000 }, async () => {
    // The fresh timeouts the escalations scheduled: 1,000 more timers, made due at once again.
    const scheduled = await server.database.read((sql) => sql.rows<{ id: string }>("SELECT id FROM bf_flow_timer WHERE state = 'scheduled'"));
    expect(scheduled).toHaveLength(CASES);
    const ids = scheduled.map((t) => t.id);
    const [victim, survivor] = [await startReplica('victim'), await startReplica('survivor')];
    const t0 = Date.now();
    await server.database.transaction((sql) => sql.execute(`UPDATE bf_flow_timer SET due_at = '${PAST}' WHERE state = 'scheduled'`));

    // Once the victim has fired some, and while timers are still waiting, it dies without a word.
    await waitUntil('the victim fired some timers', async () => (await dueTimers(ids)).filter((t) => t.state === 'fired' && ownedBy(t.lease_owner, victim)).length >= 100, 120);
    victim.process.kill('SIGKILL');
    await victim.exited;
    const atKill = await dueTimers(ids);
    const stranded = atKill.filter((t) => t.state === 'scheduled' && ownedBy(t.lease_owner, victim));
    const left = atKill.filter((t) => t.state === 'scheduled').length;
    console.log(`part 2: killed the victim ${((Date.now() - t0) / 1000).toFixed(1)} s in, ${CASES - left} fired, ${left} waiting, ${stranded.length} of them leased by the victim`);
    expect(left, 'the victim was killed mid-run').toBeGreaterThan(0);

    // The survivor fires the rest, the victim's claims once their 60-second leases run out.
    await waitUntil('every due timer fired after the kill', async () => (await dueTimers(ids)).every((t) => t.state !== 'scheduled'), 100);
    const seconds = (Date.now() - t0) / 1000;
    await stop(survivor, 'SIGTERM');

    const timers = await dueTimers(ids);
    console.log(`part 2: all ${CASES} fired ${seconds.toFixed(1)} s after they fell due; ${summary(timers)}`);
    expect(timers.filter((t) => t.state !== 'fired' || t.last_error !== null)).toEqual([]);
    const fired = await firings(timers);
    expect([...fired.values()].filter((n) => n !== 1)).toEqual([]);
    expect(fired.size).toBe(CASES);
    // The head of risk has nobody above them: the second timeout reminds them, once per case.
    const reminded = await notificationsOf('risk', 'remind');
    expect(cases.map((id) => reminded.get(id) ?? 0).filter((n) => n !== 1)).toEqual([]);
    // What the victim had claimed and not fired is the survivor's now.
    const strandedNow = timers.filter((t) => stranded.some((s) => s.id === t.id));
    expect(strandedNow.filter((t) => !ownedBy(t.lease_owner, survivor))).toEqual([]);
  });
});
