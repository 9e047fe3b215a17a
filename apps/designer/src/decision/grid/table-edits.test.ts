// @vitest-environment node
import type { DecisionTable } from '@bankforge/rule-engine';
import { describe, expect, it } from 'vitest';
import { tierTable } from '../testing/tables.js';
import { columnAt, columnCount, columnTitle, gridColumnOf, gridColumns } from './table-columns.js';
import { addRuleForRegion, clearCell, deleteRule, duplicateRule, emptyRule, insertRule, moveRule, setCell } from './table-edits.js';

const ids = (table: DecisionTable) => table.rules.map((r) => r.id);

describe('grid columns', () => {
  it('lays inputs, then outputs, then annotations out, and finds each by its place', () => {
    const table = tierTable();
    expect(gridColumns(table)).toEqual([
      { part: 'input', index: 0 },
      { part: 'input', index: 1 },
      { part: 'output', index: 0 },
      { part: 'annotation', index: 0 },
    ]);
    expect(columnCount(table)).toBe(4);
    expect(columnAt(table, 2)).toEqual({ part: 'output', index: 0 });
    expect(columnAt(table, 4)).toBeUndefined();
    expect(columnAt(table, -1)).toBeUndefined();
    expect(gridColumnOf(table, { part: 'annotation', index: 0 })).toBe(3);
  });

  it('titles a column by its label, else its expression or name', () => {
    const table = tierTable();
    expect(columnTitle(table, { part: 'input', index: 0 })).toBe('Age');
    expect(columnTitle(table, { part: 'input', index: 1 })).toBe('Balance');
    expect(columnTitle(table, { part: 'output', index: 0 })).toBe('tier');
    expect(columnTitle(table, { part: 'annotation', index: 0 })).toBe('Why');
  });
});

describe('rule edits', () => {
  it('an empty rule matches anything and decides nothing', () => {
    expect(emptyRule(tierTable())).toEqual({ inputEntries: ['-', '-'], outputEntries: [''], annotations: [''] });
  });

  it('inserts a rule above and below, with a fresh id when the rules have ids', () => {
    const table = tierTable();
    const above = insertRule(table, 0);
    expect(ids(above)).toEqual(['rule-4', 'young', 'rich', 'rest']);
    const below = insertRule(above, 2);
    expect(ids(below)).toEqual(['rule-4', 'young', 'rule-5', 'rich', 'rest']);
    expect(below.rules[2]).toEqual({ id: 'rule-5', inputEntries: ['-', '-'], outputEntries: [''], annotations: [''] });
  });

  it('gives no id to a new rule of a table without ids, and clamps the place', () => {
    const table: DecisionTable = { ...tierTable(), rules: tierTable().rules.map(({ id: _id, ...rule }) => rule) };
    const next = insertRule(table, 99);
    expect(next.rules).toHaveLength(4);
    expect(next.rules[3]!.id).toBeUndefined();
  });

  it('never changes the table it is given', () => {
    const table = tierTable();
    const before = structuredClone(table);
    insertRule(table, 1);
    duplicateRule(table, 1);
    deleteRule(table, 1);
    moveRule(table, 0, 2);
    setCell(table, 0, { part: 'input', index: 0 }, '< 18');
    expect(table).toEqual(before);
  });

  it('duplicates a rule right below it, as a copy with its own id', () => {
    const next = duplicateRule(tierTable(), 1);
    expect(ids(next)).toEqual(['young', 'rich', 'rule-4', 'rest']);
    expect(next.rules[2]!.inputEntries).toEqual(['>= 30', '> 100000']);
    expect(next.rules[2]!.inputEntries).not.toBe(next.rules[1]!.inputEntries);
  });

  it('deletes a rule; an index outside the table changes nothing', () => {
    const table = tierTable();
    expect(ids(deleteRule(table, 0))).toEqual(['rich', 'rest']);
    expect(deleteRule(table, 3)).toBe(table);
  });

  it('moves a rule up, down and to an index, clamped; a move in place is no change', () => {
    const table = tierTable();
    expect(ids(moveRule(table, 2, 1))).toEqual(['young', 'rest', 'rich']);
    expect(ids(moveRule(table, 0, 1))).toEqual(['rich', 'young', 'rest']);
    expect(ids(moveRule(table, 0, 99))).toEqual(['rich', 'rest', 'young']);
    expect(moveRule(table, 0, -1)).toBe(table);
    expect(moveRule(table, 5, 0)).toBe(table);
  });

  it('sets a cell of each part; the same text is no change', () => {
    const table = tierTable();
    expect(setCell(table, 0, { part: 'input', index: 1 }, '> 0').rules[0]!.inputEntries).toEqual(['< 30', '> 0']);
    expect(setCell(table, 1, { part: 'output', index: 0 }, '"platinum"').rules[1]!.outputEntries).toEqual(['"platinum"']);
    expect(setCell(table, 2, { part: 'annotation', index: 0 }, 'the rest').rules[2]!.annotations).toEqual(['the rest']);
    expect(setCell(table, 0, { part: 'input', index: 0 }, '< 30')).toBe(table);
    expect(setCell(table, 9, { part: 'input', index: 0 }, '< 30')).toBe(table);
  });

  it('fills the cells a short rule lacks when one of them is set', () => {
    const table: DecisionTable = { ...tierTable(), rules: [{ inputEntries: [], outputEntries: [] }] };
    expect(setCell(table, 0, { part: 'input', index: 1 }, '> 5').rules[0]!.inputEntries).toEqual(['-', '> 5']);
    expect(setCell(table, 0, { part: 'annotation', index: 0 }, 'x').rules[0]!.annotations).toEqual(['x']);
  });

  it('clears an input cell to "-" and an output cell to nothing', () => {
    const table = tierTable();
    expect(clearCell(table, 0, { part: 'input', index: 0 }).rules[0]!.inputEntries[0]).toBe('-');
    expect(clearCell(table, 0, { part: 'output', index: 0 }).rules[0]!.outputEntries[0]).toBe('');
  });

  it('adds a rule for a gap at the end, its outputs left to decide', () => {
    const next = addRuleForRegion(tierTable(), ['[18..30)', '-']);
    expect(next.rules.at(-1)).toEqual({ id: 'rule-4', inputEntries: ['[18..30)', '-'], outputEntries: [''], annotations: [''] });
  });
});
