// Report engine vs hand-written SQL on MariaDB: 1,000,000 loans over 200 branches and 2,000 RMs.
// "Sum and count of loan amount by branch and month, last 12 months", 20 times each, medians and
// the ratio; the naive alternative (fetch the rows, aggregate in Node); and a 1,000,000-row CSV
// export streamed through the server with its RSS growth.
// Usage: npm run bench -- report [--rows N] [--runs N]
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { EntityDefinition, FieldDefinition } from '@bankforge/data-model';
import { compileReport, type ReportDefinition } from '@bankforge/report-engine';
import { ArtifactsService, createBankForgeApp, SYSTEM_ACTOR, type BankForgeApp } from '@bankforge/server';
import { createConnection, type Connection } from 'mysql2/promise';
import { pino } from 'pino';

const { values: args } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '20' } },
});
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);
const BRANCHES = 200;
const RMS = 2000;
const CHUNK = 5000;
const SCHEMA = 'bf_bench_report';
const ADMIN_PASSWORD = 'Bench-Admin-Password-1';
const NOW = new Date('2026-01-15T09:30:00.000Z');
const baseUrl = new URL(
  process.env.BENCH_MYSQL_URL ?? process.env.TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test',
);

const field = (
  key: string,
  type: FieldDefinition['type'],
  extra: Partial<FieldDefinition> = {},
): FieldDefinition => ({ id: `f_${key}`, key, type, label: { en: key, 'zh-CN': key }, ...extra });
const entity = (key: string, fields: FieldDefinition[]): EntityDefinition => ({
  kind: 'entity',
  key,
  title: key,
  label: { en: key, 'zh-CN': key },
  fields,
});
const ENTITIES = [
  entity('branch', [field('code', 'text', { maxLength: 8 })]),
  entity('rm', [field('name', 'text'), field('branch', 'reference', { reference: { entity: 'branch' } })]),
  entity('loan', [
    field('branch', 'reference', { reference: { entity: 'branch' } }),
    field('rm', 'reference', { reference: { entity: 'rm' } }),
    field('amount', 'money'),
    field('status', 'singleSelect', {
      options: ['submitted', 'approved', 'rejected'].map((value) => ({
        value,
        label: { en: value, 'zh-CN': value },
      })),
    }),
    field('submitted_at', 'datetime', { indexed: true }),
  ]),
];

const byBranchMonth: ReportDefinition = {
  kind: 'report',
  key: 'loans_by_branch_month',
  title: 'Loans by branch and month',
  source: 'loan',
  filter: { field: 'submitted_at', op: 'within', value: { last: 12, unit: 'month' } },
  dimensions: [
    { key: 'branch', field: 'branch' },
    { key: 'month', field: 'submitted_at', date: 'month' },
  ],
  measures: [
    { key: 'n', agg: 'count' },
    { key: 'total', agg: 'sum', field: 'amount' },
  ],
};

const loanList: ReportDefinition = {
  kind: 'report',
  key: 'loan_list',
  title: 'Loans',
  source: 'loan',
  dimensions: ['id', 'branch', 'rm', 'amount', 'status', 'submitted_at'].map((key) => ({ key, field: key })),
};

/** The same question written by hand, as an application developer would. */
const HAND_SQL =
  "SELECT branch, DATE_FORMAT(submitted_at, '%Y-%m') AS month, COUNT(*) AS n, SUM(amount) AS total FROM e_loan " +
  'WHERE deleted_at IS NULL AND submitted_at >= ? AND submitted_at < ? GROUP BY branch, month ORDER BY branch, month';
// The last 12 calendar months including the current one, as the engine resolves them for NOW.
const RANGE = ['2025-02-01 00:00:00.000', '2026-02-01 00:00:00.000'];

const round = (n: number, digits = 1): number => Number(n.toFixed(digits));
const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const mb = (bytes: number): number => round(bytes / 1024 / 1024);

function connect(database?: string): Promise<Connection> {
  return createConnection({
    host: baseUrl.hostname,
    port: Number(baseUrl.port || 3306),
    user: decodeURIComponent(baseUrl.username),
    password: decodeURIComponent(baseUrl.password),
    database,
    dateStrings: true,
    supportBigNumbers: true,
  });
}

