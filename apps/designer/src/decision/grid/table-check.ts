/** Every FEEL text of a table checked, for the cells' markers and the problems list. */
import type { DecisionTable } from '@bankforge/rule-engine';
import { checkColumn, type ColumnIssue } from '../columns/column-check.js';
import { checkFeelText, type CellProblem, type FeelScope } from './cell-check.js';
import { cellText, gridColumns } from './table-columns.js';

export interface CellIssue {
  row: number;
  column: number;
  problem: CellProblem;
}

export interface TableIssues {
  /** By rule, then grid column. */
  cells: CellIssue[];
  /** By grid column: the problems of its properties. */
  columns: Map<number, ColumnIssue[]>;
}

/** The problems of a table's cells and columns. Repeated texts (`-`, the same range) are checked once. */
export function checkTable(table: DecisionTable, scope: FeelScope): TableIssues {
  const seen = new Map<string, CellProblem | null>();
  const check = (text: string, kind: 'unaryTests' | 'expression') => {
    const key = `${kind}\u0000${text}`;
    if (!seen.has(key)) seen.set(key, checkFeelText(text, kind, scope));
    return seen.get(key)!;
  };
  const refs = gridColumns(table);
  const cells: CellIssue[] = [];
  table.rules.forEach((rule, row) => {
    refs.forEach((ref, column) => {
      if (ref.part === 'annotation') return;
      const problem = check(cellText(rule, ref), ref.part === 'input' ? 'unaryTests' : 'expression');
      if (problem !== null) cells.push({ row, column, problem });
    });
  });
  const columns = new Map<number, ColumnIssue[]>();
  refs.forEach((ref, column) => {
    const issues = checkColumn(table, ref, scope);
    if (issues.length > 0) columns.set(column, issues);
  });
  return { cells, columns };
}
