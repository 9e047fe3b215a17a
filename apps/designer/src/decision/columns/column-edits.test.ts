// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { modelNames, scopeOfNames } from '../document/decision-document.js';
import { tierModel, tierTable } from '../testing/tables.js';
import { checkColumn } from './column-check.js';
import {
  deleteAnnotation,
  deleteColumn,
  deleteInput,
  deleteOutput,
  insertAnnotation,
  insertInput,
  insertOutput,
  moveColumn,
  moveInput,
  moveOutput,
  renameAnnotation,
  updateInput,
  updateOutput,
} from './column-edits.js';

describe('input columns', () => {
  it('inserts an input with "-" in every rule', () => {
    const table = insertInput(tierTable(), 1, { expression: 'Monthly Income', label: 'Income' });
    expect(table.inputs.map((i) => i.expression)).toEqual(['Age', 'Monthly Income', 'Balance']);
    expect(table.rules.map((r) => r.inputEntries)).toEqual([
      ['< 30', '-', '-'],
      ['>= 30', '-', '> 100000'],
      ['>= 30', '-', '<= 100000'],
    ]);
  });

  it('changes label, expression, type and allowed values; empty text removes an optional one', () => {
    const table = updateInput(tierTable(), 0, { label: '', expression: 'Age + 1', typeRef: 'number', inputValues: '[0..150]' });
    expect(table.inputs[0]).toEqual({ expression: 'Age + 1', typeRef: 'number', inputValues: '[0..150]' });
    expect(updateInput(tierTable(), 0, { expression: '' }).inputs[0]!.expression).toBe('');
  });

  it('deletes an input with its cells', () => {
    const table = deleteInput(tierTable(), 0);
    expect(table.inputs.map((i) => i.expression)).toEqual(['Balance']);
    expect(table.rules.map((r) => r.inputEntries)).toEqual([['-'], ['> 100000'], ['<= 100000']]);
  });

  it('moves an input with its cells; a move in place is no change', () => {
    const table = moveInput(tierTable(), 0, 1);
    expect(table.inputs.map((i) => i.expression)).toEqual(['Balance', 'Age']);
    expect(table.rules[1]!.inputEntries).toEqual(['> 100000', '>= 30']);
    const same = tierTable();
    expect(moveInput(same, 1, 1)).toBe(same);
    expect(moveInput(same, 1, 7).inputs.map((i) => i.expression)).toEqual(['Age', 'Balance']);
  });
});

describe('output columns', () => {
  it('inserts an output with empty cells, naming it (several outputs answer a context)', () => {
    const table = insertOutput(tierTable(), 1);
    expect(table.outputs).toEqual([{ name: 'tier', typeRef: 'string' }, { name: 'output_1' }]);
    expect(table.rules[0]!.outputEntries).toEqual(['"basic"', '']);
  });

  it('names an unnamed single output when a second one comes', () => {
    const table = insertOutput({ ...tierTable(), outputs: [{ typeRef: 'string' }] }, 0, { name: 'score' });
    expect(table.outputs).toEqual([{ name: 'score' }, { name: 'output_1', typeRef: 'string' }]);
  });

  it('changes name, label, type, allowed values and default', () => {
    const table = updateOutput(tierTable(), 0, { label: 'Tier', outputValues: '"basic","silver","gold"', defaultOutputEntry: '"basic"' });
    expect(table.outputs[0]).toEqual({ name: 'tier', typeRef: 'string', label: 'Tier', outputValues: '"basic","silver","gold"', defaultOutputEntry: '"basic"' });
  });

  it('deletes an output with its cells, but never the last one', () => {
    const two = insertOutput(tierTable(), 1, { name: 'score' });
    const table = deleteOutput(two, 0);
    expect(table.outputs).toEqual([{ name: 'score' }]);
    expect(table.rules[0]!.outputEntries).toEqual(['']);
    expect(deleteOutput(table, 0)).toBe(table);
  });

  it('moves an output with its cells', () => {
    const table = moveOutput(insertOutput(tierTable(), 1, { name: 'score' }), 1, 0);
    expect(table.outputs.map((o) => o.name)).toEqual(['score', 'tier']);
    expect(table.rules[0]!.outputEntries).toEqual(['', '"basic"']);
  });
});

describe('annotation columns', () => {
  it('inserts, renames and moves annotation columns with their cells', () => {
    let table = insertAnnotation(tierTable(), 0, 'Owner');
    expect(table.annotations).toEqual(['Owner', 'Why']);
    expect(table.rules[0]!.annotations).toEqual(['', 'young']);
    table = renameAnnotation(table, 0, 'Team');
    expect(table.annotations).toEqual(['Team', 'Why']);
    table = moveColumn(table, 'annotation', 1, 0);
    expect(table.annotations).toEqual(['Why', 'Team']);
    expect(table.rules[0]!.annotations).toEqual(['young', '']);
  });

  it('adds the first annotation column to a table without one', () => {
    const { annotations: _a, ...bare } = tierTable();
    const table = insertAnnotation({ ...bare, rules: bare.rules.map(({ annotations: _c, ...r }) => r) }, 0, 'Why');
    expect(table.annotations).toEqual(['Why']);
    expect(table.rules[0]!.annotations).toEqual(['']);
  });

  it('deleting the last annotation column takes the annotations away', () => {
    const table = deleteAnnotation(tierTable(), 0);
    expect(table.annotations).toBeUndefined();
    expect(table.rules[0]).toEqual({ id: 'young', inputEntries: ['< 30', '-'], outputEntries: ['"basic"'] });
  });

  it('deletes a column of any part', () => {
    expect(deleteColumn(tierTable(), 'input', 1).inputs).toHaveLength(1);
    expect(deleteColumn(tierTable(), 'annotation', 0).annotations).toBeUndefined();
  });
});

describe('checkColumn', () => {
  const scope = scopeOfNames(modelNames(tierModel()));

  it('needs an input expression and checks it and the allowed values as FEEL', () => {
    const table = updateInput(tierTable(), 0, { expression: '', inputValues: '[0..' });
    expect(checkColumn(table, { part: 'input', index: 0 }, scope).map((i) => [i.field, i.problem.code])).toEqual([
      ['expression', 'required'],
      ['inputValues', 'syntax'],
    ]);
  });

  it('needs distinct names when a table has several outputs, and checks allowed values and default', () => {
    const table = insertOutput(tierTable(), 1, { name: 'tier', defaultOutputEntry: 'gold' });
    expect(checkColumn(table, { part: 'output', index: 1 }, scope).map((i) => [i.field, i.problem.code])).toEqual([
      ['name', 'duplicateName'],
      ['defaultOutputEntry', 'unknownName'],
    ]);
    expect(checkColumn(tierTable(), { part: 'output', index: 0 }, scope)).toEqual([]);
  });
});
