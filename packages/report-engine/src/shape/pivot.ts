import type { PivotSpec } from '../artifact/report-definition.js';
import { compareValues } from '../result/compare-values.js';
import type { ReportResult, ReportValue } from '../result/result-types.js';

export interface PivotTable {
  rowKeys: string[];
  columnKeys: string[];
  values: string[];
  /** The distinct column-dimension tuples, sorted (null first). */
  columns: { key: ReportValue[] }[];
  /** One row per distinct row-dimension tuple, in result order; a cell per column, null when no group. */
  rows: { key: ReportValue[]; cells: (Record<string, ReportValue> | null)[] }[];
}

/**
 * Turns grouped rows (the database grouped by rows + columns dimensions) into a cross table.
 * Nothing is aggregated here: each (row, column) pair is exactly one result row.
 */
export function pivotResult(result: ReportResult, spec: PivotSpec): PivotTable {
  const tuple = (row: Record<string, ReportValue>, keys: readonly string[]): ReportValue[] =>
    keys.map((k) => row[k] ?? null);
  const columns = new Map<string, ReportValue[]>();
  const rows = new Map<string, { key: ReportValue[]; cells: Map<string, Record<string, ReportValue>> }>();
  for (const row of result.rows) {
    const rowKey = tuple(row, spec.rows);
    const columnKey = tuple(row, spec.columns);
    const columnId = JSON.stringify(columnKey);
    columns.set(columnId, columnKey);
    const rowId = JSON.stringify(rowKey);
    const entry = rows.get(rowId) ?? { key: rowKey, cells: new Map() };
    entry.cells.set(columnId, Object.fromEntries(spec.values.map((v) => [v, row[v] ?? null])));
    rows.set(rowId, entry);
  }
  const sortedColumns = [...columns.entries()].sort((a, b) => compareValues(a[1], b[1]));
  return {
    rowKeys: [...spec.rows],
    columnKeys: [...spec.columns],
    values: [...spec.values],
    columns: sortedColumns.map(([, key]) => ({ key })),
    rows: [...rows.values()].map((r) => ({
      key: r.key,
      cells: sortedColumns.map(([id]) => r.cells.get(id) ?? null),
    })),
  };
}
