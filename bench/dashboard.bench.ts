// A dashboard of 6 widgets over 1,000,000 loans on MariaDB (the loan book of the report bench):
// each widget's report compiled with the dashboard's shared filter (the last 12 months) by the report
// engine and run, against the same question written by hand, medians and ratios; then the
// widgets run through the server's HTTP API as the runtime calls them (one after another, and
// all six at once), so the server's total is printed too.
// Targets: all widgets' server time < 1.5 s in total, each within 10% of hand-written SQL.
// Usage: npm run bench -- dashboard [--rows N] [--runs N]
import { parseArgs } from 'node:util';
import {
  compileReport,
  reportFields,
  widgetFilters,
  type DashboardDefinition,
  type DashboardWidget,
  type ReportDefinition,
} from '@bankforge/report-engine';
import type { Connection } from 'mysql2/promise';
import {
  ADMIN_PASSWORD,
  connect,
  LAST_12_MONTHS,
  LOAN_BOOK_CATALOG,
  loadLoanBook,
  median,
  NOW,
  openLoanBookServer,
  round,
  timed,
} from './loan-book.js';

const { values: args } = parseArgs({
  options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '10' } },
});
const ROWS = Number(args.rows);
const RUNS = Number(args.runs);
const SCHEMA = 'bf_bench_dashboard';

const report = (key: string, extra: Partial<ReportDefinition>): ReportDefinition => ({
  kind: 'report',
  key,
  title: key,
  source: 'loan',
  ...extra,
});
const approved = { field: 'status', op: 'eq', value: 'approved' } as const;

/** The six widgets' reports and the same questions by hand (`?`s: the 12-month range). */
const WIDGETS: { report: ReportDefinition; hand: string }[] = [
  {
    report: report('volume_by_branch', {
      dimensions: [{ key: 'branch', field: 'branch' }],
      measures: [{ key: 'n', agg: 'count' }, { key: 'total', agg: 'sum', field: 'amount' }],
      sort: [{ by: 'branch' }],
      chart: { type: 'bar', x: 'branch', y: ['total'] },
    }),
    hand: 'SELECT branch, COUNT(*), SUM(amount) FROM e_loan WHERE deleted_at IS NULL AND submitted_at >= ? AND submitted_at < ? GROUP BY branch ORDER BY branch',
  },
  {
    report: report('applications_by_month', {
      dimensions: [{ key: 'month', field: 'submitted_at', date: 'month' }],
      measures: [{ key: 'n', agg: 'count' }],
      sort: [{ by: 'month' }],
      chart: { type: 'line', x: 'month', y: ['n'] },
    }),
    hand: "SELECT DATE_FORMAT(submitted_at, '%Y-%m') AS month, COUNT(*) FROM e_loan WHERE deleted_at IS NULL AND submitted_at >= ? AND submitted_at < ? GROUP BY month ORDER BY month",
  },
  {
    report: report('pipeline_by_status', {
      dimensions: [{ key: 'status', field: 'status' }],
      measures: [{ key: 'n', agg: 'count' }],
      sort: [{ by: 'n', direction: 'desc' }],
      chart: { type: 'funnel', x: 'status', y: ['n'] },
    }),
    hand: 'SELECT status, COUNT(*) AS n FROM e_loan WHERE deleted_at IS NULL AND submitted_at >= ? AND submitted_at < ? GROUP BY status ORDER BY n DESC',
  },
  {
    report: report('approved_volume', {
      measures: [{ key: 'approved', agg: 'sum', field: 'amount', filter: approved }, { key: 'n', agg: 'count' }],
      chart: { type: 'kpi', y: ['approved'] },
    }),
    hand: "SELECT SUM(CASE WHEN status = 'approved' THEN amount END), COUNT(*) FROM e_loan WHERE deleted_at IS NULL AND submitted_at >= ? AND submitted_at < ?",
  },
  {
    report: report('top_rms', {
      dimensions: [{ key: 'rm', field: 'rm', top: { n: 10, by: 'total' } }],
      measures: [{ key: 'total', agg: 'sum', field: 'amount' }],
      sort: [{ by: 'total', direction: 'desc' }],
      chart: { type: 'bar', x: 'rm', y: ['total'], horizontal: true },
    }),
    // By hand, as a DBA writes it: each RM's volume once, ranked, everyone past the tenth folded into "Others".
    hand:
      "SELECT CASE WHEN g.rnk <= 10 THEN g.rm ELSE 'Others' END AS rm, SUM(g.total) AS total FROM " +
      '(SELECT rm, SUM(amount) AS total, ROW_NUMBER() OVER (ORDER BY SUM(amount) DESC, rm) AS rnk FROM e_loan ' +
      'WHERE deleted_at IS NULL AND submitted_at >= ? AND submitted_at < ? GROUP BY rm) g GROUP BY 1 ORDER BY total DESC, rm',
  },
  {
    report: report('approval_rate_by_branch', {
      dimensions: [{ key: 'branch', field: 'branch' }],
      measures: [
        { key: 'approved', agg: 'count', filter: approved },
        { key: 'n', agg: 'count' },
        { key: 'rate', agg: 'ratio', numerator: 'approved', denominator: 'n' },
      ],
      sort: [{ by: 'rate', direction: 'desc' }],
      chart: { type: 'bar', x: 'branch', y: ['rate'] },
    }),
    hand:
      "SELECT branch, COUNT(CASE WHEN status = 'approved' THEN 1 END) AS approved, COUNT(*) AS n, COUNT(CASE WHEN status = 'approved' THEN 1 END) / NULLIF(COUNT(*), 0) AS rate " +
      'FROM e_loan WHERE deleted_at IS NULL AND submitted_at >= ? AND submitted_at < ? GROUP BY branch ORDER BY rate DESC, branch',
  },
];

