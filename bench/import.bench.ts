// Bulk import vs plain mysql2: N customers from one CSV on MariaDB, in one process.
// Usage: npm run bench -- import [--rows N] [--batch N] (run with the V8 flags of the server's `start` script, see scripts/bench.mjs)
// The CSV (Chinese headers, the bank CRM's customers: resident ID, mobile and e-mail encrypted) is
// written to disk first. The server's side uploads it over HTTP and runs the import job (mapped by
// label, matched by resident ID through the blind index, every row validated, audited, with its
// domain event); its rows/s and the process's RSS growth over the run are measured. The plain side
// parses the same file with the same CSV parser and inserts the same rows, in clear, with batched
// multi-row INSERTs (1,000 rows each) into a copy of the customer table.
import { createReadStream, createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { csvLine, entityTable } from '@bankforge/data-model';
import { bankCrmEntities, sampleCustomerValues } from '@bankforge/example-bank-crm';
import { ArtifactsService, RecordsService, SYSTEM_ACTOR, createBankForgeApp } from '@bankforge/server';
import { parse } from 'csv-parse';
import { createConnection } from 'mysql2/promise';
import { pino } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { freshSchema } from './mariadb-schema.js';

const { values: args } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, batch: { type: 'string' } } });
const ROWS = Number(args.rows);
// Without --batch, the server's own default.
if (args.batch !== undefined) process.env.BANKFORGE_IMPORT_BATCH_ROWS = args.batch;
process.env.BANKFORGE_IMPORT_MAX_BYTES = String(4 * 1024 ** 3);
const PLAIN_BATCH = 1000;
const PASSWORD = 'Bench-Only-Admin-1';
const dir = `/tmp/bf-bench-import-${process.pid}`;
const csvPath = `${dir}/customers.csv`;

const customer = bankCrmEntities.find((e) => e.key === 'customer')!;
const branchEntity = bankCrmEntities.find((e) => e.key === 'branch')!;
const KEYS = ['customer_no', 'name', 'customer_type', 'segment', 'resident_id', 'mobile', 'email', 'birth_date', 'risk_level', 'kyc_status', 'aum', 'annual_income', 'credit_score', 'tags', 'branch', 'rm_name', 'onboarded_at'];
const FIELDS = KEYS.map((key) => customer.fields.find((f) => f.key === key)!);

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

/**
 * MariaDB's buffer pool and redo log, printed with the figures: a 1M-row customer table and its
 * indexes outgrow the default 128 MB pool (the import then reads index pages from disk), and the
 * default 96 MB redo log has InnoDB flush pages all the time under the import's audit and event
 * rows. A bank's database server is sized for its data: `BENCH_INNODB_BUFFER_POOL_MB` and
 * `BENCH_INNODB_LOG_FILE_MB` set them for the run with SET GLOBAL (said so in the output, both sides
 * alike) and put them back afterwards; the server itself never depends on them. Answers how to put
 * them back.
 */
async function innodbSizing(databaseUrl: string): Promise<() => Promise<void>> {
  const url = new URL(databaseUrl);
  const connect = () => createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password) });
  const conn = await connect();
  const settings = [
    { variable: 'innodb_buffer_pool_size', env: 'BENCH_INNODB_BUFFER_POOL_MB', name: 'buffer pool' },
    { variable: 'innodb_log_file_size', env: 'BENCH_INNODB_LOG_FILE_MB', name: 'redo log' },
  ];
  const size = async (variable: string): Promise<number> => Number(((await conn.query(`SELECT @@${variable} AS size`))[0] as { size: string }[])[0]!.size);
  const before = new Map<string, number>();
  for (const { variable, env, name } of settings) {
    before.set(variable, await size(variable));
    const wanted = Number(process.env[env] ?? 0);
    if (wanted > 0) {
      await conn.query(`SET GLOBAL ${variable} = ${Math.round(wanted) * 1024 * 1024}`);
      console.log(`${variable} (the ${name}) set with SET GLOBAL for this run (${env}): now ${mb(await size(variable))} MB`);
    } else {
      console.log(`${variable} (the ${name}) ${mb(await size(variable))} MB, as the server is configured (${env} sets it for a run)`);
    }
  }
  await conn.end();
  return async () => {
    const again = await connect();
    for (const { variable, env } of settings) if (Number(process.env[env] ?? 0) > 0) await again.query(`SET GLOBAL ${variable} = ${before.get(variable)}`);
    await again.end();
  };
}

