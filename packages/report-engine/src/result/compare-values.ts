import type { ReportValue } from './result-types.js';

/** Null first, then numbers or text in their natural order: how both databases sort ascending. */
export function compareValues(a: readonly ReportValue[], b: readonly ReportValue[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    const [p, q] =
      typeof x === 'object' || typeof y === 'object' ? [JSON.stringify(x), JSON.stringify(y)] : [x, y];
    if (p === q) continue;
    return p < q ? -1 : 1;
  }
  return 0;
}
