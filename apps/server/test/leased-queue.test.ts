import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { databaseNow } from '../src/platform/database/database-clock.js';
import { LeasedQueue, type LeasedQueueSpec } from '../src/platform/leases/leased-queue.js';
import { dialects, startTestServer, type TestServer } from './harness.js';

const PAST = '2020-01-01 00:00:00.000';

interface Job {
  id: string;
  grp: string;
  attempts: number;
}

interface JobRow extends Job {
  state: string;
  lease_owner: string | null;
  last_error: string | null;
}

const SPEC: LeasedQueueSpec = {
  table: 'bf_test_job',
  key: 'id',
  waiting: { column: 'state', values: ['pending', 'retrying'] },
  due: 'due_at',
  columns: ['id', 'grp', 'attempts'],
  order: ['due_at', 'id'],
  batch: 3,
  leaseSeconds: 60,
  countsAttempts: true,
  retry: { maxAttempts: 3, delaySeconds: (attempts) => 10 * attempts },
  purge: { finished: "state = 'done'", olderThan: 'finished_at', retentionDays: 7 },
};

describe.each(dialects())('a leased queue on %s', (dialect) => {
  let server: TestServer;
  const queue = (spec: Partial<LeasedQueueSpec> = {}, work: () => Promise<number | undefined> = async () => undefined): LeasedQueue<Job> =>
    new LeasedQueue<Job>(server.database, { ...SPEC, ...spec }, work);
  /** Jobs due now, in the order given, each `id` in group `grp` at position `pos`. */
  const enqueue = (...jobs: { id: string; grp?: string; pos?: number }[]): Promise<void> =>
    server.database.transaction(async (sql) => {
      for (const job of jobs) {
        await sql.execute(`INSERT INTO bf_test_job (id, grp, pos, state, due_at, attempts) VALUES (?, ?, ?, 'pending', ${databaseNow(sql)}, 0)`, [job.id, job.grp ?? job.id, job.pos ?? 0]);
      }
    });
  const rows = (): Promise<JobRow[]> =>
    server.database.read(async (sql) =>
      (await sql.rows<JobRow>('SELECT id, grp, state, lease_owner, attempts, last_error FROM bf_test_job ORDER BY id')).map((r) => ({ ...r, attempts: Number(r.attempts) })),
    );
  const ids = (jobs: readonly Job[]): string[] => jobs.map((j) => j.id).sort();
  const leaseRunsOut = (...jobIds: string[]): Promise<number> =>
    server.database.single((sql) => sql.execute(`UPDATE bf_test_job SET lease_until = ? WHERE id IN (${jobIds.map(() => '?').join(', ')})`, [PAST, ...jobIds]));

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const text = dialect === 'mysql' ? 'VARCHAR(64)' : 'TEXT';
    const time = dialect === 'mysql' ? 'DATETIME(6)' : 'TEXT';
    await server.database.single((sql) =>
      sql.execute(
        `CREATE TABLE bf_test_job (id ${text} NOT NULL PRIMARY KEY, grp ${text} NOT NULL, pos INTEGER NOT NULL, state ${text} NOT NULL, due_at ${time} NOT NULL,
          lease_owner ${text} NULL, lease_until ${time} NULL, attempts INTEGER NOT NULL, last_error ${text} NULL, finished_at ${time} NULL)`,
      ),
    );
  });
  beforeEach(async () => {
    await server.database.single((sql) => sql.execute('DELETE FROM bf_test_job'));
  });
  afterAll(async () => {
    await server?.close();
  });

  it('claims a batch of due jobs in order, leased to this replica, each attempt counted', async () => {
    await enqueue({ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' });
    const replica = queue();
    expect(await replica.claim()).toEqual([
      { id: 'a', grp: 'a', attempts: 1 },
      { id: 'b', grp: 'b', attempts: 1 },
      { id: 'c', grp: 'c', attempts: 1 },
    ]);
    expect((await rows()).map((r) => [r.id, r.lease_owner, r.attempts])).toEqual([
      ['a', replica.owner, 1],
      ['b', replica.owner, 1],
      ['c', replica.owner, 1],
      ['d', null, 0],
    ]);
  });

  it('never hands a leased job to another replica until its lease runs out', async () => {
    await enqueue({ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' });
    const [first, second] = [queue(), queue()];
    expect(first.owner).not.toBe(second.owner);
    const [one, two] = await Promise.all([first.claim(), second.claim()]);
    const together = [...ids(one!), ...ids(two!)];
    // No job is handed to both. Side by side, InnoDB's SKIP LOCKED may also pass over a row the
    // other claim's scan only touched: a later claim takes it, once.
    expect(new Set(together).size).toBe(together.length);
    const later = ids(await second.claim());
    expect([...together, ...later].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(await first.claim()).toEqual([]);
    expect(await second.claim()).toEqual([]);
    const [other, held] = one!.length > 0 ? [second, one!] : [first, two!];
    await leaseRunsOut(held[0]!.id);
    expect(await other.claim()).toEqual([{ ...held[0], attempts: 2 }]);
  });

  it('in turn: claims only the first waiting job of each group, by position then key', async () => {
    await enqueue({ id: 'x2', grp: 'x', pos: 2 }, { id: 'x1b', grp: 'x', pos: 1 }, { id: 'x1a', grp: 'x', pos: 1 }, { id: 'y5', grp: 'y', pos: 5 });
    const replica = queue({ inTurn: { group: ['grp'], position: ['pos', 'id'] } });
    const order: string[] = [];
    for (let claimed = await replica.claim(); claimed.length > 0; claimed = await replica.claim()) {
      order.push(ids(claimed).join('+'));
      await server.database.transaction((sql) => replica.change(sql, claimed.map((j) => j.id), { set: "state = 'done'", lease: 'release', while: 'waiting' }));
    }
    expect(order).toEqual(['x1a+y5', 'x1b', 'x2']);
  });

  it('in turn: a later job waits behind an earlier one that is leased or retrying', async () => {
    await enqueue({ id: 'm1', grp: 'm', pos: 1 }, { id: 'm2', grp: 'm', pos: 2 });
    const [first, second] = [queue({ inTurn: { group: ['grp'], position: ['pos'] } }), queue({ inTurn: { group: ['grp'], position: ['pos'] } })];
    expect(ids(await first.claim())).toEqual(['m1']);
    expect(await second.claim()).toEqual([]);
    await server.database.transaction((sql) => first.change(sql, ['m1'], { set: "state = 'retrying'", dueInSeconds: 60, lease: 'release', while: { leasedTo: first.owner } }));
    expect(await second.claim()).toEqual([]);
  });

  it('claims only the jobs whose column holds one of the values asked for', async () => {
    await enqueue({ id: 'a', grp: 'kept' }, { id: 'b', grp: 'paused' }, { id: 'c', grp: 'kept' });
    expect(ids(await queue().claim({ column: 'grp', values: ['kept'] }))).toEqual(['a', 'c']);
  });

  it('peeks at what a claim would take without claiming it, and settles unleased jobs without a claim', async () => {
    await enqueue({ id: 'a', grp: 'g', pos: 1 }, { id: 'b', grp: 'g', pos: 2 }, { id: 'c' }, { id: 'd' }, { id: 'e' });
    const inTurn = { inTurn: { group: ['grp'], position: ['pos'] } };
    const [holder, looker] = [queue(inTurn), queue(inTurn)];
    expect(ids(await holder.claim({ column: 'id', values: ['c'] }))).toEqual(['c']);
    // In turn and in order, up to a batch, the leased job left out; nothing claimed by looking.
    expect(ids(await looker.peek<Job>(['id', 'grp', 'attempts']))).toEqual(['a', 'd', 'e']);
    expect((await rows()).filter((r) => r.lease_owner !== null).map((r) => r.id)).toEqual(['c']);
    const done = { set: "state = 'done'", lease: 'release' as const, while: 'unleased' as const };
    // The leased job stays its holder's; the free ones settle; one whose lease ran out is free again.
    expect(await server.database.transaction((sql) => looker.change(sql, ['a', 'c', 'd'], done))).toBe(2);
    await leaseRunsOut('c');
    expect(await server.database.transaction((sql) => looker.change(sql, ['c'], done))).toBe(1);
    expect((await rows()).map((r) => [r.id, r.state, r.lease_owner])).toEqual([
      ['a', 'done', null],
      ['b', 'pending', null],
      ['c', 'done', null],
      ['d', 'done', null],
      ['e', 'pending', null],
    ]);
  });

  it('a change by a replica that lost its lease changes nothing; one while waiting changes only what is still waiting', async () => {
    await enqueue({ id: 'a' });
    const [slow, fast] = [queue(), queue()];
    await slow.claim();
    await leaseRunsOut('a');
    await fast.claim();
    const settle = { set: "state = 'done', finished_at = ?", params: [PAST], lease: 'release' as const };
    expect(await server.database.transaction((sql) => slow.change(sql, ['a'], { ...settle, while: { leasedTo: slow.owner } }))).toBe(0);
    expect(await server.database.transaction((sql) => fast.change(sql, ['a'], { ...settle, while: { leasedTo: fast.owner } }))).toBe(1);
    expect(await server.database.transaction((sql) => slow.change(sql, ['a'], { set: "state = 'failed'", lease: 'keep', while: 'waiting' }))).toBe(0);
    expect(await rows()).toEqual([expect.objectContaining({ id: 'a', state: 'done', lease_owner: null, attempts: 2 })]);
  });

  it('retries with the backoff and gives up after the last attempt', async () => {
    const replica = queue();
    expect([1, 2, 3].map((attempts) => replica.retryDelay(attempts))).toEqual([10, 20, undefined]);
    expect(queue({ retry: undefined }).retryDelay(1)).toBeUndefined();
    await enqueue({ id: 'a' });
    const [job] = await replica.claim();
    await server.database.transaction((sql) =>
      replica.change(sql, [job!.id], { set: 'last_error = ?', params: ['refused'], dueInSeconds: replica.retryDelay(job!.attempts)!, lease: 'release', while: { leasedTo: replica.owner } }),
    );
    // Not due before its wait is over, whoever asks.
    expect(await queue().claim()).toEqual([]);
    await server.database.single((sql) => sql.execute('UPDATE bf_test_job SET due_at = ?', [PAST]));
    expect(await queue().claim()).toEqual([{ id: 'a', grp: 'a', attempts: 2 }]);
    expect(await rows()).toEqual([expect.objectContaining({ state: 'pending', last_error: 'refused' })]);
  });

  it('renews a lease for the replica that holds it, and only for it', async () => {
    await enqueue({ id: 'a' });
    const [holder, other] = [queue(), queue()];
    await holder.claim();
    await leaseRunsOut('a');
    expect(await server.database.transaction((sql) => other.change(sql, ['a'], { lease: { renewSeconds: 60 }, while: { leasedTo: other.owner } }))).toBe(0);
    expect(await server.database.transaction((sql) => holder.change(sql, ['a'], { lease: { renewSeconds: 60 }, while: { leasedTo: holder.owner } }))).toBe(1);
    expect(await other.claim()).toEqual([]);
  });

  it('counts no attempt when its attempts mean something else, and makes the claim’s own assignments', async () => {
    await enqueue({ id: 'a' });
    const replica = queue({ countsAttempts: false, onClaim: () => "last_error = 'claimed'" });
    expect(await replica.claim()).toEqual([{ id: 'a', grp: 'a', attempts: 0 }]);
    expect(await rows()).toEqual([expect.objectContaining({ attempts: 0, last_error: 'claimed', lease_owner: replica.owner })]);
  });

  it('drains batch after batch, then purges finished jobs past their retention', async () => {
    await enqueue(...Array.from({ length: 7 }, (_, i) => ({ id: `j${i}` })));
    let batches = 0;
    const replica: LeasedQueue<Job> = queue({}, async () => {
      const claimed = await replica.claim();
      if (claimed.length === 0) return undefined;
      batches++;
      await server.database.transaction((sql) =>
        replica.change(sql, claimed.map((j) => j.id), { set: `state = 'done', finished_at = ${databaseNow(sql)}`, lease: 'release', while: { leasedTo: replica.owner } }),
      );
      return claimed.length;
    });
    expect(await replica.drain()).toBe(7);
    expect(batches).toBe(3);
    expect((await rows()).every((r) => r.state === 'done')).toBe(true);
    // Finished just now: within the retention at the drain's purge, and still six days on.
    expect(await replica.purge(Date.now() + 6 * 86_400_000)).toBe(0);
    expect(await replica.purge(Date.now() + 8 * 86_400_000)).toBe(7);
    expect(await rows()).toEqual([]);
  });
});
