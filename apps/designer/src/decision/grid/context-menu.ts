/**
 * The grid's context menu as data: the rule commands and the column commands the toolbars offer,
 * each enabled as the toolbars enable it at the cursor, with its keyboard shortcut.
 */
import type { DecisionTable } from '@bankforge/rule-engine';
import { canApplyColumnCommand, type ColumnCommand } from '../columns/column-commands.js';
import { HEADER_ROW, type Cursor } from './cursor.js';
import { RULE_SHORTCUTS, type RuleCommand } from './keymap.js';
import { canApplyRuleCommand } from './rule-commands.js';

export type MenuAction = { kind: 'rule'; command: RuleCommand } | { kind: 'column'; command: ColumnCommand } | { kind: 'properties' };

export interface MenuItem {
  action: MenuAction;
  /** The message key of its words (the toolbars' own). */
  label: string;
  disabled: boolean;
  /** As `aria-keyshortcuts` writes it. */
  shortcut?: string;
  /** A separator comes before it. */
  group: 'rule' | 'column';
  danger?: boolean;
}

const RULE_COMMANDS: readonly RuleCommand[] = ['insertAbove', 'insertBelow', 'duplicate', 'moveUp', 'moveDown', 'delete'];
const COLUMN_COMMANDS: readonly ColumnCommand[] = ['addInput', 'addOutput', 'addAnnotation'];

/** The menu at the cursor: on a rule, its commands then the column's; on a column header, the column's first. */
export function contextMenuItems(table: DecisionTable, cursor: Cursor): MenuItem[] {
  const rules: MenuItem[] = RULE_COMMANDS.map((command) => ({
    action: { kind: 'rule', command },
    label: `rules.${command}`,
    disabled: !canApplyRuleCommand(table, cursor, command),
    shortcut: RULE_SHORTCUTS[command],
    group: 'rule',
    ...(command === 'delete' ? { danger: true } : {}),
  }));
  const columns: MenuItem[] = [
    ...COLUMN_COMMANDS.map((command): MenuItem => ({ action: { kind: 'column', command }, label: `columns.${command}`, disabled: !canApplyColumnCommand(table, cursor, command), group: 'column' })),
    { action: { kind: 'properties' }, label: 'columns.properties', disabled: false, group: 'column' },
  ];
  return cursor.row === HEADER_ROW ? [...columns, ...rules] : [...rules, ...columns];
}

/** The next enabled item from `from` in a direction (wrapping), or `from` when none is. */
export function nextEnabled(items: readonly MenuItem[], from: number, step: 1 | -1): number {
  for (let i = 1; i <= items.length; i++) {
    const index = (((from + step * i) % items.length) + items.length) % items.length;
    if (!items[index]!.disabled) return index;
  }
  return from;
}
