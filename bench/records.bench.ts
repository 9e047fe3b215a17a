// Store vs plain mysql2: 100,000 customer-like inserts, then 1,000 filtered list pages.
// Usage: npm run bench -- records [--rows N] [--queries N]
// Both sides insert one row per transaction from one client: a single INSERT in autocommit mode,
// which is how the store writes a new record (its reference checks ride in the same statement).
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { bankCrmEntities, generateBankCrmSeed, sampleCustomerValues } from '@bankforge/example-bank-crm';
import { ArtifactsService, RecordsService, SYSTEM_ACTOR, createBankForgeApp, type BankForgeApp } from '@bankforge/server';
import { createConnection, type Connection } from 'mysql2/promise';
import { pino } from 'pino';
import { v7 as uuidv7 } from 'uuid';

const { values: args } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, queries: { type: 'string', default: '1000' } } });
const ROWS = Number(args.rows);
const QUERIES = Number(args.queries);
const CHUNK = 5000;
const baseUrl = new URL(process.env.BENCH_MYSQL_URL ?? process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test');

async function admin(): Promise<Connection> {
  return createConnection({ host: baseUrl.hostname, port: Number(baseUrl.port || 3306), user: decodeURIComponent(baseUrl.username), password: decodeURIComponent(baseUrl.password) });
}

async function freshSchema(name: string): Promise<string> {
  const conn = await admin();
  await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  await conn.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A store with the bank CRM's branch and customer entities published and 20 branches created. */
async function openStore(schema: string): Promise<{ app: BankForgeApp; branches: string[] }> {
  const app = await createBankForgeApp(
    { port: 0, host: '127.0.0.1', dataDir: `/tmp/bf-bench-records-${process.pid}`, databaseUrl: await freshSchema(schema), example: undefined, logLevel: 'silent', adminPassword: 'Bench-Only-Admin-1' },
    pino({ level: 'silent' }),
  );
  const artifacts = app.app.get(ArtifactsService);
  for (const entity of bankCrmEntities.filter((e) => e.key === 'branch' || e.key === 'customer')) {
    await artifacts.saveDraft('entity', entity.key, entity, undefined, SYSTEM_ACTOR);
    await artifacts.publish('entity', entity.key, false, SYSTEM_ACTOR);
  }
  const records = app.app.get(RecordsService);
  const branches: string[] = [];
  for (const seed of generateBankCrmSeed({ customers: 0 })) {
    if (seed.entity === 'branch') branches.push((await records.create('branch', seed.values, SYSTEM_ACTOR)).id);
  }
  return { app, branches };
}

function customer(index: number, branches: string[]): Record<string, unknown> {
  return { ...sampleCustomerValues(index), branch: branches[index % branches.length] };
}

/** What a hand-written data layer would do: map the values to columns and run one prepared INSERT. */
type Param = string | number | boolean | null;

function plainRow(values: Record<string, unknown>, columns: string[], moneyKeys: Set<string>, jsonKeys: Set<string>): Param[] {
  const now = new Date().toISOString().replace('T', ' ').slice(0, 23);
  const row: Record<string, unknown> = { id: uuidv7(), created_at: now, updated_at: now, version: 1 };
  for (const [key, value] of Object.entries(values)) {
    if (moneyKeys.has(key) && value) {
      row[key] = (value as { amount: string }).amount;
      row[`${key}_currency`] = (value as { currency: string }).currency;
    } else if (jsonKeys.has(key)) row[key] = value === undefined ? null : JSON.stringify(value);
    else if (typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value)) row[key] = value.replace('T', ' ').slice(0, 23);
    else row[key] = value;
  }
  return columns.map((c) => (row[c] ?? null) as Param);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const round = (n: number, digits = 1): number => Number(n.toFixed(digits));

async function main(): Promise<void> {
  console.log(`records bench: ${ROWS} inserts per side, ${QUERIES} list queries, MariaDB at ${baseUrl.host}`);
  const store = await openStore('bf_bench_store');
  const plainSide = await openStore('bf_bench_plain');
  const records = store.app.app.get(RecordsService);
  const customerEntity = bankCrmEntities.find((e) => e.key === 'customer')!;
  const moneyKeys = new Set(customerEntity.fields.filter((f) => f.type === 'money').map((f) => f.key));
  const jsonKeys = new Set(customerEntity.fields.filter((f) => f.type === 'json' || f.type === 'multiSelect').map((f) => f.key));
  const columns = ['id', 'created_at', 'updated_at', 'version', ...customerEntity.fields.flatMap((f) => (f.type === 'money' ? [f.key, `${f.key}_currency`] : [f.key]))];
  const plainUrl = new URL(baseUrl);
  plainUrl.pathname = '/bf_bench_plain';
  const plain = await createConnection({ uri: plainUrl.toString(), dateStrings: true });
  const insertSql = `INSERT INTO e_customer (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;

  // Alternate chunks so that both sides see the same machine and the same table sizes.
  let storeMs = 0;
  let plainMs = 0;
  for (let start = 0; start < ROWS; start += CHUNK) {
    const end = Math.min(ROWS, start + CHUNK);
    let t = performance.now();
    for (let i = start; i < end; i++) {
      const row = plainRow(customer(i, plainSide.branches), columns, moneyKeys, jsonKeys);
      await plain.execute(insertSql, row);
    }
    plainMs += performance.now() - t;
    t = performance.now();
    for (let i = start; i < end; i++) await records.create('customer', customer(i, store.branches), SYSTEM_ACTOR);
    storeMs += performance.now() - t;
    process.stdout.write(`  ${end} rows: store ${round((end / storeMs) * 1000, 0)}/s, mysql2 ${round((end / plainMs) * 1000, 0)}/s\r`);
  }
  process.stdout.write('\n');
  const storeRate = (ROWS / storeMs) * 1000;
  const plainRate = (ROWS / plainMs) * 1000;
  await plain.end();

  const segments = ['mass', 'affluent', 'private', 'corporate'];
  const latencies: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const filter =
      i % 2 === 0
        ? { field: 'segment', op: 'eq' as const, value: segments[i % segments.length] }
        : { field: 'branch', op: 'eq' as const, value: store.branches[i % store.branches.length] };
    const t = performance.now();
    const page = await records.query('customer', { filter, limit: 50 }, SYSTEM_ACTOR);
    latencies.push(performance.now() - t);
    if (page.items.length === 0) throw new Error(`query ${i} found nothing: ${JSON.stringify(filter)}`);
  }
  latencies.sort((a, b) => a - b);
  const figures = {
    rows: ROWS,
    storeInsertsPerSecond: round(storeRate),
    mysql2InsertsPerSecond: round(plainRate),
    ratio: round(storeRate / plainRate, 3),
    queries: QUERIES,
    listP50Ms: round(percentile(latencies, 50), 2),
    listP95Ms: round(percentile(latencies, 95), 2),
    rssMb: round(process.memoryUsage().rss / 1024 / 1024),
  };
  console.log(`store inserts:  ${figures.storeInsertsPerSecond}/s`);
  console.log(`mysql2 inserts: ${figures.mysql2InsertsPerSecond}/s`);
  console.log(`ratio store/mysql2: ${figures.ratio} (target >= 0.6)`);
  console.log(`filtered list page of 50: p50 ${figures.listP50Ms} ms, p95 ${figures.listP95Ms} ms (target p95 < 15 ms)`);
  console.log(`BENCH records ${JSON.stringify(figures)}`);
  await store.app.app.close();
  await plainSide.app.app.close();
}

await main();
