/**
 * The compiler's SQL run on SQLite (always) and MariaDB (when TEST_MYSQL_URL is set) against the
 * same fixture rows, compared with results computed independently in JS from those rows.
 */
import { dialectOf, type CalendarUnit, type RecordFilter } from '@bankforge/data-model';
import { NOW, PERIODS } from '@bankforge/data-model/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDefinition } from '../artifact/report-definition.js';
import type { ReportRow } from '../result/result-types.js';
import { CATALOG } from '../test-support/entities.js';
import { approx, avg, compareKeys, groupRows, max, min, num, sum } from '../test-support/expected.js';
import { branches, customers, live, loans, type LoanRow } from '../test-support/fixture-data.js';
import { openFixtureDatabase, testDialects, type TestDatabase } from '../test-support/test-database.js';
import { compileReport, ReportCompileError, type CompileOptions } from './compile-report.js';

const liveLoans = live(loans);
const liveCustomers = live(customers);
const branchById = new Map(live(branches).map((b) => [b.id, b]));
const customerById = new Map(liveCustomers.map((c) => [c.id, c]));
const codeOf = (l: LoanRow): string | null =>
  l.branch === null ? null : (branchById.get(l.branch)?.code ?? null);
const amounts = (rows: LoanRow[]): (number | null)[] => rows.map((l) => num(l.amount));
const count = (rows: unknown[]): number => rows.length;

function report(extra: Partial<ReportDefinition>): ReportDefinition {
  return { kind: 'report', key: 'test', title: 'Test', source: 'loan', ...extra };
}

const BRANCH_JOIN = { alias: 'br', kind: 'manyToOne', field: 'branch' } as const;

