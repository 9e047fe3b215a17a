// The 360° record page on MariaDB: GET /api/records/customer/{id}/overview's server time for a
// customer with 200 related records across 6 relations (accounts, loans, contacts, opportunities,
// interactions, relationships), among 100,000 customers and 1,000,000 related rows.
// Usage: npm run bench -- record-overview [--customers N] [--related N] [--runs N]
//
// The bank CRM app is imported as shipped (its recordPages design, roles). The background rows are
// bulk-inserted with plain mysql2 (their sensitive columns encrypted with the store's cipher); the
// target customers and their related records go through the records service, so their audit entries,
// titles and masking are the real ones. One approval case per target's loan is stored as the flow
// runtime stores it. Times are measured around the service call, as the relationship manager who
// owns the customers (scope: own) and as compliance (scope: all, masked personal data).
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { bankCrmApp, bankCrmArtifacts, bankCrmRoles, generateBankCrmSeed } from '@bankforge/example-bank-crm';
import { blindIndexColumn, moneyCurrencyColumn, residentIdCheckCharacter } from '@bankforge/data-model';
import { AppBundleService, Database, DirectoryService, FieldCipher, MetadataService, RecordOverviews, RecordsService, SYSTEM_ACTOR, createBankForgeApp, parseRoleDefinition, type Actor } from '@bankforge/server';
import { createConnection, type Connection } from 'mysql2/promise';
import { pino } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { freshSchema } from './mariadb-schema.js';
import { mulberry32 } from './seeded-random.js';

const { values: args } = parseArgs({ options: { customers: { type: 'string', default: '100000' }, related: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '200' }, targets: { type: 'string', default: '5' } } });
const CUSTOMERS = Number(args.customers);
const RELATED = Number(args.related);
const RUNS = Number(args.runs);
const TARGETS = Number(args.targets);
const SCHEMA = 'bf_bench_overview';
/** Rows per multi-row INSERT. */
const BATCH = 2_000;
/** A target customer's related records, by relation: 200 in all. */
const PER_TARGET = { account: 40, loan_application: 35, contact: 30, opportunity: 30, interaction: 40, relationship: 25 } as const;
/** The background's related rows are spread over the six relations in these shares. */
const SHARES = { account: 0.3, loan_application: 0.1, contact: 0.15, opportunity: 0.1, interaction: 0.3, relationship: 0.05 } as const;

const random = { next: mulberry32(20_260_705) };
const stored = (ms: number): string => new Date(ms).toISOString().replace('T', ' ').slice(0, 23);
const NOW = Date.UTC(2026, 2, 1);
const round = (n: number, digits = 1): number => Number(n.toFixed(digits));
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Multi-row INSERTs of `count` rows made by `row(i)`, in batches. */
async function bulk(conn: Connection, table: string, columns: string[], count: number, row: (i: number) => unknown[]): Promise<void> {
  const sql = `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ?`;
  for (let start = 0; start < count; start += BATCH) {
    const rows: unknown[][] = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) rows.push(row(i));
    await conn.query(sql, [rows]);
  }
}

const SYSTEM = ['id', 'created_at', 'updated_at', 'owner_id', 'version'];

