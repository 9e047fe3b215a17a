import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { branchEntity, customerEntity, RESIDENT_IDS } from './fixtures.js';
import { dialects, startTestServer, type ApiResponse, type TestServer } from './harness.js';

type Money = { amount: string; currency: string };

/** A customer as the API answers it (the fixture's 17 field types plus system fields). */
interface Customer {
  id: string;
  version: number;
  name: string;
  notes: string | null;
  credit_score: number | null;
  income: string | null;
  aum: Money | null;
  churn_risk: string | null;
  vip: boolean | null;
  birth_date: string | null;
  onboarded_at: string | null;
  segment: string | null;
  tags: string[] | null;
  branch: string | null;
  email: string | null;
  mobile: string | null;
  created_at: string;
  owner_id: string | null;
  [other: string]: unknown;
}

type Page = { items: Customer[]; nextCursor: string | null; total?: number };
type Problem = { status: number; code: string; errors?: { path: string; code: string; message: string }[] };

type Filter = Record<string, unknown>;
type Sort = { field: string; direction?: 'asc' | 'desc' }[];
type Predicate = (c: Customer) => boolean;

const cond = (field: string, op: string, value?: unknown): Filter => ({ field, op, value });
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const TAGS = ['payroll', 'mortgage', 'wealth', 'sme'];
const SPECIAL_NAMES = ['Alice', 'alice', 'ALICE Smith', 'Bob', 'bob', '100% Pure', '1000 Pure', 'a_b x', 'axb x', '_lead'];
const NAMES = [...SPECIAL_NAMES, 'back\\slash', '王小明', '李娜', 'Zed', 'Alice', 'Carol', 'Dave', 'Eve', 'Mallory', 'Trent'];
while (NAMES.length < 40) NAMES.push(`Customer ${pad(NAMES.length)}`);

/** Deliberately varied values: every optional field is null in some records, and sort keys repeat. */
function seedValues(i: number, branches: readonly [string, string]): Record<string, unknown> {
  return {
    customer_no: `C${1000 + i}`,
    name: NAMES[i],
    notes: i % 3 === 0 ? null : i === 4 ? 'Loves 50% OFF_deals' : `Note for #${i}`,
    credit_score: i % 6 === 0 ? null : 300 + ((i * 37) % 11) * 50,
    income: i % 5 === 1 ? null : i % 9 === 4 ? `-${i}.50` : i % 13 === 0 ? '500' : (((i * 7919) % 100000) / 100).toFixed(2),
    aum: i % 4 === 3 ? null : { amount: `${(i * 1237) % 50000}.${pad(i % 100)}`, currency: ['cny', 'USD', 'HKD'][i % 3] },
    churn_risk: i % 7 === 2 ? null : ((i * 13) % 100) / 100,
    vip: i % 3 === 0 ? true : i % 3 === 1 ? false : i % 2 === 0 ? null : undefined,
    birth_date: i % 8 === 5 ? null : `${1960 + (i % 40)}-${pad(1 + (i % 12))}-${pad(1 + ((i * 3) % 28))}`,
    // Customer 7 joined at the instant 2024-03-01T00:00:00Z, written with an offset; others near midnight +08:00.
    onboarded_at: i % 6 === 4 ? null : i === 7 ? '2024-03-01T08:00:00+08:00' : i % 5 === 0 ? `2024-${pad(1 + (i % 12))}-10T23:30:00+08:00` : `2024-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}T${pad(i % 24)}:15:00Z`,
    segment: [null, 'mass', 'affluent', 'private', 'mass'][i % 5],
    tags: i % 5 === 0 ? null : i % 5 === 1 ? [] : TAGS.filter((_, bit) => (i >> bit) & 1),
    branch: i % 3 === 0 ? null : branches[(i % 3) - 1],
    email: i % 4 === 0 ? null : i % 2 === 1 ? `User${i}@BigBank.CN` : `user${i}@mail.example.com`,
    mobile: i % 5 === 2 ? null : `${i % 2 ? '138' : '159'}${pad((i * 104729) % 100000000, 8)}`,
    resident_id: i < RESIDENT_IDS.length ? RESIDENT_IDS[i] : null,
    website: i % 3 === 0 ? `https://example.com/c/${i}` : null,
    preferences: i % 4 === 1 ? null : { n: i, label: `p${i}` },
  };
}

/** A sort key as a comparable JS value: decimals (small enough here) and booleans as numbers, text and ISO dates as strings. */
function sortValue(c: Customer, field: string): string | number | null {
  const value = field === 'aum' ? (c.aum?.amount ?? null) : c[field];
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || field === 'income' || field === 'aum') return Number(value);
  return value as string | number;
}

