// Report engine vs hand-written SQL on MariaDB: 1,000,000 loans over 200 branches and 2,000 RMs.
// "Sum and count of loan amount by branch and month, last 12 months", 20 times each, medians and
// the ratio; the naive alternative (fetch the rows, aggregate in Node); and a 1,000,000-row CSV
// export streamed through the server with its RSS growth.
// Usage: npm run bench -- report [--rows N] [--runs N]
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { compileReport, type ReportDefinition } from '@bankforge/report-engine';
import type { Connection } from 'mysql2/promise';
import {
  ADMIN_PASSWORD,
  BRANCHES,
  connect,
  LAST_12_MONTHS as RANGE,
  LOAN_BOOK_CATALOG,
  loadLoanBook,
  mb,
  median,
  NOW,
  openLoanBookServer,
  RMS,
  round,
  timed,
} from './loan-book.js';

const { values: args } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '20' } },
});
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);
const SCHEMA = 'bf_bench_report';

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

type Row = { branch: string; month: string; n: number; total: number };

async function viaEngine(conn: Connection): Promise<Row[]> {
  const compiled = compileReport(byBranchMonth, LOAN_BOOK_CATALOG, {
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
    `report bench: ${ROWS} loans, ${BRANCHES} branches, ${RMS} RMs, ${RUNS} runs per side, MariaDB`,
  );
  const { server, url } = await openLoanBookServer(SCHEMA, [byBranchMonth, loanList]);
  const conn = await connect(SCHEMA);
  const loadStart = performance.now();
  await loadLoanBook(conn, ROWS);
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
