// Store vs plain mysql2: 100,000 customer-like inserts, then 1,000 filtered list pages.
// Usage: npm run bench -- records [--rows N] [--queries N]
// Three sides insert one row per transaction from one client, in alternating chunks of one run:
// plain mysql2 (a single prepared INSERT in autocommit mode), the store's service on a copy of the
// customer with no field encrypted and an audit log that writes nothing (`customer_plain`), and the
// store as shipped (`customer`: resident ID, mobile and e-mail encrypted, every write audited).
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { bankCrmEntities, generateBankCrmSeed, sampleCustomerValues } from '@bankforge/example-bank-crm';
import { ArtifactsService, AuditLog, AutoNumbers, ControlledFields, Database, DirectoryService, FieldCipher, FormCatalog, MetadataService, RecordsService, RecordTitles, RecordWriteHooks, SYSTEM_ACTOR, createBankForgeApp, type Actor, type AuditEntry, type AuditEvent, type BankForgeApp, type SqlExecutor, type SqlStatement } from '@bankforge/server';
import { createConnection } from 'mysql2/promise';
import { benchMysqlUrl, freshSchema } from './mariadb-schema.js';
import { pino } from 'pino';
import { v7 as uuidv7 } from 'uuid';

const { values: args } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, queries: { type: 'string', default: '1000' } } });
const ROWS = Number(args.rows);
const QUERIES = Number(args.queries);
// Small chunks in rotating order: commits are fsync-bound, so disk flushes land on every side alike.
const CHUNK = 200;
const baseUrl = benchMysqlUrl;


/** The same service with the audit chain taken out: what the writes would cost without it. */
class NoAuditLog extends AuditLog {
  override async append(_sql: SqlExecutor, _actor: Actor, _event: AuditEvent): Promise<AuditEntry> {
    return undefined as unknown as AuditEntry;
  }

  override async appendWith(sql: SqlExecutor, change: SqlStatement): Promise<boolean> {
    return (await sql.execute(change.sql, change.params)) > 0;
  }
}

const customerEntity = bankCrmEntities.find((e) => e.key === 'customer')!;
/** The customer with every field in clear. */
const plainCustomer = { ...customerEntity, key: 'customer_plain', fields: customerEntity.fields.map((f) => ({ ...f, sensitive: false })) };

/** A store with the bank CRM's branch, customer and clear customer entities published and 20 branches created. */
async function openStore(schema: string): Promise<{ app: BankForgeApp; branches: string[] }> {
  const app = await createBankForgeApp(
    { port: 0, host: '127.0.0.1', dataDir: `/tmp/bf-bench-records-${process.pid}`, databaseUrl: await freshSchema(schema), example: undefined, logLevel: 'silent', adminPassword: 'Bench-Only-Admin-1' },
    pino({ level: 'silent' }),
  );
  const artifacts = app.app.get(ArtifactsService);
  for (const entity of [...bankCrmEntities.filter((e) => e.key === 'branch' || e.key === 'customer'), plainCustomer]) {
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
  const nest = store.app.app;
  const database = nest.get(Database);
  const plainRecords = new RecordsService(database, nest.get(MetadataService), new NoAuditLog(database), nest.get(FieldCipher), nest.get(FormCatalog), nest.get(DirectoryService), nest.get(ControlledFields), nest.get(RecordWriteHooks), nest.get(AutoNumbers), nest.get(RecordTitles));
  const moneyKeys = new Set(plainCustomer.fields.filter((f) => f.type === 'money').map((f) => f.key));
  const jsonKeys = new Set(plainCustomer.fields.filter((f) => f.type === 'json' || f.type === 'multiSelect').map((f) => f.key));
  const columns = ['id', 'created_at', 'updated_at', 'version', ...plainCustomer.fields.flatMap((f) => (f.type === 'money' ? [f.key, `${f.key}_currency`] : [f.key]))];
  const plainUrl = new URL(baseUrl);
  plainUrl.pathname = '/bf_bench_plain';
  const plain = await createConnection({ uri: plainUrl.toString(), dateStrings: true });
  const insertSql = `INSERT INTO e_customer_plain (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;

  // Rotate the order of the sides chunk by chunk so that all see the same machine and table sizes.
  const sides = {
    mysql2: async (i: number) => void (await plain.execute(insertSql, plainRow(customer(i, plainSide.branches), columns, moneyKeys, jsonKeys))),
    storePlain: async (i: number) => void (await plainRecords.create('customer_plain', customer(i, store.branches), SYSTEM_ACTOR)),
    storeSecured: async (i: number) => void (await records.create('customer', customer(i, store.branches), SYSTEM_ACTOR)),
  };
  const names = Object.keys(sides) as (keyof typeof sides)[];
  const ms = { mysql2: 0, storePlain: 0, storeSecured: 0 };
  for (let start = 0, chunk = 0; start < ROWS; start += CHUNK, chunk++) {
    const end = Math.min(ROWS, start + CHUNK);
    for (let k = 0; k < names.length; k++) {
      const name = names[(chunk + k) % names.length]!;
      const t = performance.now();
      for (let i = start; i < end; i++) await sides[name](i);
      ms[name] += performance.now() - t;
    }
    process.stdout.write(`  ${end} rows: mysql2 ${round((end / ms.mysql2) * 1000, 0)}/s, store plain ${round((end / ms.storePlain) * 1000, 0)}/s, store secured ${round((end / ms.storeSecured) * 1000, 0)}/s\r`);
  }
  process.stdout.write('\n');
  const plainRate = (ROWS / ms.mysql2) * 1000;
  const storePlainRate = (ROWS / ms.storePlain) * 1000;
  const storeRate = (ROWS / ms.storeSecured) * 1000;
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
    mysql2InsertsPerSecond: round(plainRate),
    storePlainInsertsPerSecond: round(storePlainRate),
    storeSecuredInsertsPerSecond: round(storeRate),
    plainRatio: round(storePlainRate / plainRate, 3),
    securedRatio: round(storeRate / plainRate, 3),
    queries: QUERIES,
    listP50Ms: round(percentile(latencies, 50), 2),
    listP95Ms: round(percentile(latencies, 95), 2),
    rssMb: round(process.memoryUsage().rss / 1024 / 1024),
  };
  console.log(`mysql2 inserts:                        ${figures.mysql2InsertsPerSecond}/s`);
  console.log(`store inserts, no audit or encryption:  ${figures.storePlainInsertsPerSecond}/s: ${figures.plainRatio} of mysql2 (target >= 0.7)`);
  console.log(`store inserts, audited and encrypted:   ${figures.storeSecuredInsertsPerSecond}/s: ${figures.securedRatio} of mysql2 (target >= 0.5)`);
  console.log(`filtered list page of 50: p50 ${figures.listP50Ms} ms, p95 ${figures.listP95Ms} ms (target p95 < 15 ms)`);
  console.log(`BENCH records ${JSON.stringify(figures)}`);
  await store.app.app.close();
  await plainSide.app.app.close();
}

await main();
