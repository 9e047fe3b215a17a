// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { tierTable } from '../testing/tables.js';
import { HEADER_ROW } from './cursor.js';
import { applyRuleCommand, canApplyRuleCommand } from './rule-commands.js';

const ids = (result: { table: { rules: { id?: string }[] } }) => result.table.rules.map((r) => r.id);

describe('rule commands at the cursor', () => {
  it('inserts above and below, the cursor on the new rule, in the same column', () => {
    const above = applyRuleCommand(tierTable(), { row: 1, column: 2 }, 'insertAbove');
    expect(ids(above)).toEqual(['young', 'rule-4', 'rich', 'rest']);
    expect(above.cursor).toEqual({ row: 1, column: 2 });
    const below = applyRuleCommand(tierTable(), { row: 1, column: 2 }, 'insertBelow');
    expect(ids(below)).toEqual(['young', 'rich', 'rule-4', 'rest']);
    expect(below.cursor).toEqual({ row: 2, column: 2 });
  });

  it('inserts the first rule from the header row', () => {
    const result = applyRuleCommand({ ...tierTable(), rules: [] }, { row: HEADER_ROW, column: 0 }, 'insertBelow');
    expect(result.table.rules).toHaveLength(1);
    expect(result.cursor).toEqual({ row: 0, column: 0 });
  });

  it('duplicates onto the copy, deletes keeping the cursor in place, moves with the rule', () => {
    expect(applyRuleCommand(tierTable(), { row: 0, column: 0 }, 'duplicate').cursor).toEqual({ row: 1, column: 0 });
    const deleted = applyRuleCommand(tierTable(), { row: 2, column: 0 }, 'delete');
    expect(ids(deleted)).toEqual(['young', 'rich']);
    expect(deleted.cursor).toEqual({ row: 1, column: 0 });
    const down = applyRuleCommand(tierTable(), { row: 0, column: 1 }, 'moveDown');
    expect(ids(down)).toEqual(['rich', 'young', 'rest']);
    expect(down.cursor).toEqual({ row: 1, column: 1 });
    const up = applyRuleCommand(tierTable(), { row: 2, column: 1 }, 'moveUp');
    expect(ids(up)).toEqual(['young', 'rest', 'rich']);
  });

  it('does nothing where a command cannot act', () => {
    const table = tierTable();
    for (const [row, command] of [
      [HEADER_ROW, 'duplicate'],
      [HEADER_ROW, 'delete'],
      [0, 'moveUp'],
      [2, 'moveDown'],
    ] as const) {
      expect(canApplyRuleCommand(table, { row, column: 0 }, command)).toBe(false);
      expect(applyRuleCommand(table, { row, column: 0 }, command).table).toBe(table);
    }
  });
});
