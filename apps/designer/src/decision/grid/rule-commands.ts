/**
 * The rule commands the keyboard and the toolbar share, applied at the cursor: the new table and
 * where the cursor goes (onto the new, copied or moved rule).
 */
import type { DecisionTable } from '@bankforge/rule-engine';
import { clampCursor, type Cursor } from './cursor.js';
import type { RuleCommand } from './keymap.js';
import { columnCount } from './table-columns.js';
import { deleteRule, duplicateRule, insertRule, moveRule } from './table-edits.js';

/** Whether a command can act at the cursor (the header row has no rule to copy, delete or move). */
export function canApplyRuleCommand(table: DecisionTable, cursor: Cursor, command: RuleCommand): boolean {
  const row = cursor.row;
  switch (command) {
    case 'insertAbove':
    case 'insertBelow':
      return true;
    case 'duplicate':
    case 'delete':
      return row >= 0 && row < table.rules.length;
    case 'moveUp':
      return row > 0 && row < table.rules.length;
    case 'moveDown':
      return row >= 0 && row < table.rules.length - 1;
  }
}

export function applyRuleCommand(table: DecisionTable, cursor: Cursor, command: RuleCommand): { table: DecisionTable; cursor: Cursor } {
  if (!canApplyRuleCommand(table, cursor, command)) return { table, cursor };
  const { row, column } = cursor;
  const at = (next: DecisionTable, rule: number) => ({ table: next, cursor: clampCursor({ row: rule, column }, { rules: next.rules.length, columns: columnCount(next) }) });
  switch (command) {
    case 'insertAbove':
      return at(insertRule(table, Math.max(row, 0)), Math.max(row, 0));
    case 'insertBelow':
      return at(insertRule(table, row + 1), row + 1);
    case 'duplicate':
      return at(duplicateRule(table, row), row + 1);
    case 'delete':
      return at(deleteRule(table, row), row);
    case 'moveUp':
      return at(moveRule(table, row, row - 1), row - 1);
    case 'moveDown':
      return at(moveRule(table, row, row + 1), row + 1);
  }
}
