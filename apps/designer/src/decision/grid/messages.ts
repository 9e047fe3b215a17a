/** Texts the grid, the column dialog and the problems list share: column names and FEEL problems in the reader's language. */
import type { DecisionTable } from '@bankforge/rule-engine';
import type { TFunction } from 'i18next';
import type { ColumnProblem } from '../columns/column-check.js';
import { columnAt, columnTitle } from './table-columns.js';

/** A column's title, or "Input 2" for one without a label or expression yet. */
export function columnName(t: TFunction<'decisionDesigner'>, table: DecisionTable, column: number): string {
  const ref = columnAt(table, column);
  if (ref === undefined) return '';
  return columnTitle(table, ref) || t(`grid.untitled.${ref.part}`, { number: ref.index + 1 });
}

export function problemText(t: TFunction<'decisionDesigner'>, problem: ColumnProblem): string {
  switch (problem.code) {
    case 'syntax':
      return t('problem.syntax', { message: problem.message, column: problem.column });
    case 'unknownName':
      return t('problem.unknownName', { name: problem.name });
    case 'required':
      return t('problem.required');
    case 'duplicateName':
      return t('problem.duplicateName');
  }
}