async function main(): Promise<void> {
  console.log(`record overview bench: ${CUSTOMERS} customers, ${RELATED} related rows, ${TARGETS} customers of 200 related records, ${RUNS} overviews per reader`);
  const url = await freshSchema(SCHEMA);
  const app = await createBankForgeApp(
    { port: 0, host: '127.0.0.1', dataDir: `/tmp/bf-bench-overview-${process.pid}`, databaseUrl: url, example: undefined, logLevel: 'silent', adminPassword: 'Bench-Only-Admin-1' },
    pino({ level: 'silent' }),
  );
  const nest = app.app;
  // The roles first: the example's automations name them, and publishing checks they exist.
  const directory = nest.get(DirectoryService);
  for (const role of bankCrmRoles) await directory.saveRole(parseRoleDefinition(role), SYSTEM_ACTOR);
  await nest.get(AppBundleService).import({ format: 'bankforge-bundle', formatVersion: 1, app: bankCrmApp, artifacts: bankCrmArtifacts }, false, SYSTEM_ACTOR);
  const database = nest.get(Database);
  const person = async (username: string, roles: string[]): Promise<Actor> => {
    const user = await directory.createUser({ username, displayName: username, branch: 'SH001', roles, managerId: null }, SYSTEM_ACTOR);
    return database.read(async (sql) => directory.actorOf(sql, (await directory.userRow(sql, user.id))!));
  };
  const rm = await person('bench_rm', ['relationship_manager']);
  const compliance = await person('bench_compliance', ['compliance_officer']);
  const records = nest.get(RecordsService);
  const branches: string[] = [];
  for (const seed of generateBankCrmSeed({ customers: 0 })) if (seed.entity === 'branch') branches.push((await records.create('branch', seed.values, SYSTEM_ACTOR)).id);

  // The background: other RMs' customers and their related rows.
  const cipher = nest.get(FieldCipher);
  const metadata = nest.get(MetadataService);
  const fieldId = async (entity: string, key: string): Promise<string> => (await metadata.entity(entity)).fieldsByKey.get(key)!.id;
  const accountNoField = await fieldId('account', 'account_no');
  const conn = await createConnection({ uri: url, dateStrings: true });
  const started = performance.now();
  const owners = Array.from({ length: 300 }, () => uuidv7());
  const customers = Array.from({ length: CUSTOMERS - TARGETS }, () => uuidv7());
  const created = (i: number): string => stored(NOW - 86_400_000 * 900 + i * 600);
  await bulk(conn, 'e_customer', [...SYSTEM, 'customer_no', 'name', 'customer_type', 'segment', 'kyc_status', 'branch', 'onboarded_at', 'aum', moneyCurrencyColumn('aum'), 'risk_level'], customers.length, (i) => [
    customers[i],
    created(i),
    created(i),
    owners[i % owners.length],
    1,
    `C${String(1_000_000_000 + i)}`,
    `客户${i}`,
    i % 10 === 0 ? 'corporate' : 'individual',
    ['mass', 'affluent', 'private', 'corporate'][i % 4],
    'verified',
    branches[i % branches.length],
    created(i),
    (random.next() * 5_000_000).toFixed(2),
    'CNY',
    `R${1 + (i % 5)}`,
  ]);
  const counts = Object.fromEntries(Object.entries(SHARES).map(([entity, share]) => [entity, Math.round(RELATED * share)])) as Record<keyof typeof SHARES, number>;
  const customerOf = (): string => customers[Math.floor(random.next() * customers.length)]!;
  const base = (i: number, customer: string): unknown[] => [uuidv7(), created(i), created(i), owners[i % owners.length], 1, customer];
  const withCustomer = [...SYSTEM, 'customer'];
  await bulk(conn, 'e_account', [...withCustomer, 'account_no', blindIndexColumn('account_no'), 'product', 'balance', moneyCurrencyColumn('balance'), 'opened_on', 'status'], counts.account, (i) => {
    const no = `62220${String(i).padStart(14, '0')}`;
    return [...base(i, customerOf()), cipher.encrypt(no, accountNoField), cipher.blindIndex(no), 'savings', (random.next() * 500_000).toFixed(2), 'CNY', '2024-01-01', 'active'];
  });
  await bulk(conn, 'e_loan_application', [...withCustomer, 'application_no', 'product', 'amount', moneyCurrencyColumn('amount'), 'term_months', 'status'], counts.loan_application, (i) => [
    ...base(i, customerOf()),
    `LA202401${String(i).padStart(8, '0')}`,
    'consumer',
    '300000.00',
    'CNY',
    36,
    'approved',
  ]);
  await bulk(conn, 'e_contact', [...withCustomer, 'name', 'relation'], counts.contact, (i) => [...base(i, customerOf()), `联系人${i}`, 'spouse']);
  await bulk(conn, 'e_opportunity', [...withCustomer, 'product', 'stage'], counts.opportunity, (i) => [...base(i, customerOf()), 'mutual_fund', 'lead']);
  await bulk(conn, 'e_interaction', [...withCustomer, 'channel', 'occurred_at', 'summary'], counts.interaction, (i) => [...base(i, customerOf()), 'phone', created(i), '电话回访']);
  await bulk(conn, 'e_relationship', [...SYSTEM, 'from_customer', 'to_customer', 'kind'], counts.relationship, (i) => [uuidv7(), created(i), created(i), owners[i % owners.length], 1, customerOf(), customerOf(), 'family']);
  for (const table of ['e_customer', 'e_account', 'e_loan_application', 'e_contact', 'e_opportunity', 'e_interaction', 'e_relationship']) await conn.query(`ANALYZE TABLE \`${table}\``);
  console.log(`  background: ${customers.length} customers and ${Object.values(counts).reduce((a, b) => a + b, 0)} related rows in ${round((performance.now() - started) / 1000)} s`);

  // The targets: the RM's customers, each with 200 related records made through the records service.
  const targets: string[] = [];
  const t0 = performance.now();
  const owner = rm.userId!;
  for (let t = 0; t < TARGETS; t++) {
    const first17 = `11010519850101${String(t + 1).padStart(3, '0')}`;
    const customer = await records.create('customer', { customer_no: `C${String(9_000_000_000 + t)}`, name: `王芳客户${t}`, resident_id: first17 + residentIdCheckCharacter(first17), customer_type: 'individual', segment: 'affluent', kyc_status: 'verified', branch: branches[0], onboarded_at: '2020-01-01T00:00:00.000Z', aum: { amount: '1200000.00', currency: 'CNY' }, risk_level: 'R3', tags: ['vip', 'payroll'] }, SYSTEM_ACTOR, undefined, owner);
    targets.push(customer.id);
    const make = (entity: string, values: Record<string, unknown>) => records.create(entity, { customer: customer.id, ...values }, SYSTEM_ACTOR, undefined, owner);
    for (let i = 0; i < PER_TARGET.account; i++) await make('account', { account_no: `6228${String(t)}${String(i).padStart(14, '0')}`, product: 'savings', balance: { amount: `${1000 + i}.50`, currency: 'CNY' }, opened_on: '2024-03-01' });
    for (let i = 0; i < PER_TARGET.loan_application; i++) {
      const loan = await make('loan_application', { product: 'consumer', amount: { amount: '200000.00', currency: 'CNY' }, term_months: 24, status: i % 3 === 0 ? 'approved' : 'submitted', ...(i % 3 === 0 ? { approved_amount: { amount: '200000.00', currency: 'CNY' } } : {}) });
      // The case of each loan, as the flow runtime stores it.
      await database.transaction((sql) =>
        sql.execute('INSERT INTO bf_flow_instance (id, flow_key, flow_version, entity_key, record_id, status, outcome, state, initiator_id, started_at, ended_at, version) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 1)', [
          uuidv7(), 'loan_approval', 'loan_application', loan.id, i % 3 === 0 ? 'completed' : 'running', i % 3 === 0 ? 'approved' : null, '{}', 'bench_rm', stored(NOW - i * 3_600_000), i % 3 === 0 ? stored(NOW - i * 3_600_000 + 1_000) : null,
        ]),
      );
    }
    for (let i = 0; i < PER_TARGET.contact; i++) await make('contact', { name: `联系人${i}`, relation: 'other', mobile: `139${String(10_000_000 + t * 100 + i)}` });
    for (let i = 0; i < PER_TARGET.opportunity; i++) await make('opportunity', { product: 'mutual_fund', stage: 'qualified' });
    for (let i = 0; i < PER_TARGET.interaction; i++) await make('interaction', { channel: 'visit', occurred_at: new Date(NOW - i * 86_400_000).toISOString(), summary: `拜访 ${i}` });
    for (let i = 0; i < PER_TARGET.relationship; i++) {
      await records.create('relationship', { from_customer: customer.id, to_customer: customers[(t * 100 + i) % customers.length], kind: 'guarantor' }, SYSTEM_ACTOR, undefined, owner);
    }
    // Changes on the timeline: the customer updated a few times.
    let version = customer.version;
    for (let i = 0; i < 5; i++) version = (await records.update('customer', customer.id, { version, aum: { amount: `${1_200_000 + i}.00`, currency: 'CNY' } }, SYSTEM_ACTOR)).version;
  }
  await conn.end();
  console.log(`  targets: ${TARGETS} customers with 200 related records each, through the service, in ${round((performance.now() - t0) / 1000)} s`);

  const overviews = nest.get(RecordOverviews);
  const sample = await overviews.overview('customer', targets[0]!, 'bank_crm', rm);
  const shape = {
    related: sample.related.map((l) => `${l.entity} ${l.total}`).join(', '),
    figures: sample.header.figures.map((f) => f.key).join(', '),
    timeline: sample.timeline.entries.length,
    graphNodes: sample.graph?.nodes.length ?? 0,
  };
  if (sample.related.reduce((n, l) => n + l.total, 0) + (sample.graph?.edges.length ?? 0) < 200) throw new Error(`the target has fewer related records than built: ${JSON.stringify(shape)}`);
  console.log(`  one overview: related ${shape.related}; figures ${shape.figures}; ${shape.timeline} timeline entries; ${shape.graphNodes} graph nodes`);

  const measure = async (reader: Actor): Promise<{ p50: number; p95: number; max: number }> => {
    for (let i = 0; i < 20; i++) await overviews.overview('customer', targets[i % targets.length]!, 'bank_crm', reader);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await overviews.overview('customer', targets[i % targets.length]!, 'bank_crm', reader);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    return { p50: round(percentile(times, 50), 2), p95: round(percentile(times, 95), 2), max: round(times[times.length - 1]!, 2) };
  };
  const asRm = await measure(rm);
  const asCompliance = await measure(compliance);
  const timeline: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    await overviews.timeline('customer', targets[i % targets.length]!, 'bank_crm', 200, rm);
    timeline.push(performance.now() - t);
  }
  timeline.sort((a, b) => a - b);
  const figures = {
    customers: CUSTOMERS,
    relatedRows: RELATED,
    relatedPerTarget: 200,
    runs: RUNS,
    rmP50Ms: asRm.p50,
    rmP95Ms: asRm.p95,
    rmMaxMs: asRm.max,
    complianceP50Ms: asCompliance.p50,
    complianceP95Ms: asCompliance.p95,
    timeline200P95Ms: round(percentile(timeline, 95), 2),
    rssMb: round(process.memoryUsage().rss / 1024 / 1024),
  };
  console.log(`overview as the owning RM (scope own):      p50 ${asRm.p50} ms, p95 ${asRm.p95} ms, max ${asRm.max} ms (target p95 < 300 ms)`);
  console.log(`overview as compliance (scope all, masked): p50 ${asCompliance.p50} ms, p95 ${asCompliance.p95} ms`);
  console.log(`timeline of 200 entries:                     p95 ${figures.timeline200P95Ms} ms`);
  console.log(`BENCH record-overview ${JSON.stringify(figures)}`);
  await nest.close();
}

await main();
