// The price of the audit chain and encryption at rest on record writes.
// Usage: npm run bench -- security [--rows N]
// One MariaDB schema, two copies of the bank CRM's customer entity: `customer` as shipped (resident
// ID, mobile and email encrypted, every write audited in its transaction) and `customer_plain`
// (the same fields in clear), written through a RecordsService whose audit log writes nothing.
// Same process, same database, alternating chunks; the figure is secured / plain throughput.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { bankCrmEntities, generateBankCrmSeed, sampleCustomerValues } from '@bankforge/example-bank-crm';
import { ArtifactsService, AuditLog, AutoNumbers, ControlledFields, Database, DirectoryService, FieldCipher, FormCatalog, MetadataService, RecordsService, RecordTitles, RecordWriteHooks, SYSTEM_ACTOR, createBankForgeApp, type Actor, type AuditEntry, type AuditEvent, type SqlExecutor, type SqlStatement } from '@bankforge/server';
import { benchMysqlUrl, freshSchema } from './mariadb-schema.js';
import { pino } from 'pino';

const { values: args } = parseArgs({ options: { rows: { type: 'string', default: '20000' } } });
const ROWS = Number(args.rows);
// Small chunks in ABBA order: commits are fsync-bound, so disk flushes land on either side alike.
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

async function main(): Promise<void> {
  const schema = 'bf_bench_security';
  const url = await freshSchema(schema);
  const dataDir = `/tmp/bf-bench-security-${process.pid}`;
  const { app } = await createBankForgeApp({ port: 0, host: '127.0.0.1', dataDir, databaseUrl: url, example: undefined, logLevel: 'silent', adminPassword: randomBytes(18).toString('base64url') + '-Aa1' }, pino({ level: 'silent' }));
  const artifacts = app.get(ArtifactsService);
  const branch = bankCrmEntities.find((e) => e.key === 'branch')!;
  const customer = bankCrmEntities.find((e) => e.key === 'customer')!;
  const sensitive = customer.fields.filter((f) => f.sensitive).map((f) => f.key);
  const plainCustomer = { ...customer, key: 'customer_plain', fields: customer.fields.map((f) => ({ ...f, sensitive: false })) };
  for (const entity of [branch, customer, plainCustomer]) {
    await artifacts.saveDraft('entity', entity.key, entity, undefined, SYSTEM_ACTOR);
    await artifacts.publish('entity', entity.key, false, SYSTEM_ACTOR);
  }
  const secured = app.get(RecordsService);
  const database = app.get(Database);
  const plain = new RecordsService(database, app.get(MetadataService), new NoAuditLog(database), app.get(FieldCipher), app.get(FormCatalog), app.get(DirectoryService), app.get(ControlledFields), app.get(RecordWriteHooks), app.get(AutoNumbers), app.get(RecordTitles));
  const branches: string[] = [];
  for (const seed of generateBankCrmSeed({ customers: 0 })) if (seed.entity === 'branch') branches.push((await secured.create('branch', seed.values, SYSTEM_ACTOR)).id);
  const values = (i: number): Record<string, unknown> => ({ ...sampleCustomerValues(i), branch: branches[i % branches.length] });

  console.log(`security bench: ${ROWS} customer creates per side on MariaDB at ${baseUrl.host}; encrypted: ${sensitive.join(', ')}`);
  let securedMs = 0;
  let plainMs = 0;
  const chunkRatios: number[] = [];
  const timed = async (write: (i: number) => Promise<unknown>, from: number, to: number): Promise<number> => {
    const t = performance.now();
    for (let i = from; i < to; i++) await write(i);
    return performance.now() - t;
  };
  const securedWrite = (i: number): Promise<unknown> => secured.create('customer', values(i), SYSTEM_ACTOR);
  const plainWrite = (i: number): Promise<unknown> => plain.create('customer_plain', values(i), SYSTEM_ACTOR);
  for (let start = 0, chunk = 0; start < ROWS; start += CHUNK, chunk++) {
    const end = Math.min(ROWS, start + CHUNK);
    const [first, second] = chunk % 2 === 0 ? [plainWrite, securedWrite] : [securedWrite, plainWrite];
    const a = await timed(first, start, end);
    const b = await timed(second, start, end);
    const [p, sMs] = chunk % 2 === 0 ? [a, b] : [b, a];
    plainMs += p;
    securedMs += sMs;
    chunkRatios.push(p / sMs);
    process.stdout.write(`  ${end} rows: secured ${Math.round((end / securedMs) * 1000)}/s, plain ${Math.round((end / plainMs) * 1000)}/s\r`);
  }
  process.stdout.write('\n');
  const verdict = await app.get(AuditLog).verify();
  if (!verdict.ok || verdict.entries < ROWS) throw new Error(`the audit chain does not hold the writes: ${JSON.stringify(verdict)}`);
  const securedRate = (ROWS / securedMs) * 1000;
  const plainRate = (ROWS / plainMs) * 1000;
  const ratio = securedRate / plainRate;
  chunkRatios.sort((x, y) => x - y);
  const medianChunkRatio = chunkRatios[Math.floor(chunkRatios.length / 2)]!;
  const figures = {
    rows: ROWS,
    securedWritesPerSecond: Number(securedRate.toFixed(1)),
    plainWritesPerSecond: Number(plainRate.toFixed(1)),
    ratio: Number(ratio.toFixed(3)),
    cost: Number((1 - ratio).toFixed(3)),
    medianChunkRatio: Number(medianChunkRatio.toFixed(3)),
    auditEntries: verdict.entries,
  };
  console.log(`audited + encrypted: ${figures.securedWritesPerSecond}/s`);
  console.log(`plain:               ${figures.plainWritesPerSecond}/s`);
  console.log(`ratio ${figures.ratio} (median of ${chunkRatios.length} chunk pairs ${figures.medianChunkRatio}): the audit chain and encryption cost ${(figures.cost * 100).toFixed(1)}% of write throughput (target <= 35%)`);
  console.log(`BENCH security ${JSON.stringify(figures)}`);
  await app.close();
}

await main();