/** Monday of the ISO week of a `YYYY-MM-DD...` text. */
function weekOf(text: string): string {
  const d = new Date(`${text.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

const BUCKETS: Record<CalendarUnit, (text: string) => string> = {
  day: (t) => t.slice(0, 10),
  week: weekOf,
  month: (t) => t.slice(0, 7),
  quarter: (t) => `${t.slice(0, 4)}-Q${Math.floor((Number(t.slice(5, 7)) - 1) / 3) + 1}`,
  year: (t) => t.slice(0, 4),
};

describe.each(testDialects())('reports on %s', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openFixtureDatabase(dialect);
  }, 60_000);
  afterAll(async () => {
    await db?.close();
  });

  async function run(
    definition: ReportDefinition,
    options: Partial<CompileOptions> = {},
  ): Promise<ReportRow[]> {
    const compiled = compileReport(definition, CATALOG, { dialect, now: NOW, ...options });
    return (await db.all(compiled.sql, compiled.params)).map((row) => compiled.toRow(row));
  }

  /** Ids of the live loans a filter keeps, in id order. */
  async function ids(filter: RecordFilter, options: Partial<CompileOptions> = {}): Promise<string[]> {
    const rows = await run(report({ dimensions: [{ key: 'id', field: 'id' }], filter }), options);
    return rows.map((r) => r.id as string);
  }
  const idsOf = (keep: (l: LoanRow) => boolean): string[] => liveLoans.filter(keep).map((l) => l.id);

  it('computes every measure by a many-to-one joined field', async () => {
    const rows = await run(
      report({
        joins: [BRANCH_JOIN],
        dimensions: [{ key: 'branch', field: 'br.code' }],
        measures: [
          { key: 'n', agg: 'count' },
          { key: 'with_amount', agg: 'count', field: 'amount' },
          { key: 'customers', agg: 'countDistinct', field: 'customer' },
          { key: 'total', agg: 'sum', field: 'amount' },
          { key: 'mean', agg: 'avg', field: 'amount' },
          { key: 'smallest', agg: 'min', field: 'amount' },
          { key: 'largest', agg: 'max', field: 'amount' },
          { key: 'first_decision', agg: 'min', field: 'decided_on' },
          { key: 'last_submission', agg: 'max', field: 'submitted_at' },
          { key: 'mean_rate', agg: 'avg', field: 'rate' },
          { key: 'terms', agg: 'sum', field: 'term_months' },
        ],
      }),
    );
    const strings = (values: (string | null)[], pick: 'min' | 'max'): string | null => {
      const present = values.filter((v): v is string => v !== null).sort();
      return present.length === 0 ? null : pick === 'min' ? present[0]! : present[present.length - 1]!;
    };
    const expected = groupRows(
      liveLoans,
      { branch: codeOf },
      {
        n: count,
        with_amount: (g) => g.filter((l) => l.amount !== null).length,
        customers: (g) => new Set(g.map((l) => l.customer)).size,
        total: (g) => sum(amounts(g)),
        mean: (g) => avg(amounts(g)),
        smallest: (g) => min(amounts(g)),
        largest: (g) => max(amounts(g)),
        first_decision: (g) =>
          strings(
            g.map((l) => l.decided_on),
            'min',
          ),
        last_submission: (g) => {
          const latest = strings(
            g.map((l) => l.submitted_at),
            'max',
          );
          return latest === null ? null : `${latest.replace(' ', 'T')}Z`;
        },
        mean_rate: (g) => avg(g.map((l) => num(l.rate))),
        terms: (g) => sum(g.map((l) => l.term_months)),
      },
    );
    expect(expected.length).toBeGreaterThan(3);
    expect(rows).toEqual(approx(expected));
  });

  it.each(['day', 'week', 'month', 'quarter', 'year'] as const)(
    'buckets datetimes and dates by %s',
    async (unit) => {
      for (const field of ['submitted_at', 'decided_on'] as const) {
        const rows = await run(
          report({
            dimensions: [{ key: 'bucket', field, date: unit }],
            measures: [{ key: 'n', agg: 'count' }],
          }),
        );
        const expected = groupRows(
          liveLoans,
          { bucket: (l) => (l[field] === null ? null : BUCKETS[unit](l[field]!)) },
          { n: count },
        );
        expect(rows).toEqual(expected);
      }
    },
  );

  it('bins numbers by width from an origin, negative values included', async () => {
    const rows = await run(
      report({
        dimensions: [{ key: 'bin', field: 'amount', bin: { width: 250000 } }],
        measures: [{ key: 'n', agg: 'count' }],
      }),
    );
    expect(rows).toEqual(
      groupRows(
        liveLoans,
        { bin: (l) => (l.amount === null ? null : Math.floor(Number(l.amount) / 250000) * 250000) },
        { n: count },
      ),
    );
    const incomes = await run(
      report({
        source: 'customer',
        dimensions: [{ key: 'bin', field: 'income', bin: { width: 100000, origin: 50000 } }],
        measures: [{ key: 'n', agg: 'count' }],
      }),
    );
    const expected = groupRows(
      liveCustomers,
      {
        bin: (c) =>
          c.income === null ? null : Math.floor((Number(c.income) - 50000) / 100000) * 100000 + 50000,
      },
      { n: count },
    );
    expect(expected.some((r) => (r.bin as number) < 0)).toBe(true);
    expect(incomes).toEqual(expected);
  });

  it('keeps the top N values by a measure and folds the rest into "others"', async () => {
    const rows = await run(
      report({
        dimensions: [{ key: 'rm', field: 'rm', top: { n: 3, by: 'total', othersLabel: 'Other RMs' } }],
        measures: [
          { key: 'total', agg: 'sum', field: 'amount' },
          { key: 'n', agg: 'count' },
        ],
      }),
    );
    const byRm = groupRows(liveLoans, { rm: (l) => l.rm }, { total: (g) => sum(amounts(g)), n: count });
    const ranked = [...byRm].sort(
      (a, b) =>
        (b.total as number) - (a.total as number) ||
        compareKeys([a.rm as string | null], [b.rm as string | null]),
    );
    const top = new Set(ranked.slice(0, 3).map((r) => r.rm));
    const expected = groupRows(
      liveLoans,
      { rm: (l) => (top.has(l.rm) ? l.rm : 'Other RMs') },
      { total: (g) => sum(amounts(g)), n: count },
    );
    expect(rows).toHaveLength(4);
    expect(rows).toEqual(approx(expected));
  });

  it('folds the others in one pass with ratios, minimums and maximums, and in two with a distinct count', async () => {
    const approved = { field: 'status', op: 'eq', value: 'approved' } as const;
    const ranked = report({
      dimensions: [{ key: 'rm', field: 'rm', top: { n: 2, by: 'n', direction: 'asc' } }],
      measures: [
        { key: 'n', agg: 'count' },
        { key: 'approved', agg: 'count', filter: approved },
        { key: 'rate', agg: 'ratio', numerator: 'approved', denominator: 'n' },
        { key: 'smallest', agg: 'min', field: 'amount' },
        { key: 'largest', agg: 'max', field: 'amount' },
      ],
    });
    const compiled = compileReport(ranked, CATALOG, { dialect, now: NOW });
    expect(compiled.sql).toContain('ROW_NUMBER() OVER');
    const byRm = groupRows(liveLoans, { rm: (l) => l.rm }, { n: count });
    const bottom = new Set(
      [...byRm]
        .sort((a, b) => (a.n as number) - (b.n as number) || compareKeys([a.rm as string | null], [b.rm as string | null]))
        .slice(0, 2)
        .map((r) => r.rm),
    );
    const approvedOf = (g: LoanRow[]): number => g.filter((l) => l.status === 'approved').length;
    const expected = groupRows(
      liveLoans,
      { rm: (l) => (bottom.has(l.rm) ? l.rm : 'Others') },
      { n: count, approved: approvedOf, rate: (g) => approvedOf(g) / g.length, smallest: (g) => min(amounts(g)), largest: (g) => max(amounts(g)) },
    );
    expect(await run(ranked)).toEqual(approx(expected));

    const distinct = report({
      dimensions: [{ key: 'rm', field: 'rm', top: { n: 2, by: 'n', direction: 'asc' } }],
      measures: [
        { key: 'n', agg: 'count' },
        { key: 'customers', agg: 'countDistinct', field: 'customer' },
      ],
    });
    expect(compileReport(distinct, CATALOG, { dialect, now: NOW }).sql).not.toContain('ROW_NUMBER');
    const customersOf = (g: LoanRow[]): number => new Set(g.filter((l) => l.customer !== null).map((l) => l.customer)).size;
    expect(await run(distinct)).toEqual(
      approx(groupRows(liveLoans, { rm: (l) => (bottom.has(l.rm) ? l.rm : 'Others') }, { n: count, customers: customersOf })),
    );
  });

  it('computes ratios of filtered measures (approval rate)', async () => {
    const rows = await run(
      report({
        dimensions: [{ key: 'product', field: 'product' }],
        measures: [
          {
            key: 'decided',
            agg: 'count',
            filter: { field: 'status', op: 'in', value: ['approved', 'rejected'] },
          },
          { key: 'approved', agg: 'count', filter: { field: 'status', op: 'eq', value: 'approved' } },
          {
            key: 'approved_amount',
            agg: 'sum',
            field: 'amount',
            filter: { field: 'status', op: 'eq', value: 'approved' },
          },
          { key: 'rate', agg: 'ratio', numerator: 'approved', denominator: 'decided' },
        ],
      }),
    );
    const expected = groupRows(
      liveLoans,
      { product: (l) => l.product },
      {
        decided: (g) => g.filter((l) => l.status === 'approved' || l.status === 'rejected').length,
        approved: (g) => g.filter((l) => l.status === 'approved').length,
        approved_amount: (g) => sum(amounts(g.filter((l) => l.status === 'approved'))),
        rate: (g) => {
          const decided = g.filter((l) => l.status === 'approved' || l.status === 'rejected').length;
          return decided === 0 ? null : g.filter((l) => l.status === 'approved').length / decided;
        },
      },
    );
    expect(rows).toEqual(approx(expected));
  });

  it('pushes calculated FEEL fields down: arithmetic, comparisons, if-then-else, concatenation', async () => {
    const rows = await run(
      report({
        joins: [BRANCH_JOIN],
        calculated: [
          { key: 'monthly', expression: 'amount / term_months' },
          {
            key: 'size',
            expression: 'if amount > 500000 then "large" else if amount = null then "none" else "small"',
          },
          { key: 'label', expression: 'br.code + "-" + product' },
          { key: 'long_term', expression: 'term_months >= 24 and not_short' },
          { key: 'not_short', expression: 'term_months != 6' },
          { key: 'interest', expression: '-(amount * rate / 100) + 1' },
        ],
        dimensions: [
          { key: 'size', field: 'size' },
          { key: 'label', field: 'label' },
          { key: 'long_term', field: 'long_term' },
        ],
        measures: [
          { key: 'monthly', agg: 'sum', field: 'monthly' },
          { key: 'interest', agg: 'sum', field: 'interest' },
        ],
      }),
    );
    const amount = (l: LoanRow): number | null => num(l.amount);
    const expected = groupRows(
      liveLoans,
      {
        size: (l) => (amount(l) === null ? 'none' : amount(l)! > 500000 ? 'large' : 'small'),
        label: (l) => (codeOf(l) === null ? null : `${codeOf(l)}-${l.product}`),
        long_term: (l) => (l.term_months === null ? null : l.term_months >= 24 && l.term_months !== 6),
      },
      {
        monthly: (g) =>
          sum(g.map((l) => (amount(l) === null || !l.term_months ? null : amount(l)! / l.term_months))),
        interest: (g) =>
          sum(
            g.map((l) =>
              amount(l) === null || l.rate === null ? null : -((amount(l)! * Number(l.rate)) / 100) + 1,
            ),
          ),
      },
    );
    expect(rows).toEqual(approx(expected));
  });

  const FILTERS: [string, RecordFilter, (l: LoanRow) => boolean][] = [
    ['eq on a select', { field: 'status', op: 'eq', value: 'approved' }, (l) => l.status === 'approved'],
    [
      'ne keeps empty values',
      { field: 'status', op: 'ne', value: 'approved' },
      (l) => l.status !== 'approved',
    ],
    [
      'lt on money',
      { field: 'amount', op: 'lt', value: '500000.50' },
      (l) => l.amount !== null && Number(l.amount) < 500000.5,
    ],
    [
      'lte on an integer',
      { field: 'term_months', op: 'lte', value: 24 },
      (l) => l.term_months !== null && l.term_months <= 24,
    ],
    [
      'gt on a datetime',
      { field: 'submitted_at', op: 'gt', value: '2025-01-01T08:00:00+08:00' },
      (l) => l.submitted_at !== null && l.submitted_at > '2025-01-01 00:00:00.000',
    ],
    [
      'gte on a date',
      { field: 'decided_on', op: 'gte', value: '2025-01-01' },
      (l) => l.decided_on !== null && l.decided_on >= '2025-01-01',
    ],
    [
      'in',
      { field: 'product', op: 'in', value: ['auto', 'consumer'] },
      (l) => l.product === 'auto' || l.product === 'consumer',
    ],
    [
      'nin keeps empty values',
      { field: 'status', op: 'nin', value: ['draft', 'submitted'] },
      (l) => l.status !== 'draft' && l.status !== 'submitted',
    ],
    [
      'contains escapes wildcards',
      { field: 'note', op: 'contains', value: '%_S' },
      (l) => l.note !== null && l.note.toLowerCase().includes('%_s'),
    ],
    [
      'startsWith ignores case',
      { field: 'note', op: 'startsWith', value: '=hyper' },
      (l) => l.note !== null && l.note.toLowerCase().startsWith('=hyper'),
    ],
    ['isNull true', { field: 'rate', op: 'isNull', value: true }, (l) => l.rate === null],
    ['isNull false on JSON', { field: 'extra', op: 'isNull', value: false }, (l) => l.extra !== null],
    [
      'between on a decimal',
      { field: 'rate', op: 'between', value: ['4', '5.5'] },
      (l) => l.rate !== null && Number(l.rate) >= 4 && Number(l.rate) <= 5.5,
    ],
    [
      'not keeps empty values',
      { not: { field: 'status', op: 'eq', value: 'approved' } },
      (l) => l.status !== 'approved',
    ],
    [
      'and/or',
      {
        or: [
          {
            and: [
              { field: 'product', op: 'eq', value: 'auto' },
              { field: 'term_months', op: 'gt', value: 12 },
            ],
          },
          { field: 'note', op: 'eq', value: "O'Brien" },
        ],
      },
      (l) => (l.product === 'auto' && l.term_months !== null && l.term_months > 12) || l.note === "O'Brien",
    ],
    [
      "a money field's currency",
      { field: 'amount.currency', op: 'eq', value: 'CNY' },
      (l) => l.amount_currency === 'CNY',
    ],
    [
      'a boolean through a join',
      { field: 'cust.vip', op: 'eq', value: true },
      (l) => customerById.get(l.customer)?.vip === true,
    ],
    [
      'a multi select through a join',
      { field: 'cust.tags', op: 'contains', value: 'wealth' },
      (l) => customerById.get(l.customer)?.tags?.includes('wealth') === true,
    ],
    ['a system column', { field: 'owner_id', op: 'eq', value: 'u1' }, (l) => l.owner_id === 'u1'],
  ];

  it.each(FILTERS)('filters: %s', async (_, filter, keep) => {
    const expected = idsOf(keep);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(liveLoans.length);
    const rows = await run(
      report({
        joins: [{ alias: 'cust', kind: 'manyToOne', field: 'customer' }],
        dimensions: [{ key: 'id', field: 'id' }],
        filter,
      }),
    );
    expect(rows.map((r) => r.id)).toEqual(expected);
  });

  it.each(PERIODS)('relative dates: within %j on a datetime and a date', async (period, start, end) => {
    const datetimes = await ids({ field: 'submitted_at', op: 'within', value: period });
    expect(datetimes).toEqual(
      idsOf(
        (l) =>
          l.submitted_at !== null &&
          l.submitted_at >= `${start} 00:00:00.000` &&
          l.submitted_at < `${end} 00:00:00.000`,
      ),
    );
    const dates = await ids({ field: 'decided_on', op: 'within', value: period });
    expect(dates).toEqual(idsOf((l) => l.decided_on !== null && l.decided_on >= start && l.decided_on < end));
  });

  it('reads the clock it is given', async () => {
    const later = await ids(
      { field: 'submitted_at', op: 'within', value: 'today' },
      { now: new Date('2025-05-13T12:00:00Z') },
    );
    expect(later).toEqual(idsOf((l) => l.submitted_at?.startsWith('2025-05-13') === true));
    expect(later.length).toBeGreaterThan(0);
  });

  it('joins one-to-many children as per-parent aggregates, so parents are not counted twice', async () => {
    const rows = await run(
      report({
        source: 'customer',
        joins: [
          {
            alias: 'approved',
            kind: 'oneToMany',
            entity: 'loan',
            field: 'customer',
            filter: { field: 'status', op: 'eq', value: 'approved' },
            aggregates: [
              { key: 'n', agg: 'count' },
              { key: 'total', agg: 'sum', field: 'amount' },
              { key: 'latest', agg: 'max', field: 'submitted_at' },
            ],
          },
        ],
        dimensions: [{ key: 'segment', field: 'segment' }],
        measures: [
          { key: 'customers', agg: 'count' },
          { key: 'loans', agg: 'sum', field: 'approved.n' },
          { key: 'volume', agg: 'sum', field: 'approved.total' },
          { key: 'per_customer', agg: 'avg', field: 'approved.n' },
          { key: 'with_loans', agg: 'count', field: 'approved.latest' },
        ],
      }),
    );
    const children = (id: string): LoanRow[] =>
      liveLoans.filter((l) => l.customer === id && l.status === 'approved');
    const expected = groupRows(
      liveCustomers,
      { segment: (c) => c.segment },
      {
        customers: count,
        loans: (g) => sum(g.map((c) => children(c.id).length)),
        volume: (g) => sum(g.map((c) => sum(amounts(children(c.id))) ?? 0)),
        per_customer: (g) => avg(g.map((c) => children(c.id).length)),
        with_loans: (g) => g.filter((c) => children(c.id).length > 0).length,
      },
    );
    expect(rows).toEqual(approx(expected));
  });

  it('chains many-to-one joins (loan -> customer -> branch), leaving out soft-deleted rows', async () => {
    const rows = await run(
      report({
        joins: [
          { alias: 'cust', kind: 'manyToOne', field: 'customer' },
          { alias: 'home', kind: 'manyToOne', field: 'branch', from: 'cust' },
        ],
        dimensions: [{ key: 'region', field: 'home.region' }],
        measures: [{ key: 'n', agg: 'count' }],
      }),
    );
    const regionOf = (l: LoanRow): string | null => {
      const c = customerById.get(l.customer);
      return c?.branch ? (branchById.get(c.branch)?.region ?? null) : null;
    };
    expect(liveLoans.some((l) => !customerById.has(l.customer))).toBe(true);
    expect(rows).toEqual(groupRows(liveLoans, { region: regionOf }, { n: count }));
  });

  it("adds the runner's filters (a dashboard's) to the report's own, and counts their fields as chosen", async () => {
    const definition = report({
      joins: [{ alias: 'cust', kind: 'manyToOne', field: 'customer' }],
      filter: { field: 'status', op: 'ne', value: 'draft' },
      dimensions: [{ key: 'product', field: 'product' }],
      measures: [{ key: 'n', agg: 'count' }],
    });
    const filters: RecordFilter = { and: [{ field: 'cust.segment', op: 'eq', value: 'affluent' }, { field: 'term_months', op: 'gte', value: 24 }] };
    const rows = await run(definition, { filters });
    const kept = liveLoans.filter(
      // `ne` keeps rows whose status is empty, as a person reading "not draft" expects.
      (l) => l.status !== 'draft' && customerById.get(l.customer)?.segment === 'affluent' && (l.term_months ?? 0) >= 24,
    );
    expect(kept.length).toBeGreaterThan(0);
    expect(rows).toEqual(groupRows(kept, { product: (l) => l.product }, { n: count }));
    const compiled = compileReport(definition, CATALOG, { dialect, now: NOW, filters });
    expect(compiled.chosenSources).toEqual(
      expect.arrayContaining([
        { entity: 'customer', field: 'segment' },
        { entity: 'loan', field: 'term_months' },
      ]),
    );
    expect(compiled.chosenSources).not.toContainEqual({ entity: 'loan', field: 'status' });
    expect(() => compileReport(definition, CATALOG, { dialect, now: NOW, filters: { field: 'colour', op: 'eq', value: 1 } })).toThrow(ReportCompileError);
  });

  it("applies the caller's row scope to the source and inside every join, so a join cannot read around it", async () => {
    const q = dialectOf(dialect).quote;
    const ownedBy = (owner: string) => (entity: string, alias: string) =>
      entity === 'branch' ? undefined : { sql: `${q(alias)}.${q('owner_id')} = ?`, params: [owner] };
    // One-to-many: a customer's loans are counted only where the loan is the caller's too.
    const children = await run(
      report({
        source: 'customer',
        joins: [
          {
            alias: 'all_loans',
            kind: 'oneToMany',
            entity: 'loan',
            field: 'customer',
            aggregates: [{ key: 'total', agg: 'sum', field: 'amount' }],
          },
        ],
        measures: [
          { key: 'customers', agg: 'count' },
          { key: 'volume', agg: 'sum', field: 'all_loans.total' },
        ],
      }),
      { rowScope: ownedBy('u1') },
    );
    const mine = liveCustomers.filter((c) => c.owner_id === 'u1');
    const myLoans = (id: string): LoanRow[] => liveLoans.filter((l) => l.customer === id && l.owner_id === 'u1');
    expect(children).toEqual(
      approx([{ customers: mine.length, volume: sum(mine.map((c) => sum(amounts(myLoans(c.id))) ?? 0)) }]),
    );
    // Many-to-one: a loan of the caller's whose customer is not theirs shows no customer values.
    const parents = await run(
      report({
        joins: [{ alias: 'cust', kind: 'manyToOne', field: 'customer' }],
        dimensions: [{ key: 'segment', field: 'cust.segment' }],
        measures: [{ key: 'n', agg: 'count' }],
      }),
      { rowScope: ownedBy('u2') },
    );
    const segmentOf = (l: LoanRow): string | null => {
      const c = customerById.get(l.customer);
      return c && c.owner_id === 'u2' ? c.segment : null;
    };
    const theirs = liveLoans.filter((l) => l.owner_id === 'u2');
    expect(theirs.some((l) => customerById.get(l.customer)?.owner_id === 'u1')).toBe(true);
    expect(parents).toEqual(groupRows(theirs, { segment: segmentOf }, { n: count }));
  });

  it('groups by two dimensions for a pivot', async () => {
    const rows = await run(
      report({
        joins: [BRANCH_JOIN],
        dimensions: [
          { key: 'branch', field: 'br.code' },
          { key: 'status', field: 'status' },
        ],
        measures: [{ key: 'total', agg: 'sum', field: 'amount' }],
        pivot: { rows: ['branch'], columns: ['status'], values: ['total'] },
      }),
    );
    expect(rows).toEqual(
      approx(
        groupRows(liveLoans, { branch: codeOf, status: (l) => l.status }, { total: (g) => sum(amounts(g)) }),
      ),
    );
  });

  describe('drill-down branch -> RM -> customer', () => {
    const drillReport = report({
      joins: [BRANCH_JOIN],
      dimensions: [
        { key: 'branch', field: 'br.code' },
        { key: 'rm', field: 'rm' },
        { key: 'customer', field: 'customer' },
      ],
      measures: [
        { key: 'n', agg: 'count' },
        { key: 'total', agg: 'sum', field: 'amount' },
      ],
      drillDown: {
        levels: [{ dimensions: ['branch'] }, { dimensions: ['rm'] }, { dimensions: ['customer'] }],
      },
    });
    const measures = { n: count, total: (g: LoanRow[]) => sum(amounts(g)) };

    it('shows the first level without a selection', async () => {
      expect(await run(drillReport)).toEqual(approx(groupRows(liveLoans, { branch: codeOf }, measures)));
    });

    it('filters each next level by the selections above it', async () => {
      const inB02 = liveLoans.filter((l) => codeOf(l) === 'B02');
      const level1 = await run(drillReport, { drill: [{ branch: 'B02' }] });
      expect(level1).toEqual(approx(groupRows(inB02, { rm: (l) => l.rm }, measures)));
      const rm = level1[0]!.rm as string;
      const level2 = await run(drillReport, { drill: [{ branch: 'B02' }, { rm }] });
      expect(level2).toEqual(
        approx(
          groupRows(
            inB02.filter((l) => l.rm === rm),
            { customer: (l) => l.customer },
            measures,
          ),
        ),
      );
      expect(level2.length).toBeGreaterThan(1);
    });

    it('selects empty values with null', async () => {
      const rows = await run(drillReport, { drill: [{ branch: null }] });
      expect(rows).toEqual(
        approx(
          groupRows(
            liveLoans.filter((l) => codeOf(l) === null),
            { rm: (l) => l.rm },
            measures,
          ),
        ),
      );
    });

    it('refuses a selection deeper than the path or with the wrong keys', () => {
      expect(() =>
        compileReport(drillReport, CATALOG, {
          dialect,
          now: NOW,
          drill: [{ branch: 'B01' }, { rm: 'x' }, { customer: 'y' }],
        }),
      ).toThrow(ReportCompileError);
      try {
        compileReport(drillReport, CATALOG, { dialect, now: NOW, drill: [{ rm: 'B01' }] });
        expect.unreachable();
      } catch (error) {
        expect((error as ReportCompileError).issues).toEqual([
          expect.objectContaining({ path: '/drill/0', code: 'invalidSelection' }),
        ]);
      }
    });
  });

  describe('parameters', () => {
    const parameterised = report({
      parameters: [
        { key: 'status', type: 'select', options: ['draft', 'submitted', 'approved', 'rejected'] },
        { key: 'min_amount', type: 'number' },
        { key: 'products', type: 'select', multiple: true, options: ['mortgage', 'consumer', 'auto'] },
      ],
      filter: {
        and: [
          { field: 'status', op: 'eq', value: { param: 'status' } },
          { field: 'amount', op: 'gte', value: { param: 'min_amount' } },
          { field: 'product', op: 'in', value: { param: 'products' } },
        ],
      },
      measures: [{ key: 'n', agg: 'count' }],
    });

    it('filters by the values filled in', async () => {
      const rows = await run(parameterised, {
        parameters: { status: 'approved', min_amount: 300000, products: ['auto', 'mortgage'] },
      });
      const expected = liveLoans.filter(
        (l) =>
          l.status === 'approved' &&
          l.amount !== null &&
          Number(l.amount) >= 300000 &&
          (l.product === 'auto' || l.product === 'mortgage'),
      ).length;
      expect(expected).toBeGreaterThan(0);
      expect(rows).toEqual([{ n: expected }]);
    });

    it('drops the conditions of parameters left empty', async () => {
      expect(await run(parameterised, { parameters: { status: 'rejected' } })).toEqual([
        { n: liveLoans.filter((l) => l.status === 'rejected').length },
      ]);
      expect(await run(parameterised, { parameters: {} })).toEqual([{ n: liveLoans.length }]);
    });

    it('refuses bad values with their paths', () => {
      try {
        compileReport(parameterised, CATALOG, {
          dialect,
          now: NOW,
          parameters: { status: 'lost', min_amount: 'lots' },
        });
        expect.unreachable();
      } catch (error) {
        expect((error as ReportCompileError).issues.map((i) => [i.path, i.code])).toEqual([
          ['/parameters/status', 'option'],
          ['/parameters/min_amount', 'type'],
        ]);
      }
    });
  });

  it("ANDs the caller's scope predicates, as a filter or as SQL over src", async () => {
    const q = dialectOf(dialect).quote;
    const rows = await run(
      report({
        dimensions: [{ key: 'product', field: 'product' }],
        measures: [{ key: 'n', agg: 'count' }],
        filter: { field: 'status', op: 'ne', value: 'draft' },
      }),
      {
        scope: [
          { filter: { field: 'owner_id', op: 'eq', value: 'u1' } },
          { sql: `${q('src')}.${q('term_months')} > ?`, params: [12] },
        ],
      },
    );
    const visible = liveLoans.filter(
      (l) => l.status !== 'draft' && l.owner_id === 'u1' && l.term_months !== null && l.term_months > 12,
    );
    expect(rows).toEqual(groupRows(visible, { product: (l) => l.product }, { n: count }));
  });

  it('sorts by a measure and limits the rows', async () => {
    const rows = await run(
      report({
        dimensions: [{ key: 'rm', field: 'rm' }],
        measures: [{ key: 'total', agg: 'sum', field: 'amount' }],
        sort: [{ by: 'total', direction: 'desc' }],
        limit: 3,
      }),
    );
    const expected = groupRows(liveLoans, { rm: (l) => l.rm }, { total: (g) => sum(amounts(g)) })
      .sort((a, b) => (b.total as number) - (a.total as number))
      .slice(0, 3);
    expect(rows).toEqual(approx(expected));
  });

  it('answers one row of totals without dimensions (a KPI)', async () => {
    const rows = await run(
      report({
        measures: [
          { key: 'n', agg: 'count' },
          { key: 'total', agg: 'sum', field: 'amount' },
        ],
      }),
    );
    expect(rows).toEqual(approx([{ n: liveLoans.length, total: sum(amounts(liveLoans)) }]));
  });

  it('lists rows when there are no measures, datetimes and booleans in API form', async () => {
    const rows = await run(
      report({
        source: 'customer',
        dimensions: [
          { key: 'id', field: 'id' },
          { key: 'vip', field: 'vip' },
          { key: 'onboarded_at', field: 'onboarded_at' },
          { key: 'aum', field: 'aum' },
        ],
        filter: { field: 'credit_score', op: 'gt', value: 500 },
      }),
    );
    const expected = liveCustomers
      .filter((c) => c.credit_score !== null && c.credit_score > 500)
      .map((c) => ({
        id: c.id,
        vip: c.vip,
        onboarded_at: c.onboarded_at === null ? null : `${c.onboarded_at.replace(' ', 'T')}Z`,
        aum: num(c.aum),
      }));
    expect(rows).toEqual(expected);
  });
});