/** The documented order: NULL is the smallest value (first ascending, last descending), ties by id ascending. */
function jsOrder(rows: readonly Customer[], sort: Sort): string[] {
  return [...rows]
    .sort((a, b) => {
      for (const { field, direction = 'asc' } of sort) {
        const [x, y] = [sortValue(a, field), sortValue(b, field)];
        if (x === y) continue;
        const cmp = x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
        return direction === 'asc' ? cmp : -cmp;
      }
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    })
    .map((c) => c.id);
}

describe.each(dialects())('record queries on %s', (dialect) => {
  let server: TestServer;
  let branches: [string, string];
  const customers: Customer[] = [];

  const query = (body: Record<string, unknown>, entity = 'customer'): Promise<ApiResponse<Page>> =>
    server.request<Page>('POST', `/api/records/${entity}/query`, body);

  async function idsOf(filter: Filter): Promise<string[]> {
    const response = await query({ filter, limit: 500 });
    expect(response.status, `${JSON.stringify(filter)} answered ${JSON.stringify(response.body)}`).toBe(200);
    expect(response.body.nextCursor).toBeNull();
    return response.body.items.map((c) => c.id).sort();
  }

  /** Compares the server's answer with the JS filter of the inserted data; by default the filter must be selective. */
  async function expectMatch(filter: Filter, predicate: Predicate, selective = true): Promise<void> {
    const wanted = customers.filter(predicate).map((c) => c.id).sort();
    if (selective) {
      expect(wanted.length, `${JSON.stringify(filter)} should match some records`).toBeGreaterThan(0);
      expect(wanted.length, `${JSON.stringify(filter)} should not match every record`).toBeLessThan(customers.length);
    }
    expect(await idsOf(filter), JSON.stringify(filter)).toEqual(wanted);
  }

  async function expectProblem(response: ApiResponse<unknown>, status: number, code: string): Promise<Problem> {
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = response.body as Problem;
    expect(problem).toMatchObject({ status, code });
    return problem;
  }

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity(branchEntity);
    await server.publishEntity(customerEntity);
    const branch = async (code: string): Promise<string> => (await server.request<{ id: string }>('POST', '/api/records/branch', { code })).body.id;
    branches = [await branch('SH01'), await branch('BJ02')];
    expect(branches.every((id) => typeof id === 'string')).toBe(true);
    for (let i = 0; i < 40; i++) {
      const created = await server.request<Customer>('POST', '/api/records/customer', seedValues(i, branches));
      if (created.status !== 201) throw new Error(`customer ${i} answered ${created.status}: ${JSON.stringify(created.body)}`);
      customers.push(created.body);
    }
  });
  afterAll(async () => server?.close());

  it('answers every record exactly as create answered it, in canonical form', async () => {
    const response = await query({ limit: 500 });
    expect(response.status).toBe(200);
    const byId = new Map(response.body.items.map((c) => [c.id, c]));
    expect(byId.size).toBe(40);
    for (const c of customers) expect(byId.get(c.id)).toEqual(c);
    expect(customers[7]!.onboarded_at).toBe('2024-03-01T00:00:00.000Z');
    expect(customers[0]!.aum).toEqual({ amount: '0.00', currency: 'CNY' });
    expect(customers[1]!.churn_risk).toBe('0.1300');
    expect(customers[0]!.income).toBe('500.00');
  });

  it('compares text with eq, ne, lt, lte, gt, gte, in, nin and inclusive between', async () => {
    await expectMatch(cond('name', 'eq', 'Alice'), (c) => c.name === 'Alice');
    await expectMatch(cond('name', 'ne', 'Alice'), (c) => c.name !== 'Alice');
    await expectMatch(cond('name', 'lt', 'Bob'), (c) => c.name < 'Bob');
    await expectMatch(cond('name', 'lte', 'Bob'), (c) => c.name <= 'Bob');
    await expectMatch(cond('name', 'gt', 'bob'), (c) => c.name > 'bob');
    await expectMatch(cond('name', 'gte', 'bob'), (c) => c.name >= 'bob');
    await expectMatch(cond('name', 'in', ['Alice', 'Zed', 'nobody']), (c) => ['Alice', 'Zed'].includes(c.name));
    await expectMatch(cond('name', 'nin', ['Alice', 'Zed']), (c) => !['Alice', 'Zed'].includes(c.name));
    await expectMatch(cond('name', 'between', ['Bob', 'Dave']), (c) => c.name >= 'Bob' && c.name <= 'Dave');
    await expectMatch(cond('email', 'eq', 'User1@BigBank.CN'), (c) => c.email === 'User1@BigBank.CN');
    await expectMatch(cond('email', 'ne', 'User1@BigBank.CN'), (c) => c.email !== 'User1@BigBank.CN');
    await expectMatch(cond('email', 'nin', ['User1@BigBank.CN', 'user2@mail.example.com']), (c) => !['User1@BigBank.CN', 'user2@mail.example.com'].includes(c.email!));
  });

  it('matches contains and startsWith case-insensitively, with % _ and \\ taken literally', async () => {
    const has = (text: string | null, part: string): boolean => text !== null && text.toLowerCase().includes(part.toLowerCase());
    const starts = (text: string | null, part: string): boolean => text !== null && text.toLowerCase().startsWith(part.toLowerCase());
    await expectMatch(cond('name', 'contains', 'ALICE'), (c) => has(c.name, 'alice'));
    await expectMatch(cond('name', 'startsWith', 'bO'), (c) => starts(c.name, 'bo'));
    await expectMatch(cond('name', 'contains', '小'), (c) => c.name.includes('小'));
    await expectMatch(cond('name', 'contains', '0%'), (c) => c.name.includes('0%'));
    await expectMatch(cond('name', 'contains', 'a_b'), (c) => c.name.includes('a_b'));
    await expectMatch(cond('name', 'startsWith', '_'), (c) => c.name.startsWith('_'));
    await expectMatch(cond('name', 'contains', '\\'), (c) => c.name.includes('\\'));
    await expectMatch(cond('name', 'startsWith', '%'), () => false, false);
    await expectMatch(cond('notes', 'contains', '50% off_'), (c) => has(c.notes, '50% off_'));
    await expectMatch(cond('email', 'contains', 'bigbank.cn'), (c) => has(c.email, 'bigbank.cn'));
    await expectMatch(cond('email', 'startsWith', 'USER1'), (c) => starts(c.email, 'user1'));
    await expectMatch(cond('mobile', 'startsWith', '138'), (c) => starts(c.mobile, '138'));
    await expectMatch(cond('segment', 'contains', 'FLU'), (c) => has(c.segment, 'flu'));
  });

  it('compares integers with every operator; ne and nin keep the nulls; between is inclusive', async () => {
    const s = (c: Customer): number | null => c.credit_score;
    expect(customers.some((c) => s(c) === 400) && customers.some((c) => s(c) === 600)).toBe(true);
    await expectMatch(cond('credit_score', 'eq', 550), (c) => s(c) === 550);
    await expectMatch(cond('credit_score', 'ne', 550), (c) => s(c) !== 550);
    await expectMatch(cond('credit_score', 'lt', 550), (c) => s(c) !== null && s(c)! < 550);
    await expectMatch(cond('credit_score', 'lte', 550), (c) => s(c) !== null && s(c)! <= 550);
    await expectMatch(cond('credit_score', 'gt', 550), (c) => s(c) !== null && s(c)! > 550);
    await expectMatch(cond('credit_score', 'gte', 550), (c) => s(c) !== null && s(c)! >= 550);
    await expectMatch(cond('credit_score', 'in', [300, 550, 800]), (c) => [300, 550, 800].includes(s(c)!));
    await expectMatch(cond('credit_score', 'nin', [300, 550]), (c) => s(c) === null || ![300, 550].includes(s(c)!));
    await expectMatch(cond('credit_score', 'between', [400, 600]), (c) => s(c) !== null && s(c)! >= 400 && s(c)! <= 600);
  });

  it('compares decimals and percentages exactly, whatever the scale of the filter value', async () => {
    const n = (c: Customer): number | null => (c.income === null ? null : Number(c.income));
    await expectMatch(cond('income', 'eq', '500'), (c) => c.income === '500.00');
    await expectMatch(cond('income', 'eq', 500), (c) => c.income === '500.00');
    await expectMatch(cond('income', 'gt', '500.001'), (c) => n(c) !== null && n(c)! > 500);
    await expectMatch(cond('income', 'gte', '500'), (c) => n(c) !== null && n(c)! >= 500);
    await expectMatch(cond('income', 'lt', '-0.5'), (c) => n(c) !== null && n(c)! < -0.5);
    await expectMatch(cond('income', 'lte', '-13.50'), (c) => n(c) !== null && n(c)! <= -13.5);
    await expectMatch(cond('income', 'ne', '500.0'), (c) => c.income !== '500.00');
    await expectMatch(cond('income', 'in', ['500', '-4.5']), (c) => c.income === '500.00' || c.income === '-4.50');
    await expectMatch(cond('income', 'nin', ['500.00']), (c) => c.income !== '500.00');
    await expectMatch(cond('income', 'between', ['-13.50', '500.00']), (c) => n(c) !== null && n(c)! >= -13.5 && n(c)! <= 500);
    const p = (c: Customer): number | null => (c.churn_risk === null ? null : Number(c.churn_risk));
    await expectMatch(cond('churn_risk', 'eq', '0.13'), (c) => c.churn_risk === '0.1300');
    await expectMatch(cond('churn_risk', 'ne', 0.13), (c) => c.churn_risk !== '0.1300');
    await expectMatch(cond('churn_risk', 'gte', 0.5), (c) => p(c) !== null && p(c)! >= 0.5);
    await expectMatch(cond('churn_risk', 'lt', '0.3'), (c) => p(c) !== null && p(c)! < 0.3);
    await expectMatch(cond('churn_risk', 'between', [0.13, '0.52']), (c) => p(c) !== null && p(c)! >= 0.13 && p(c)! <= 0.52);
  });

  it('compares money on the amount, and aum.currency addresses the currency', async () => {
    const a = (c: Customer): number | null => (c.aum === null ? null : Number(c.aum.amount));
    const cur = (c: Customer): string | null => c.aum?.currency ?? null;
    const sample = customers[5]!.aum!.amount;
    await expectMatch(cond('aum', 'eq', sample), (c) => c.aum?.amount === sample);
    await expectMatch(cond('aum', 'ne', sample), (c) => c.aum?.amount !== sample);
    await expectMatch(cond('aum', 'gt', '20000'), (c) => a(c) !== null && a(c)! > 20000);
    await expectMatch(cond('aum', 'lte', 5000.05), (c) => a(c) !== null && a(c)! <= 5000.05);
    await expectMatch(cond('aum', 'between', [sample, '30000']), (c) => a(c) !== null && a(c)! >= Number(sample) && a(c)! <= 30000);
    await expectMatch(cond('aum.currency', 'eq', 'usd'), (c) => cur(c) === 'USD');
    await expectMatch(cond('aum.currency', 'ne', 'USD'), (c) => cur(c) !== 'USD');
    await expectMatch(cond('aum.currency', 'in', ['CNY', 'hkd']), (c) => cur(c) === 'CNY' || cur(c) === 'HKD');
    await expectMatch(cond('aum.currency', 'nin', ['CNY']), (c) => cur(c) !== 'CNY');
  });

  it('answers eq and ne on booleans, ne keeping the nulls', async () => {
    expect(customers.some((c) => c.vip === null)).toBe(true);
    await expectMatch(cond('vip', 'eq', true), (c) => c.vip === true);
    await expectMatch(cond('vip', 'eq', false), (c) => c.vip === false);
    await expectMatch(cond('vip', 'ne', true), (c) => c.vip !== true);
    await expectMatch(cond('vip', 'ne', false), (c) => c.vip !== false);
  });

  it('compares dates as calendar days and datetimes as instants, taking offsets in filter values', async () => {
    const d = (c: Customer): string | null => c.birth_date;
    const sample = customers[3]!.birth_date!;
    await expectMatch(cond('birth_date', 'eq', sample), (c) => d(c) === sample);
    await expectMatch(cond('birth_date', 'ne', sample), (c) => d(c) !== sample);
    await expectMatch(cond('birth_date', 'gt', '1980-01-01'), (c) => d(c) !== null && d(c)! > '1980-01-01');
    await expectMatch(cond('birth_date', 'lte', sample), (c) => d(c) !== null && d(c)! <= sample);
    const dates = customers.map(d).filter((v): v is string => v !== null).sort();
    const [low, high] = [dates[5]!, dates[20]!];
    await expectMatch(cond('birth_date', 'between', [low, high]), (c) => d(c) !== null && d(c)! >= low && d(c)! <= high);
    await expectMatch(cond('birth_date', 'in', [sample, '1999-12-31']), (c) => d(c) === sample || d(c) === '1999-12-31');
    await expectMatch(cond('birth_date', 'nin', [sample]), (c) => d(c) !== sample);
    const t = (c: Customer): string | null => c.onboarded_at;
    const instant = '2024-03-01T00:00:00.000Z';
    await expectMatch(cond('onboarded_at', 'eq', '2024-03-01T08:00:00+08:00'), (c) => t(c) === instant);
    await expectMatch(cond('onboarded_at', 'gte', '2024-03-01T08:00:00+0800'), (c) => t(c) !== null && t(c)! >= instant);
    await expectMatch(cond('onboarded_at', 'gt', '2024-02-29T19:00:00-05:00'), (c) => t(c) !== null && t(c)! > instant);
    await expectMatch(cond('onboarded_at', 'lt', '2024-03-01T00:00:00Z'), (c) => t(c) !== null && t(c)! < instant);
    await expectMatch(cond('onboarded_at', 'lte', instant), (c) => t(c) !== null && t(c)! <= instant);
    await expectMatch(cond('onboarded_at', 'ne', instant), (c) => t(c) !== instant);
    await expectMatch(cond('onboarded_at', 'between', ['2024-03-01T08:00:00+08:00', '2024-06-30T23:59:59.999Z']), (c) => t(c) !== null && t(c)! >= instant && t(c)! <= '2024-06-30T23:59:59.999Z');
  });

  it('takes within a period counted in whole UTC days, months and years from the server clock', async () => {
    // The periods' first days are worked out here from the clock, not by the server's code.
    const now = new Date();
    const [year, month] = [now.getUTCFullYear(), now.getUTCMonth() + 1];
    const sinceMarch2024 = { last: (year - 2024) * 12 + (month - 3) + 1, unit: 'month' };
    const t = (c: Customer): string | null => c.onboarded_at;
    // Customer 7 joined at the very first instant of March 2024 (UTC): the period holds it.
    await expectMatch(cond('onboarded_at', 'within', sinceMarch2024), (c) => t(c) !== null && t(c)! >= '2024-03-01T00:00:00.000Z');
    await expectMatch({ not: cond('onboarded_at', 'within', sinceMarch2024) }, (c) => t(c) === null || t(c)! < '2024-03-01T00:00:00.000Z');
    const d = (c: Customer): string | null => c.birth_date;
    await expectMatch(cond('birth_date', 'within', { last: year - 1990 + 1, unit: 'year' }), (c) => d(c) !== null && d(c)! >= '1990-01-01');
    expect(await idsOf(cond('created_at', 'within', 'today'))).toEqual(customers.map((c) => c.id).sort());
    expect(await idsOf(cond('created_at', 'within', 'yesterday'))).toEqual([]);
    expect(await idsOf(cond('created_at', 'within', { next: 1, unit: 'day' }))).toEqual([]);
  });

  it('filters selects, multiSelect contains, references, email and mobile', async () => {
    await expectMatch(cond('segment', 'eq', 'mass'), (c) => c.segment === 'mass');
    await expectMatch(cond('segment', 'ne', 'mass'), (c) => c.segment !== 'mass');
    await expectMatch(cond('segment', 'in', ['affluent', 'private']), (c) => c.segment === 'affluent' || c.segment === 'private');
    await expectMatch(cond('segment', 'nin', ['mass']), (c) => c.segment !== 'mass');
    for (const tag of TAGS) await expectMatch(cond('tags', 'contains', tag), (c) => c.tags?.includes(tag) ?? false);
    await expectMatch(cond('tags', 'contains', 'Wealth'), () => false, false);
    await expectMatch(cond('branch', 'eq', branches[0]), (c) => c.branch === branches[0]);
    await expectMatch(cond('branch', 'ne', branches[0]), (c) => c.branch !== branches[0]);
    await expectMatch(cond('branch', 'in', branches), (c) => c.branch !== null);
    await expectMatch(cond('mobile', 'startsWith', '1590'), (c) => c.mobile?.startsWith('1590') ?? false);
    await expectMatch(cond('mobile', 'in', [customers[1]!.mobile]), (c) => c.mobile === customers[1]!.mobile);
  });

  it('answers isNull true and false on every kind of field', async () => {
    const fields = ['notes', 'credit_score', 'income', 'aum', 'churn_risk', 'vip', 'birth_date', 'onboarded_at', 'segment', 'tags', 'branch'];
    fields.push('email', 'mobile', 'resident_id', 'website', 'preferences', 'aum.currency');
    for (const field of fields) {
      const value = (c: Customer): unknown => (field === 'aum.currency' ? (c.aum?.currency ?? null) : c[field]);
      await expectMatch(cond(field, 'isNull', true), (c) => value(c) === null);
      await expectMatch(cond(field, 'isNull', false), (c) => value(c) !== null);
    }
  });

  it('nests and, or and not', async () => {
    const score = (c: Customer): number => c.credit_score ?? -1;
    await expectMatch(
      { and: [cond('vip', 'eq', true), { or: [cond('credit_score', 'gte', 600), cond('segment', 'isNull', true)] }] },
      (c) => c.vip === true && (score(c) >= 600 || c.segment === null),
    );
    await expectMatch(
      { or: [{ and: [cond('segment', 'eq', 'mass'), cond('tags', 'contains', 'wealth')] }, cond('name', 'startsWith', 'ali')] },
      (c) => (c.segment === 'mass' && (c.tags?.includes('wealth') ?? false)) || c.name.toLowerCase().startsWith('ali'),
    );
    await expectMatch({ not: { not: cond('vip', 'eq', true) } }, (c) => c.vip === true);
    await expectMatch({ not: cond('segment', 'ne', 'mass') }, (c) => c.segment === 'mass');
    await expectMatch({ not: cond('branch', 'isNull', true) }, (c) => c.branch !== null);
    await expectMatch({ and: [] }, () => true, false);
    await expectMatch({ or: [] }, () => false, false);
  });

  it('makes not the complement of its operand, records with nulls included (as ne and nin are)', async () => {
    const complements: [Filter, Predicate][] = [
      [cond('credit_score', 'gt', 550), (c) => c.credit_score !== null && c.credit_score > 550],
      [cond('segment', 'eq', 'mass'), (c) => c.segment === 'mass'],
      [cond('segment', 'in', ['mass', 'private']), (c) => c.segment === 'mass' || c.segment === 'private'],
      [cond('email', 'contains', 'bigbank'), (c) => c.email?.toLowerCase().includes('bigbank') ?? false],
      [{ and: [cond('vip', 'eq', true), cond('income', 'gt', '0')] }, (c) => c.vip === true && c.income !== null && Number(c.income) > 0],
    ];
    for (const [filter, predicate] of complements) {
      await expectMatch({ not: filter }, (c) => !predicate(c));
    }
  });

  it('sorts ascending and descending with nulls first/last, duplicates broken by id, and on several keys', async () => {
    const sorts: Sort[] = [
      [{ field: 'credit_score' }],
      [{ field: 'credit_score', direction: 'desc' }],
      [{ field: 'name', direction: 'desc' }],
      [{ field: 'segment' }, { field: 'birth_date', direction: 'desc' }],
      [{ field: 'vip', direction: 'desc' }, { field: 'aum' }],
      [{ field: 'id', direction: 'asc' }],
      [{ field: 'created_at', direction: 'desc' }],
    ];
    for (const sort of sorts) {
      const response = await query({ sort, limit: 500 });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect(response.body.items.map((c) => c.id), JSON.stringify(sort)).toEqual(jsOrder(customers, sort));
    }
  });

  it('walks keyset pages of 7: every record once, in the order of one big page', async () => {
    const cases: { sort: Sort; filter?: Filter }[] = [
      { sort: [{ field: 'credit_score' }] },
      { sort: [{ field: 'income', direction: 'desc' }] },
      { sort: [{ field: 'segment' }, { field: 'birth_date', direction: 'desc' }] },
      { sort: [{ field: 'vip', direction: 'desc' }, { field: 'aum' }] },
      { sort: [{ field: 'onboarded_at', direction: 'desc' }, { field: 'credit_score', direction: 'desc' }] },
      { sort: [{ field: 'owner_id', direction: 'desc' }] },
      { sort: [{ field: 'name' }], filter: cond('credit_score', 'ne', 500) },
    ];
    for (const { sort, filter } of cases) {
      const big = await query({ sort, filter, limit: 500 });
      expect(big.status).toBe(200);
      const all = big.body.items.map((c) => c.id);
      const rows = filter ? customers.filter((c) => c.credit_score !== 500) : customers;
      expect(all, JSON.stringify(sort)).toEqual(jsOrder(rows, sort));
      const walked: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: ApiResponse<Page> = await query({ sort, filter, limit: 7, ...(cursor ? { cursor } : {}) });
        expect(page.status, JSON.stringify(page.body)).toBe(200);
        cursor = page.body.nextCursor;
        expect(page.body.items.length).toBe(cursor ? 7 : all.length - walked.length);
        walked.push(...page.body.items.map((c) => c.id));
        expect(++pages).toBeLessThanOrEqual(Math.ceil(all.length / 7));
      } while (cursor);
      expect(new Set(walked).size).toBe(walked.length);
      expect(walked, JSON.stringify(sort)).toEqual(all);
    }
  });

  it('refuses a cursor from another sort, and garbage, with 400 invalidCursor', async () => {
    const first = await query({ sort: [{ field: 'credit_score' }], limit: 5 });
    const cursor = first.body.nextCursor!;
    expect(cursor).toEqual(expect.any(String));
    const ok = await query({ sort: [{ field: 'credit_score', direction: 'asc' }], limit: 5, cursor });
    expect(ok.status).toBe(200);
    expect(ok.body.items.map((c) => c.id)).toEqual(jsOrder(customers, [{ field: 'credit_score' }]).slice(5, 10));
    const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const bad: [Sort, string][] = [
      [[{ field: 'credit_score', direction: 'desc' }], cursor],
      [[{ field: 'income' }], cursor],
      [[], cursor],
      [[{ field: 'credit_score' }], 'not a cursor'],
      [[{ field: 'credit_score' }], encode({ s: 'credit_score:asc,id:asc' })],
      [[{ field: 'credit_score' }], encode({ s: 'credit_score:asc,id:asc', v: [1] })],
      [[{ field: 'credit_score' }], encode({ s: 'credit_score:asc,id:asc', v: [{ a: 1 }, 'x'] })],
      [[{ field: 'credit_score' }], encode(null)],
      [[{ field: 'credit_score' }], encode([1, 2])],
    ];
    for (const [sort, c] of bad) {
      const problem = await expectProblem(await query({ sort, limit: 5, cursor: c }), 400, 'invalidCursor');
      expect(problem.errors).toEqual([expect.objectContaining({ path: '/cursor', code: 'invalidCursor' })]);
    }
  });

  it('projects only the asked fields plus id and version; an unknown field is a 422', async () => {
    const response = await query({ fields: ['name', 'aum', 'created_at'], sort: [{ field: 'credit_score' }], limit: 500 });
    expect(response.status).toBe(200);
    const byId = new Map(customers.map((c) => [c.id, c]));
    expect(response.body.items).toHaveLength(40);
    for (const item of response.body.items) {
      expect(Object.keys(item).sort()).toEqual(['aum', 'created_at', 'id', 'name', 'version']);
      const full = byId.get(item.id)!;
      expect(item).toEqual({ id: full.id, version: full.version, name: full.name, aum: full.aum, created_at: full.created_at });
    }
    const bare = await query({ fields: [], limit: 3 });
    expect(bare.body.items.map((c) => Object.keys(c).sort())).toEqual([['id', 'version'], ['id', 'version'], ['id', 'version']]);
    const unknown = await expectProblem(await query({ fields: ['name', 'nope', 'aum.currency'] }), 422, 'invalidQuery');
    expect(unknown.errors!.map((e) => [e.path, e.code])).toEqual([
      ['/fields/1', 'unknownField'],
      ['/fields/2', 'unknownField'],
    ]);
  });

  it('counts the total matching records whatever the limit and cursor', async () => {
    const filter = cond('vip', 'ne', true);
    const wanted = customers.filter((c) => c.vip !== true).length;
    const first = await query({ filter, count: true, limit: 3, sort: [{ field: 'birth_date' }] });
    expect(first.body).toMatchObject({ total: wanted });
    expect(first.body.items).toHaveLength(3);
    const second = await query({ filter, count: true, limit: 4, sort: [{ field: 'birth_date' }], cursor: first.body.nextCursor });
    expect(second.body.total).toBe(wanted);
    expect(second.body.items).toHaveLength(4);
    expect((await query({ count: true, limit: 1 })).body.total).toBe(40);
    expect((await query({ filter: cond('name', 'eq', 'nobody'), count: true })).body).toEqual({ items: [], nextCursor: null, total: 0 });
    expect('total' in (await query({ limit: 1 })).body).toBe(false);
  });

  it('answers invalid filters with 422 invalidQuery and JSON-Pointer paths', async () => {
    const cases: [Filter, string, string][] = [
      [{ and: [cond('name', 'eq', 'x'), cond('nope', 'eq', 1)] }, '/filter/and/1/field', 'unknownField'],
      [cond('aum.amount', 'eq', '1'), '/filter/field', 'unknownField'],
      [cond('vip', 'gt', true), '/filter/op', 'operatorNotSupported'],
      [{ or: [cond('preferences', 'eq', { n: 1 })] }, '/filter/or/0/op', 'operatorNotSupported'],
      [cond('preferences', 'contains', 'n'), '/filter/op', 'operatorNotSupported'],
      [cond('tags', 'eq', 'sme'), '/filter/op', 'operatorNotSupported'],
      [cond('credit_score', 'contains', '7'), '/filter/op', 'operatorNotSupported'],
      [cond('vip', 'between', [false, true]), '/filter/op', 'operatorNotSupported'],
      [{ not: cond('credit_score', 'eq', '700') }, '/filter/not/value', 'type'],
      [cond('credit_score', 'gt', 1.5), '/filter/value', 'type'],
      [cond('birth_date', 'gte', '2023-02-30'), '/filter/value', 'type'],
      [cond('onboarded_at', 'lt', 'yesterday'), '/filter/value', 'type'],
      [cond('income', 'in', ['1.00', 'abc']), '/filter/value/1', 'type'],
      [cond('income', 'in', []), '/filter/value', 'type'],
      [cond('credit_score', 'between', [1]), '/filter/value', 'type'],
      [cond('credit_score', 'between', [1, null]), '/filter/value/1', 'type'],
      [cond('credit_score', 'isNull', 'yes'), '/filter/value', 'type'],
      [cond('vip', 'eq', 'true'), '/filter/value', 'type'],
      [cond('aum.currency', 'eq', 'dollars'), '/filter/value', 'type'],
      [cond('name', 'eq', null), '/filter/value', 'type'],
      [cond('name', 'contains', ''), '/filter/value', 'type'],
      [cond('birth_date', 'within', 'someday'), '/filter/value', 'invalidPeriod'],
      [cond('onboarded_at', 'within', { last: 0, unit: 'day' }), '/filter/value', 'invalidPeriod'],
      [cond('name', 'within', 'today'), '/filter/op', 'operatorNotSupported'],
      [cond('aum.currency', 'within', 'today'), '/filter/op', 'operatorNotSupported'],
      [{ field: 'name', value: 'x' }, '/filter', 'invalidFilter'],
      [{ and: [{ not: { and: [], or: [] } }] }, '/filter/and/0/not', 'invalidFilter'],
      [{ and: [], field: 'name', op: 'eq', value: 'x' }, '/filter', 'invalidFilter'],
    ];
    for (const [filter, path, code] of cases) {
      const problem = await expectProblem(await query({ filter }), 422, 'invalidQuery');
      expect(problem.errors, JSON.stringify(filter)).toEqual([expect.objectContaining({ path, code, message: expect.any(String) })]);
    }
    const several = await expectProblem(
      await query({ filter: { and: [cond('nope', 'eq', 1), cond('vip', 'lt', true)] }, sort: [{ field: 'notes' }], fields: ['zip'] }),
      422,
      'invalidQuery',
    );
    expect(several.errors!.map((e) => e.path).sort()).toEqual(['/fields/0', '/filter/and/0/field', '/filter/and/1/op', '/sort/0/field']);
    for (const body of [{ filter: cond('name', 'like', 'x') }, { limit: 0 }, { limit: 501 }, { deleted: 'all' }, { sort: [{ field: 'name', direction: 'up' }] }]) {
      const response = await query(body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect((response.body as unknown as Problem).code).toBe('invalidQuery');
    }
  });

  it('refuses sorts on non-indexed or unknown fields, and unknown entities', async () => {
    const cases: [Sort, string, string][] = [
      [[{ field: 'notes' }], '/sort/0/field', 'notSortable'],
      [[{ field: 'name' }, { field: 'churn_risk', direction: 'desc' }], '/sort/1/field', 'notSortable'],
      [[{ field: 'tags' }], '/sort/0/field', 'notSortable'],
      [[{ field: 'version' }], '/sort/0/field', 'notSortable'],
      [[{ field: 'nope' }], '/sort/0/field', 'unknownField'],
      [[{ field: 'aum.currency' }], '/sort/0/field', 'notSortable'],
    ];
    for (const [sort, path, code] of cases) {
      const problem = await expectProblem(await query({ sort }), 422, 'invalidQuery');
      expect(problem.errors, JSON.stringify(sort)).toEqual([expect.objectContaining({ path, code })]);
    }
    await expectProblem(await query({}, 'nobody'), 404, 'entityNotFound');
    await expectProblem(await query({ filter: cond('name', 'eq', 'x') }, 'e_customer'), 404, 'entityNotFound');
  });

  it('excludes soft-deleted records unless asked to include them or list only them', async () => {
    const gone = [customers[1]!, customers[14]!];
    for (const c of gone) expect((await server.request('DELETE', `/api/records/customer/${c.id}`)).status).toBe(200);
    const goneIds = gone.map((c) => c.id).sort();
    const live = customers.filter((c) => !goneIds.includes(c.id));
    const idsWith = async (body: Record<string, unknown>): Promise<string[]> => (await query({ ...body, limit: 500 })).body.items.map((c) => c.id).sort();
    expect(await idsWith({})).toEqual(live.map((c) => c.id).sort());
    expect(await idsWith({ deleted: 'exclude' })).toEqual(live.map((c) => c.id).sort());
    expect(await idsWith({ deleted: 'only' })).toEqual(goneIds);
    expect(await idsWith({ deleted: 'include' })).toEqual(customers.map((c) => c.id).sort());
    expect(await idsWith({ deleted: 'only', filter: cond('name', 'eq', 'Alice') })).toEqual(gone.filter((c) => c.name === 'Alice').map((c) => c.id));
    expect(await idsWith({ filter: cond('name', 'eq', 'Alice') })).toEqual(live.filter((c) => c.name === 'Alice').map((c) => c.id).sort());
    expect((await query({ deleted: 'only', count: true, limit: 1 })).body.total).toBe(2);
    const deletedRow = (await query({ deleted: 'only', limit: 1 })).body.items[0]!;
    expect(deletedRow.deleted_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    for (const c of gone) expect((await server.request('POST', `/api/records/customer/${c.id}/restore`)).status).toBe(200);
    expect((await query({ count: true, limit: 1 })).body.total).toBe(40);
  });
});