/**
 * CPU time (µs) used so far by this process (all its threads) and, when the database runs on this
 * machine, by its server (`mariadbd`/`mysqld`, from /proc): per row, a figure that holds however
 * busy the machine is, unlike rows/s.
 */
function cpuMicros(): { node: number; database: number | undefined } {
  const { user, system } = process.cpuUsage();
  let database: number | undefined;
  try {
    for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!/^\d+ \((mariadbd|mysqld)\)/.test(stat)) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime, in clock ticks (100 a second on Linux).
      database = ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / 100;
    }
  } catch {
    // No /proc here: the database's share is not known.
  }
  return { node: user + system, database };
}

const perRow = (from: ReturnType<typeof cpuMicros>, to: ReturnType<typeof cpuMicros>, rows: number): string =>
  `CPU per row: this process ${Math.round((to.node - from.node) / rows)} µs, the database ${from.database === undefined || to.database === undefined ? 'not on this machine' : `${Math.round((to.database - from.database) / rows)} µs`}`;

/** The file, written a line at a time behind the stream's back-pressure. */
async function writeCsv(branchId: string): Promise<void> {
  const out = createWriteStream(csvPath);
  out.write(`\uFEFF${csvLine(FIELDS.map((f) => f.label['zh-CN']))}`);
  for (let i = 0; i < ROWS; i++) {
    const values: Record<string, unknown> = { ...sampleCustomerValues(i), branch: branchId };
    if (!out.write(csvLine(KEYS.map((key) => values[key] ?? null)))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function main(): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const databaseUrl = await freshSchema(process.env.BENCH_SCHEMA ?? 'bf_bench_import');
  const restoreInnodb = await innodbSizing(databaseUrl);
  try {
    await bench(databaseUrl);
  } finally {
    await restoreInnodb();
  }
}

async function bench(databaseUrl: string): Promise<void> {
  const { app } = await createBankForgeApp(
    { port: 0, host: '127.0.0.1', dataDir: dir, databaseUrl, example: undefined, logLevel: 'silent', adminPassword: PASSWORD, loginAttemptsPerMinute: 1000 },
    pino({ level: 'silent' }),
  );
  const artifacts = app.get(ArtifactsService);
  for (const entity of [branchEntity, customer]) {
    await artifacts.saveDraft('entity', entity.key, entity, undefined, SYSTEM_ACTOR);
    await artifacts.publish('entity', entity.key, false, SYSTEM_ACTOR);
  }
  const branch = await app.get(RecordsService).create('branch', { code: 'BJ001', name: '北京分行', city: '北京', region: 'north' }, SYSTEM_ACTOR);
  const written = performance.now();
  await writeCsv(branch.id);
  console.log(`CSV of ${ROWS.toLocaleString('en')} customers written in ${((performance.now() - written) / 1000).toFixed(1)} s`);

  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`;
  const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
  const cookie = /bf_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${base}${path}`, { method, headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = (await response.json()) as T;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };

  // The server's side: upload, mapping as proposed, match by resident ID, run, poll.
  gc();
  const rssBefore = process.memoryUsage().rss;
  console.log(`before the import: RSS ${mb(rssBefore)} MB, heap used ${mb(process.memoryUsage().heapUsed)} MB`);
  let rssPeak = rssBefore;
  // What the peak is made of: V8's heap (live and not yet collected) and memory outside it (Buffers: packets, file chunks).
  let atPeak = process.memoryUsage();
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    if (usage.rss > rssPeak) [rssPeak, atPeak] = [usage.rss, usage];
  }, 100);
  const started = performance.now();
  // node:http pipes the file with back-pressure (a web stream from Readable.toWeb would read it all ahead into this process).
  const job = await new Promise<{ id: string; columns: { header: string; field: string | null }[] }>((resolve, reject) => {
    const request = httpRequest(`${base}/imports?entity=customer&name=customers.csv`, { method: 'POST', headers: { cookie, 'content-type': 'text/csv' } }, (response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      response.on('end', () => (response.statusCode === 201 ? resolve(JSON.parse(text)) : reject(new Error(`upload: ${response.statusCode} ${text}`))));
    });
    request.on('error', reject);
    createReadStream(csvPath).pipe(request);
  });
  const uploadSeconds = (performance.now() - started) / 1000;
  if (job.columns.some((c) => c.field === null)) throw new Error(`unmapped columns: ${JSON.stringify(job.columns)}`);
  await call('PUT', `/imports/${job.id}`, { columns: job.columns, match: { field: 'resident_id', onMatch: 'update', onNew: 'create' } });
  const runStarted = performance.now();
  const runCpu = cpuMicros();
  await call('POST', `/imports/${job.id}/run`);
  let progress: { status: string; rowsDone: number; created: number; updated: number; failed: number; problemCount: number };
  let lastPrint = 0;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    progress = await call('GET', `/imports/${job.id}`);
    if (performance.now() - lastPrint > 30_000) {
      lastPrint = performance.now();
      console.log(`  ${progress.rowsDone.toLocaleString('en')} rows, ${Math.round(progress.rowsDone / ((performance.now() - runStarted) / 1000))} rows/s, RSS +${mb(rssPeak - rssBefore)} MB`);
    }
    if (progress.status !== 'running' && progress.status !== 'queued') break;
  }
  const importSeconds = (performance.now() - runStarted) / 1000;
  const importCpu = perRow(runCpu, cpuMicros(), progress.rowsDone);
  clearInterval(sampler);
  if (progress.status !== 'done') throw new Error(`the import ended ${JSON.stringify(progress)}`);
  gc();
  const heapAfter = process.memoryUsage();
  console.log(`after the import, collected: RSS ${mb(heapAfter.rss - rssBefore)} MB above the start, heap used ${mb(heapAfter.heapUsed)} MB, external ${mb(heapAfter.external)} MB, array buffers ${mb(heapAfter.arrayBuffers)} MB`);
  if (process.env.BENCH_HEAP_SNAPSHOT) (await import('node:v8')).writeHeapSnapshot(process.env.BENCH_HEAP_SNAPSHOT);
  const importRate = progress.rowsDone / importSeconds;
  const rssGrowth = rssPeak - rssBefore;
  console.log(`at the RSS peak: heap total ${mb(atPeak.heapTotal)} MB (used ${mb(atPeak.heapUsed)} MB), external ${mb(atPeak.external)} MB, array buffers ${mb(atPeak.arrayBuffers)} MB`);
  console.log(`import job: ${progress.rowsDone.toLocaleString('en')} rows (created ${progress.created}, updated ${progress.updated}, failed ${progress.failed}) in ${importSeconds.toFixed(1)} s = ${Math.round(importRate)} rows/s; upload ${uploadSeconds.toFixed(1)} s; RSS growth ${mb(rssGrowth)} MB`);
  console.log(`  ${importCpu} (the dispatcher's deliveries as they ran included)`);

  const url = new URL(databaseUrl);
  const conn = await createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password), database: url.pathname.slice(1) });
  // The domain events the import wrote are delivered as it runs: those still pending are waited for
  // (and timed), so the plain side below does not share the database with the dispatcher's backlog.
  const pending = async (): Promise<number> => Number(((await conn.query("SELECT COUNT(*) AS n FROM bf_domain_event WHERE state = 'pending'"))[0] as { n: number }[])[0]!.n);
  const pendingAtEnd = await pending();
  const drainStarted = performance.now();
  // Given up when nothing is delivered for 30 s (a dispatcher switched off: BANKFORGE_EVENT_POLL_MS=0).
  for (let left = pendingAtEnd, still = performance.now(); left > 0 && performance.now() - still < 30_000; ) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await pending();
    if (now < left) [left, still] = [now, performance.now()];
  }
  const drainSeconds = (performance.now() - drainStarted) / 1000;
  const undelivered = await pending();
  if (undelivered > 0) console.log(`domain events: ${undelivered.toLocaleString('en')} not delivered (nothing moved for 30 s: is the dispatcher off?)`);
  console.log(`domain events: ${pendingAtEnd.toLocaleString('en')} still pending as the import ended, delivered ${drainSeconds.toFixed(1)} s later (import and delivery: ${Math.round(progress.rowsDone / (importSeconds + drainSeconds))} rows/s)`);

  // The plain side: the same file, the same parser, multi-row INSERTs into a copy of the table, in clear.
  await conn.query(`CREATE TABLE plain_customer LIKE ${entityTable('customer')}`);
  const columns = ['id', 'created_at', 'updated_at', 'version', ...FIELDS.flatMap((f) => (f.type === 'money' ? [f.key, `${f.key}_currency`] : [f.key]))];
  const insertOf = (rows: number): string => `INSERT INTO plain_customer (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ${Array.from({ length: rows }, () => `(${columns.map(() => '?').join(', ')})`).join(', ')}`;
  const plainStarted = performance.now();
  const plainCpu = cpuMicros();
  let batch: (string | number | null)[] = [];
  let inBatch = 0;
  let plainRows = 0;
  const now = new Date().toISOString().replace('T', ' ').slice(0, 23);
  let header = true;
  for await (const record of createReadStream(csvPath).pipe(parse({ bom: true }))) {
    if (header) {
      header = false;
      continue;
    }
    const cells = record as string[];
    batch.push(uuidv7(), now, now, 1);
    FIELDS.forEach((f, i) => {
      const cell = cells[i] === '' ? null : cells[i]!;
      if (f.type === 'money') {
        const [amount, currency] = cell ? cell.split(' ') : [null, null];
        batch.push(amount ?? null, currency ?? null);
      } else if (f.type === 'multiSelect') batch.push(JSON.stringify(cell ? cell.split(';') : []));
      else if (f.type === 'datetime') batch.push(cell ? cell.replace('T', ' ').slice(0, 23) : null);
      else batch.push(cell);
    });
    if (++inBatch === PLAIN_BATCH) {
      await conn.query(insertOf(inBatch), batch);
      plainRows += inBatch;
      batch = [];
      inBatch = 0;
    }
  }
  if (inBatch > 0) {
    await conn.query(insertOf(inBatch), batch);
    plainRows += inBatch;
  }
  const plainSeconds = (performance.now() - plainStarted) / 1000;
  const plainRate = plainRows / plainSeconds;
  await conn.end();
  console.log(`plain mysql2: ${plainRows.toLocaleString('en')} rows in ${plainSeconds.toFixed(1)} s = ${Math.round(plainRate)} rows/s`);
  console.log(`  ${perRow(plainCpu, cpuMicros(), plainRows)}`);
  const ratio = importRate / plainRate;
  console.log(`ratio import / plain: ${ratio.toFixed(3)} (target >= 0.3); rows/s ${Math.round(importRate)} (target >= 5,000); RSS growth ${mb(rssGrowth)} MB (target < 150)`);
  console.log(
    `BENCH import ${JSON.stringify({ rows: ROWS, importRowsPerSecond: Math.round(importRate), plainRowsPerSecond: Math.round(plainRate), ratio: Math.round(ratio * 1000) / 1000, rssGrowthMb: mb(rssGrowth), eventsPendingAtEnd: pendingAtEnd, eventDrainSeconds: Math.round(drainSeconds * 10) / 10, uploadSeconds: Math.round(uploadSeconds * 10) / 10, failed: progress.failed })}`,
  );
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