async function openServer(): Promise<{ server: BankForgeApp; url: string }> {
  const admin = await connect();
  await admin.query(`DROP DATABASE IF EXISTS \`${SCHEMA}\``);
  await admin.query(`CREATE DATABASE \`${SCHEMA}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  await admin.end();
  const databaseUrl = new URL(baseUrl);
  databaseUrl.pathname = `/${SCHEMA}`;
  const server = await createBankForgeApp(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir: '/tmp',
      databaseUrl: databaseUrl.toString(),
      example: undefined,
      logLevel: 'silent',
      adminPassword: ADMIN_PASSWORD,
    },
    pino({ level: 'silent' }),
  );
  await server.app.listen(0, '127.0.0.1');
  const address = server.app.getHttpServer().address() as { port: number };
  const artifacts = server.app.get(ArtifactsService);
  for (const document of [...ENTITIES, byBranchMonth, loanList]) {
    await artifacts.saveDraft(document.kind, document.key, document, undefined, SYSTEM_ACTOR);
    await artifacts.publish(document.kind, document.key, false, SYSTEM_ACTOR);
  }
  return { server, url: `http://127.0.0.1:${address.port}` };
}

/** Bulk rows straight into the tables (the store's API is not what this bench measures). */
async function load(conn: Connection): Promise<void> {
  const stamp = '2025-01-01 00:00:00.000';
  const system = (id: string): (string | number | null)[] => [id, stamp, stamp, 1, null];
  const columns = (names: string[]): string =>
    ['id', 'created_at', 'updated_at', 'version', 'owner_id', ...names].map((c) => `\`${c}\``).join(', ');
  await conn.query('SET foreign_key_checks = 0, unique_checks = 0');
  const branches = Array.from({ length: BRANCHES }, (_, i) => [...system(`b${pad(i, 4)}`), `B${pad(i, 4)}`]);
  await conn.query(`INSERT INTO e_branch (${columns(['code'])}) VALUES ?`, [branches]);
  const rms = Array.from({ length: RMS }, (_, i) => [
    ...system(`r${pad(i, 5)}`),
    `RM ${i}`,
    `b${pad(i % BRANCHES, 4)}`,
  ]);
  await conn.query(`INSERT INTO e_rm (${columns(['name', 'branch'])}) VALUES ?`, [rms]);
  // mulberry32: consecutive draws are independent enough that every branch sees every month.
  let seed = 7;
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const span = 730 * 86_400_000;
  for (let start = 0; start < ROWS; start += CHUNK) {
    const rows: (string | number | null)[][] = [];
    for (let i = start; i < Math.min(ROWS, start + CHUNK); i++) {
      const rm = Math.floor(random() * RMS);
      const submitted = new Date(NOW.getTime() - Math.floor(random() * span))
        .toISOString()
        .replace('T', ' ')
        .slice(0, 23);
      rows.push([
        ...system(`l${pad(i, 8)}`),
        `b${pad(rm % BRANCHES, 4)}`,
        `r${pad(rm, 5)}`,
        (Math.floor(random() * 500_000_00) / 100).toFixed(2),
        'CNY',
        ['submitted', 'approved', 'rejected'][i % 3]!,
        submitted,
      ]);
    }
    await conn.query(
      `INSERT INTO e_loan (${columns(['branch', 'rm', 'amount', 'amount_currency', 'status', 'submitted_at'])}) VALUES ?`,
      [rows],
    );
    if ((start / CHUNK) % 20 === 0) process.stdout.write(`  loaded ${start + rows.length} loans\r`);
  }
  process.stdout.write('\n');
  await conn.query('SET foreign_key_checks = 1, unique_checks = 1');
  await conn.query('ANALYZE TABLE e_loan');
}

type Row = { branch: string; month: string; n: number; total: number };

async function viaEngine(conn: Connection): Promise<Row[]> {
  const compiled = compileReport(byBranchMonth, new Map(ENTITIES.map((e) => [e.key, e])), {
    dialect: 'mysql',
    now: NOW,
  });
  const [rows] = await conn.query(compiled.sql, compiled.params);
  return (rows as Record<string, unknown>[]).map((r) => compiled.toRow(r) as Row);
}

async function byHand(conn: Connection): Promise<Row[]> {
  const [rows] = await conn.query(HAND_SQL, RANGE);
  return (rows as Record<string, unknown>[]).map((r) => ({
    branch: String(r.branch),
    month: String(r.month),
    n: Number(r.n),
    total: Number(r.total),
  }));
}

/** What a report layer without push-down does: fetch every row in range and group in JS. */
async function naive(conn: Connection): Promise<Row[]> {
  const [rows] = await conn.query(
    'SELECT branch, submitted_at, amount FROM e_loan WHERE deleted_at IS NULL AND submitted_at >= ? AND submitted_at < ?',
    RANGE,
  );
  const groups = new Map<string, Row>();
  for (const r of rows as { branch: string; submitted_at: string; amount: string }[]) {
    const month = r.submitted_at.slice(0, 7);
    const key = `${r.branch}|${month}`;
    const group = groups.get(key) ?? { branch: r.branch, month, n: 0, total: 0 };
    group.n++;
    group.total += Number(r.amount);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) =>
    a.branch === b.branch ? (a.month < b.month ? -1 : 1) : a.branch < b.branch ? -1 : 1,
  );
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const result = await work();
  return [performance.now() - t, result];
}

