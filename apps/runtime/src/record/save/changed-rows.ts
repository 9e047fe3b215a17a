import type { FormValues } from '@bankforge/form-engine/react';
import { sameValue } from './changed-values.js';

type Row = Readonly<Record<string, unknown>>;

const rowsOf = (value: unknown): Row[] | undefined => (Array.isArray(value) ? value.filter((row): row is Row => typeof row === 'object' && row !== null) : undefined);

/**
 * The rows an update sends for the form's repeating groups. A group goes whole (the server deletes
 * a stored row left out), each stored row with the version it was read at (a stale one is
 * refused), and only when something in it changed. A group the read did not bring is never sent:
 * the reader may not see its rows, so an empty list would ask to delete them.
 */
export function changedRows(groupKeys: readonly string[], original: Readonly<Record<string, unknown>>, submitted: FormValues): FormValues {
  const out: FormValues = {};
  for (const key of groupKeys) {
    const stored = rowsOf(original[key]);
    const sent = rowsOf(submitted[key]);
    if (stored === undefined || sent === undefined) continue;
    const versions = new Map(stored.map((row) => [row.id, row.version]));
    const rows = sent.map((row) => (row.id === undefined ? row : { ...row, version: versions.get(row.id) }));
    const same = rows.length === stored.length && rows.every((row, i) => row.id === stored[i]!.id && Object.entries(row).every(([cell, value]) => sameValue(stored[i]![cell], value)));
    if (!same) out[key] = rows;
  }
  return out;
}

/** The record the server answered to an update, with the rows read before for groups the update did not send (they did not change). */
export function withUnsentRows<T extends Record<string, unknown>>(groupKeys: readonly string[], original: Readonly<Record<string, unknown>>, updated: T): T {
  const kept = Object.fromEntries(groupKeys.filter((key) => !(key in updated) && key in original).map((key) => [key, original[key]]));
  return { ...kept, ...updated };
}
