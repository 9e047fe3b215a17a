import { expect } from 'vitest';
import { compareValues } from '../result/compare-values.js';
import type { ReportRow, ReportValue } from '../result/result-types.js';

type Key = string | number | boolean | null;

export { compareValues as compareKeys };

/** GROUP BY in JS: one row per distinct key, measures computed from the group, sorted by the keys. */
export function groupRows<T>(
  rows: readonly T[],
  dimensions: Record<string, (row: T) => Key>,
  measures: Record<string, (group: T[]) => ReportValue>,
): ReportRow[] {
  const names = Object.keys(dimensions);
  const groups = new Map<string, { key: Key[]; rows: T[] }>();
  for (const row of rows) {
    const key = names.map((n) => dimensions[n]!(row));
    const id = JSON.stringify(key);
    const group = groups.get(id) ?? { key, rows: [] };
    group.rows.push(row);
    groups.set(id, group);
  }
  return [...groups.values()]
    .sort((a, b) => compareValues(a.key, b.key))
    .map((g) => {
      const out: ReportRow = {};
      names.forEach((n, i) => (out[n] = g.key[i] ?? null));
      for (const [m, f] of Object.entries(measures)) out[m] = f(g.rows);
      return out;
    });
}

const present = (values: (number | null)[]): number[] => values.filter((v): v is number => v !== null);
export const num = (v: string | number | null): number | null => (v === null ? null : Number(v));
export const sum = (values: (number | null)[]): number | null =>
  present(values).length ? present(values).reduce((a, b) => a + b, 0) : null;
export const avg = (values: (number | null)[]): number | null =>
  present(values).length ? sum(values)! / present(values).length : null;
export const min = (values: (number | null)[]): number | null =>
  present(values).length ? Math.min(...present(values)) : null;
export const max = (values: (number | null)[]): number | null =>
  present(values).length ? Math.max(...present(values)) : null;

/** Expected rows with numbers matched to 6 decimals: SQLite sums doubles where MySQL sums exact decimals. */
export function approx(rows: readonly ReportRow[]): unknown[] {
  return rows.map((r) =>
    Object.fromEntries(
      Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? expect.closeTo(v, 6) : v]),
    ),
  );
}
