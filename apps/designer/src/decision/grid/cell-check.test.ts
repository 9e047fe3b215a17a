// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { tierModel, tierTable } from '../testing/tables.js';
import { modelNames, scopeOfNames } from '../document/decision-document.js';
import { checkFeelText } from './cell-check.js';
import { checkTable } from './table-check.js';

const scope = scopeOfNames(modelNames(tierModel()));

describe('checkFeelText', () => {
  it('takes unary tests in input cells and expressions in output cells', () => {
    expect(checkFeelText('[18..30), > 65', 'unaryTests', scope)).toBeNull();
    expect(checkFeelText('not("x")', 'unaryTests', scope)).toBeNull();
    expect(checkFeelText('Balance * 0.1', 'expression', scope)).toBeNull();
  });

  it('takes empty text: any value in an input, null in an output', () => {
    expect(checkFeelText('', 'unaryTests', scope)).toBeNull();
    expect(checkFeelText('  ', 'expression', scope)).toBeNull();
  });

  it('says where a syntax error is', () => {
    expect(checkFeelText('[18..', 'unaryTests', scope)).toEqual({ severity: 'error', code: 'syntax', message: 'Unexpected end of expression', line: 1, column: 6 });
    expect(checkFeelText('1 +', 'expression', scope)).toMatchObject({ severity: 'error', code: 'syntax', column: 4 });
  });

  it('warns of a name the model does not define (a text without its quotes)', () => {
    expect(checkFeelText('approve', 'expression', scope)).toEqual({ severity: 'warning', code: 'unknownName', name: 'approve' });
    expect(checkFeelText('< Treshold', 'unaryTests', scope)).toEqual({ severity: 'warning', code: 'unknownName', name: 'Treshold' });
  });

  it('reads names with spaces the model defines', () => {
    expect(checkFeelText('Monthly Income * 12', 'expression', scope)).toBeNull();
    expect(checkFeelText('> Monthly Income', 'unaryTests', scope)).toBeNull();
  });
});

describe('checkTable', () => {
  it('lists the problem cells by rule and grid column, and the columns whose properties are wrong', () => {
    const table = tierTable();
    table.rules[1]!.inputEntries[1] = '> 100000 )';
    table.rules[2]!.outputEntries[0] = 'silver';
    table.inputs[1]!.expression = '';
    const issues = checkTable(table, scope);
    expect(issues.cells.map(({ row, column, problem }) => [row, column, problem.code])).toEqual([
      [1, 1, 'syntax'],
      [2, 2, 'unknownName'],
    ]);
    expect([...issues.columns.entries()]).toEqual([[1, [{ field: 'expression', problem: { severity: 'error', code: 'required' } }]]]);
  });
});
