// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { tierTable } from '../testing/tables.js';
import { pasteBlock } from './paste.js';

describe('pasteBlock', () => {
  it('fills the block from the cell given, across inputs and outputs', () => {
    const { table, rules, columns, added } = pasteBlock(tierTable(), 1, 1, [
      ['> 1', '"a"'],
      ['> 2', '"b"'],
    ]);
    expect([rules, columns, added]).toEqual([2, 2, 0]);
    expect(table.rules[1]!.inputEntries).toEqual(['>= 30', '> 1']);
    expect(table.rules[1]!.outputEntries).toEqual(['"a"']);
    expect(table.rules[2]!.outputEntries).toEqual(['"b"']);
    expect(table.rules[0]).toEqual(tierTable().rules[0]);
  });

  it('adds rules at the end when the block is taller than what is left', () => {
    const block = [1, 2, 3, 4, 5].map((n) => [`< ${n}`, '-', `"r${n}"`, `note ${n}`]);
    const { table, added } = pasteBlock(tierTable(), 2, 0, block);
    expect(added).toBe(4);
    expect(table.rules).toHaveLength(7);
    expect(table.rules.map((r) => r.outputEntries[0])).toEqual(['"basic"', '"gold"', '"r1"', '"r2"', '"r3"', '"r4"', '"r5"']);
    expect(table.rules[6]).toEqual({ id: 'rule-7', inputEntries: ['< 5', '-'], outputEntries: ['"r5"'], annotations: ['note 5'] });
  });

  it('drops cells past the last column', () => {
    const { table, columns } = pasteBlock(tierTable(), 0, 3, [['a', 'b', 'c']]);
    expect(columns).toBe(1);
    expect(table.rules[0]!.annotations).toEqual(['a']);
  });

  it('changes nothing for an empty block', () => {
    const table = tierTable();
    expect(pasteBlock(table, 0, 0, []).table).toBe(table);
  });
});