function sameResult(a: Row[], b: Row[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (r, i) =>
        r.branch === b[i]!.branch &&
        r.month === b[i]!.month &&
        r.n === b[i]!.n &&
        Math.abs(r.total - b[i]!.total) < 0.01,
    )
  );
}

/** Streams the export over HTTP, sampling the process's RSS as chunks arrive. */
async function exportCsv(
  url: string,
): Promise<{ ms: number; rows: number; bytes: number; rssBeforeMb: number; rssPeakMb: number }> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  const cookie = /bf_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t = performance.now();
  const response = await fetch(`${url}/api/reports/loan_list/export?format=csv`, { headers: { cookie } });
  if (response.status !== 200 || !response.body)
    throw new Error(`export answered ${response.status}: ${await response.text()}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    for (const byte of chunk) if (byte === 10) lines++;
  }
  const ms = performance.now() - t;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, rows: lines - 1, bytes, rssBeforeMb: mb(before), rssPeakMb: mb(peak) };
}

async function main(): Promise<void> {
  console.log(
    `report bench: ${ROWS} loans, ${BRANCHES} branches, ${RMS} RMs, ${RUNS} runs per side, MariaDB at ${baseUrl.host}`,
  );
  const { server, url } = await openServer();
  const conn = await connect(SCHEMA);
  const loadStart = performance.now();
  await load(conn);
  console.log(`loaded in ${round((performance.now() - loadStart) / 1000)} s`);
  // The export first, while the process holds nothing else big: its RSS growth is its own.
  const exported = await exportCsv(url);
  if (exported.rows !== ROWS) throw new Error(`the export streamed ${exported.rows} rows, not ${ROWS}`);

  const [engineWarm, engineRows] = await timed(() => viaEngine(conn));
  const [handWarm, handRows] = await timed(() => byHand(conn));
  if (!sameResult(engineRows, handRows))
    throw new Error(
      `the engine and the hand-written query disagree (${engineRows.length} vs ${handRows.length} rows)`,
    );
  console.log(
    `warm-up: engine ${round(engineWarm)} ms, hand-written ${round(handWarm)} ms, ${engineRows.length} groups`,
  );
  const engineMs: number[] = [];
  const handMs: number[] = [];
  // Alternate which side goes first, so neither always meets the warmer cache.
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 === 0 ? ['engine', 'hand'] : ['hand', 'engine'];
    for (const side of order) {
      if (side === 'engine') engineMs.push((await timed(() => viaEngine(conn)))[0]);
      else handMs.push((await timed(() => byHand(conn)))[0]);
    }
  }
  const naiveMs: number[] = [];
  (globalThis as { gc?: () => void }).gc?.();
  const rssBeforeNaive = process.memoryUsage().rss;
  let rssNaivePeak = rssBeforeNaive;
  for (let i = 0; i < 3; i++) {
    const [ms, rows] = await timed(() => naive(conn));
    rssNaivePeak = Math.max(rssNaivePeak, process.memoryUsage().rss);
    if (!sameResult(rows, handRows)) throw new Error('the naive aggregation disagrees');
    naiveMs.push(ms);
  }
  await conn.end();

  const figures = {
    rows: ROWS,
    groups: engineRows.length,
    runs: RUNS,
    engineMedianMs: round(median(engineMs), 2),
    handWrittenMedianMs: round(median(handMs), 2),
    ratio: round(median(engineMs) / median(handMs), 3),
    naiveMedianMs: round(median(naiveMs), 1),
    naiveRatio: round(median(naiveMs) / median(handMs), 2),
    naiveRssGrowthMb: mb(rssNaivePeak - rssBeforeNaive),
    csvExportRows: exported.rows,
    csvExportMb: mb(exported.bytes),
    csvExportSeconds: round(exported.ms / 1000, 2),
    csvRssBeforeMb: exported.rssBeforeMb,
    csvRssPeakMb: exported.rssPeakMb,
    csvRssGrowthMb: round(exported.rssPeakMb - exported.rssBeforeMb),
  };
  console.log(
    `by branch and month, last 12 months: engine median ${figures.engineMedianMs} ms, hand-written ${figures.handWrittenMedianMs} ms`,
  );
  console.log(`ratio engine/hand-written: ${figures.ratio} (target <= 1.10)`);
  console.log(
    `naive fetch-and-aggregate in Node: median ${figures.naiveMedianMs} ms (${figures.naiveRatio}x the hand-written query), RSS +${figures.naiveRssGrowthMb} MB`,
  );
  console.log(
    `CSV export: ${figures.csvExportRows} rows, ${figures.csvExportMb} MB in ${figures.csvExportSeconds} s; RSS ${figures.csvRssBeforeMb} -> peak ${figures.csvRssPeakMb} MB, growth ${figures.csvRssGrowthMb} MB (target < 100 MB)`,
  );
  console.log(`BENCH report ${JSON.stringify(figures)}`);
  await server.app.close();
}

await main();
