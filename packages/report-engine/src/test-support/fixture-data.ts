/**
 * Deterministic fixture rows for the SQL tests, as plain objects (what the expected results are
 * computed from) and in stored form (what is inserted). Nulls, soft-deleted rows, tricky text
 * and values on period edges are deliberate.
 */
import { NOW } from '@bankforge/data-model/testing';

export interface BranchRow {
  id: string;
  code: string;
  name: string;
  region: string | null;
  deleted: boolean;
}
export interface RmRow {
  id: string;
  name: string;
  branch: string;
  deleted: boolean;
}
export interface CustomerRow {
  id: string;
  name: string;
  segment: string | null;
  vip: boolean | null;
  tags: string[] | null;
  birth_date: string | null;
  onboarded_at: string | null;
  credit_score: number | null;
  aum: string | null;
  aum_currency: string | null;
  income: string | null;
  branch: string | null;
  rm: string | null;
  notes: string | null;
  owner_id: string | null;
  deleted: boolean;
}
export interface LoanRow {
  id: string;
  customer: string;
  branch: string | null;
  rm: string | null;
  amount: string | null;
  amount_currency: string | null;
  term_months: number | null;
  rate: string | null;
  status: string | null;
  product: string | null;
  submitted_at: string | null;
  decided_on: string | null;
  note: string | null;
  extra: unknown;
  owner_id: string | null;
  deleted: boolean;
}

/** A small linear congruential generator: the same rows on every run. */
function prng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const id = (prefix: string, n: number): string => `${prefix}${pad(n, 4)}`;

export const branches: BranchRow[] = [
  { id: id('b', 1), code: 'B01', name: 'Beijing', region: 'north', deleted: false },
  { id: id('b', 2), code: 'B02', name: 'Shanghai', region: 'east', deleted: false },
  { id: id('b', 3), code: 'B03', name: 'Shenzhen', region: 'south', deleted: false },
  { id: id('b', 4), code: 'B04', name: 'Online', region: null, deleted: false },
  { id: id('b', 5), code: 'B05', name: 'Closed', region: 'north', deleted: true },
];

export const rms: RmRow[] = Array.from({ length: 8 }, (_, i) => ({
  id: id('r', i + 1),
  name: `RM ${i + 1}`,
  branch: branches[i % 4]!.id,
  deleted: false,
}));

const NOTES = [
  '=HYPERLINK("x")',
  'say "hi", ok',
  '+1 call',
  '-5 days',
  '@risk',
  'line\nbreak',
  "O'Brien",
  '100%_sure',
  null,
];
const SEGMENTS = ['mass', 'affluent', 'private', null];
const TAGS = ['payroll', 'mortgage', 'wealth'];

const random = prng(42);
export const customers: CustomerRow[] = Array.from({ length: 40 }, (_, i) => {
  const r = rms[i % rms.length]!;
  return {
    id: id('c', i + 1),
    name: `Customer ${pad(i + 1)}`,
    segment: SEGMENTS[i % 4]!,
    vip: i % 5 === 0 ? null : i % 3 === 0,
    tags: i % 6 === 5 ? null : TAGS.filter((_, bit) => ((i >> bit) & 1) === 1),
    birth_date: i % 9 === 4 ? null : `${1960 + (i % 40)}-${pad(1 + (i % 12))}-${pad(1 + ((i * 7) % 28))}`,
    onboarded_at:
      i % 7 === 3
        ? null
        : `2024-${pad(1 + (i % 12))}-${pad(1 + (i % 27))} ${pad(i % 24)}:${pad((i * 13) % 60)}:00.${pad(i * 7, 3)}`,
    credit_score: i % 8 === 2 ? null : 300 + Math.floor(random() * 550),
    aum: i % 10 === 9 ? null : (Math.floor(random() * 10_000_000) / 100).toFixed(2),
    aum_currency: i % 10 === 9 ? null : ['CNY', 'USD', 'HKD'][i % 3]!,
    income:
      i % 6 === 1 ? null : (Math.floor(random() * 50_000_000) / 100 - (i === 7 ? 600_000 : 0)).toFixed(2),
    branch: i % 11 === 10 ? null : r.branch,
    rm: i % 11 === 10 ? null : r.id,
    notes: NOTES[i % NOTES.length]!,
    owner_id: i % 2 === 0 ? 'u1' : 'u2',
    deleted: i === 39,
  };
});

/** Instants spread over two years before NOW and a month after, a few on exact period edges. */
const EDGES = [
  '2025-05-14 00:00:00.000',
  '2025-05-13 23:59:59.999',
  '2025-04-01 00:00:00.000',
  '2025-03-31 23:59:59.999',
  '2025-01-01 00:00:00.000',
  '2024-06-01 00:00:00.000',
  '2025-05-12 00:00:00.000',
  '2025-05-11 23:59:59.999',
];

function instant(i: number): string | null {
  if (i % 17 === 16) return null;
  if (i < EDGES.length) return EDGES[i]!;
  const ms = NOW.getTime() - Math.floor(random() * 760 * 86_400_000) + 30 * 86_400_000;
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 23);
}

const STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'approved', null];
const PRODUCTS = ['mortgage', 'consumer', 'auto'];

export const loans: LoanRow[] = Array.from({ length: 160 }, (_, i) => {
  const c = customers[(i * 7) % customers.length]!;
  const submitted = instant(i);
  const status = STATUSES[i % STATUSES.length]!;
  const decided =
    submitted && (status === 'approved' || status === 'rejected')
      ? submitted.slice(0, 10)
      : i % 13 === 0
        ? '2025-05-15'
        : null;
  return {
    id: id('l', i + 1),
    customer: c.id,
    branch: c.branch,
    rm: c.rm,
    amount: i % 19 === 18 ? null : (Math.floor(random() * 200_000_000) / 100).toFixed(2),
    amount_currency: i % 19 === 18 ? null : 'CNY',
    term_months: i % 23 === 22 ? null : [6, 12, 24, 36, 60, 360][i % 6]!,
    rate: i % 29 === 28 ? null : (3 + Math.floor(random() * 4000) / 1000).toFixed(4),
    status,
    product: PRODUCTS[i % 3]!,
    submitted_at: submitted,
    decided_on: decided,
    note: NOTES[(i * 5) % NOTES.length]!,
    extra: i % 4 === 0 ? { i } : null,
    owner_id: i % 3 === 0 ? 'u1' : 'u2',
    deleted: i % 31 === 30,
  };
});

/** Live (not soft-deleted) rows: what every report reads. */
export const live = <T extends { deleted: boolean }>(rows: readonly T[]): T[] =>
  rows.filter((r) => !r.deleted);