const dashboard: DashboardDefinition = {
  kind: 'dashboard',
  key: 'loan_book',
  title: 'Loan book',
  filters: [{ key: 'period', type: 'period', fields: ['submitted_at'] }],
  widgets: WIDGETS.map(({ report: r }, i): DashboardWidget => ({
    id: r.key,
    report: r.key,
    layout: { x: (i % 2) * 6, y: Math.floor(i / 2) * 4, w: 6, h: 4 },
  })),
};
// The 12 months before NOW as days, so the server (whose clock is today's) reads the same rows as the hand-written queries.
const FILTERS = { period: { from: LAST_12_MONTHS[0]!.slice(0, 10), to: '2026-01-31' } };

/** A widget's report compiled as the server compiles it for a run: with the dashboard's filter. */
function compiledWidget(widget: DashboardWidget, definition: ReportDefinition) {
  const { filter } = widgetFilters(dashboard, widget, reportFields(definition, LOAN_BOOK_CATALOG), FILTERS, []);
  return compileReport(definition, LOAN_BOOK_CATALOG, { dialect: 'mysql', now: NOW, filters: filter });
}

async function viaEngine(conn: Connection, index: number): Promise<number> {
  const compiled = compiledWidget(dashboard.widgets[index]!, WIDGETS[index]!.report);
  const [rows] = await conn.query(compiled.sql, compiled.params);
  return (rows as unknown[]).length;
}

async function byHand(conn: Connection, index: number): Promise<number> {
  const [rows] = await conn.query(WIDGETS[index]!.hand, LAST_12_MONTHS);
  return (rows as unknown[]).length;
}

async function signIn(url: string): Promise<string> {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  return /bf_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
}

async function runWidgetOverHttp(url: string, cookie: string, widget: string): Promise<number> {
  const response = await fetch(`${url}/api/dashboards/${dashboard.key}/widgets/${widget}/run`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ filters: FILTERS }),
  });
  if (response.status !== 200) throw new Error(`${widget} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { rows: unknown[] }).rows.length;
}

async function main(): Promise<void> {
  console.log(`dashboard bench: ${WIDGETS.length} widgets over ${ROWS} loans, ${RUNS} runs per side, MariaDB`);
  const { server, url } = await openLoanBookServer(SCHEMA, [...WIDGETS.map((w) => w.report), dashboard]);
  const conn = await connect(SCHEMA);
  await loadLoanBook(conn, ROWS);
  // The engine's query and the hand-written one must answer the same rows (counted; values are the report bench's check).
  for (let i = 0; i < WIDGETS.length; i++) {
    const [engineRows, handRows] = [await viaEngine(conn, i), await byHand(conn, i)];
    if (engineRows !== handRows) throw new Error(`${WIDGETS[i]!.report.key}: ${engineRows} rows by the engine, ${handRows} by hand`);
  }
  const perWidget = [];
  for (let i = 0; i < WIDGETS.length; i++) {
    const engineMs: number[] = [];
    const handMs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const order = run % 2 === 0 ? ['engine', 'hand'] : ['hand', 'engine'];
      for (const side of order) {
        if (side === 'engine') engineMs.push((await timed(() => viaEngine(conn, i)))[0]);
        else handMs.push((await timed(() => byHand(conn, i)))[0]);
      }
    }
    const figure = {
      widget: WIDGETS[i]!.report.key,
      engineMs: round(median(engineMs), 1),
      handMs: round(median(handMs), 1),
      ratio: round(median(engineMs) / median(handMs), 3),
    };
    perWidget.push(figure);
    console.log(`  ${figure.widget.padEnd(24)} engine ${figure.engineMs} ms, hand-written ${figure.handMs} ms, ratio ${figure.ratio}`);
  }
  await conn.end();

  const cookie = await signIn(url);
  for (const w of dashboard.widgets) await runWidgetOverHttp(url, cookie, w.id); // warm the server's caches
  const sequential: number[] = [];
  const concurrent: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    sequential.push((await timed(async () => {
      for (const w of dashboard.widgets) await runWidgetOverHttp(url, cookie, w.id);
    }))[0]);
    concurrent.push((await timed(() => Promise.all(dashboard.widgets.map((w) => runWidgetOverHttp(url, cookie, w.id)))))[0]);
  }
  const figures = {
    rows: ROWS,
    widgets: perWidget,
    worstRatio: Math.max(...perWidget.map((w) => w.ratio)),
    engineTotalMs: round(perWidget.reduce((sum, w) => sum + w.engineMs, 0), 1),
    handTotalMs: round(perWidget.reduce((sum, w) => sum + w.handMs, 0), 1),
    httpSequentialMs: round(median(sequential), 1),
    httpConcurrentMs: round(median(concurrent), 1),
  };
  console.log(`worst widget ratio engine/hand-written: ${figures.worstRatio} (target <= 1.10)`);
  console.log(`all widgets, engine queries: ${figures.engineTotalMs} ms (hand-written ${figures.handTotalMs} ms)`);
  console.log(`all widgets through HTTP, one after another: ${figures.httpSequentialMs} ms (target < 1500 ms); all at once: ${figures.httpConcurrentMs} ms`);
  console.log(`BENCH dashboard ${JSON.stringify(figures)}`);
  await server.app.close();
}

await main();
