// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { tierModel, tierTable } from '../testing/tables.js';
import { applyColumnCommand, canApplyColumnCommand, newInputColumn } from './column-commands.js';

const fresh = { input: { expression: 'Monthly Income' }, annotation: 'Note' };

describe('column commands at the cursor', () => {
  it('adds an input right after the cursor’s input, the cursor on it', () => {
    const { table, cursor } = applyColumnCommand(tierTable(), { row: 1, column: 0 }, 'addInput', fresh);
    expect(table.inputs.map((i) => i.expression)).toEqual(['Age', 'Monthly Income', 'Balance']);
    expect(cursor).toEqual({ row: 1, column: 1 });
  });

  it('adds a column at the end of its part when the cursor is elsewhere', () => {
    const output = applyColumnCommand(tierTable(), { row: 0, column: 0 }, 'addOutput', fresh);
    expect(output.table.outputs.map((o) => o.name)).toEqual(['tier', 'output_1']);
    expect(output.cursor).toEqual({ row: 0, column: 3 });
    const note = applyColumnCommand(tierTable(), { row: 0, column: 0 }, 'addAnnotation', fresh);
    expect(note.table.annotations).toEqual(['Why', 'Note']);
    expect(note.cursor).toEqual({ row: 0, column: 4 });
  });

  it('moves a column within its part, the cursor with it', () => {
    const { table, cursor } = applyColumnCommand(tierTable(), { row: 2, column: 1 }, 'moveLeft', fresh);
    expect(table.inputs.map((i) => i.expression)).toEqual(['Balance', 'Age']);
    expect(cursor).toEqual({ row: 2, column: 0 });
    expect(canApplyColumnCommand(tierTable(), { row: 0, column: 1 }, 'moveRight')).toBe(false);
    expect(canApplyColumnCommand(tierTable(), { row: 0, column: 2 }, 'moveLeft')).toBe(false);
  });

  it('deletes the cursor’s column, but never the only output', () => {
    const { table, cursor } = applyColumnCommand(tierTable(), { row: 0, column: 3 }, 'delete', fresh);
    expect(table.annotations).toBeUndefined();
    expect(cursor).toEqual({ row: 0, column: 2 });
    expect(canApplyColumnCommand(tierTable(), { row: 0, column: 2 }, 'delete')).toBe(false);
  });

  it('starts a new input on the first input data no column tests yet', () => {
    expect(newInputColumn(tierModel(), tierTable())).toEqual({ expression: 'Monthly Income', typeRef: 'number' });
    expect(newInputColumn({ ...tierModel(), inputData: [] }, tierTable())).toEqual({ expression: '' });
  });
});
