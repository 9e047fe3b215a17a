/** The FEEL properties of a column, checked as its cells are: what the column dialog and the problems list show. */
import type { DecisionTable } from '@bankforge/rule-engine';
import { checkFeelText, type CellProblem, type FeelScope } from '../grid/cell-check.js';
import type { ColumnRef } from '../grid/table-columns.js';

export type ColumnField = 'expression' | 'inputValues' | 'outputValues' | 'defaultOutputEntry' | 'name';

export type ColumnProblem = CellProblem | { severity: 'error'; code: 'required' } | { severity: 'error'; code: 'duplicateName' };

export interface ColumnIssue {
  field: ColumnField;
  problem: ColumnProblem;
}

/** The problems of one column's properties (an annotation column has none FEEL could find). */
export function checkColumn(table: DecisionTable, ref: ColumnRef, scope: FeelScope): ColumnIssue[] {
  const issues: ColumnIssue[] = [];
  const feel = (field: ColumnField, text: string | undefined, kind: 'unaryTests' | 'expression') => {
    const problem = checkFeelText(text ?? '', kind, scope);
    if (problem !== null) issues.push({ field, problem });
  };
  if (ref.part === 'input') {
    const input = table.inputs[ref.index]!;
    if (input.expression.trim() === '') issues.push({ field: 'expression', problem: { severity: 'error', code: 'required' } });
    else feel('expression', input.expression, 'expression');
    feel('inputValues', input.inputValues, 'unaryTests');
  } else if (ref.part === 'output') {
    const output = table.outputs[ref.index]!;
    // Several outputs answer a context: each needs its own name.
    if (table.outputs.length > 1) {
      if (!output.name) issues.push({ field: 'name', problem: { severity: 'error', code: 'required' } });
      else if (table.outputs.some((o, i) => i !== ref.index && o.name === output.name)) issues.push({ field: 'name', problem: { severity: 'error', code: 'duplicateName' } });
    }
    feel('outputValues', output.outputValues, 'unaryTests');
    feel('defaultOutputEntry', output.defaultOutputEntry, 'expression');
  }
  return issues;
}
