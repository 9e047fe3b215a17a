/**
 * Where the server's problems (a refused save or publish: JSON Pointers into the artifact) fall in
 * the table shown: a rule's cell, or a column's header.
 */
import type { ProblemFieldError } from '@bankforge/client';
import type { DecisionTable } from '@bankforge/rule-engine';
import { gridColumnOf, type ColumnPart } from '../grid/table-columns.js';

export interface ProblemPlace {
  /** The rule (0-based), or -1 for a column's header. */
  row: number;
  column: number;
}

const CELL_LISTS: Record<string, ColumnPart> = { inputEntries: 'input', outputEntries: 'output', annotations: 'annotation' };
const COLUMN_LISTS: Record<string, ColumnPart> = { inputs: 'input', outputs: 'output', annotations: 'annotation' };

/** The place a problem points at in decision `decision`'s table, or null when it is about something else. */
export function problemPlace(problem: ProblemFieldError, tablePath: string, table: DecisionTable): ProblemPlace | null {
  const prefix = `${tablePath}/`;
  if (!problem.path.startsWith(prefix)) return null;
  const [list, first, second, third] = problem.path.slice(prefix.length).split('/');
  const index = Number(first);
  if (list === 'rules' && second !== undefined && third !== undefined && CELL_LISTS[second] !== undefined) {
    if (index >= table.rules.length) return null;
    return { row: index, column: gridColumnOf(table, { part: CELL_LISTS[second], index: Number(third) }) };
  }
  if (list !== undefined && COLUMN_LISTS[list] !== undefined && Number.isInteger(index)) {
    return { row: -1, column: gridColumnOf(table, { part: COLUMN_LISTS[list], index }) };
  }
  return null;
}
