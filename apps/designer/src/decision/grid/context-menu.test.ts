// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { tierTable } from '../testing/tables.js';
import { contextMenuItems, nextEnabled } from './context-menu.js';
import { HEADER_ROW } from './cursor.js';

const enabled = (items: ReturnType<typeof contextMenuItems>) => items.filter((i) => !i.disabled).map((i) => i.label);

describe('the grid’s context menu', () => {
  it('on a rule: its commands as the toolbar enables them, then the column commands', () => {
    const items = contextMenuItems(tierTable(), { row: 0, column: 1 });
    expect(items.map((i) => i.label)).toEqual([
      'rules.insertAbove',
      'rules.insertBelow',
      'rules.duplicate',
      'rules.moveUp',
      'rules.moveDown',
      'rules.delete',
      'columns.addInput',
      'columns.addOutput',
      'columns.addAnnotation',
      'columns.properties',
    ]);
    expect(items.find((i) => i.label === 'rules.moveUp')?.disabled).toBe(true);
    expect(items.find((i) => i.label === 'rules.duplicate')?.shortcut).toBe('Control+D');
    expect(enabled(contextMenuItems(tierTable(), { row: 2, column: 0 }))).not.toContain('rules.moveDown');
  });

  it('on a column header: the column commands first, and no rule to copy, move or delete', () => {
    const items = contextMenuItems(tierTable(), { row: HEADER_ROW, column: 0 });
    expect(items[0]!.label).toBe('columns.addInput');
    expect(enabled(items)).toEqual(['columns.addInput', 'columns.addOutput', 'columns.addAnnotation', 'columns.properties', 'rules.insertAbove', 'rules.insertBelow']);
  });

  it('moves over disabled items, wrapping at the ends', () => {
    const items = contextMenuItems(tierTable(), { row: 0, column: 0 });
    expect(nextEnabled(items, 2, 1)).toBe(4);
    expect(nextEnabled(items, 0, -1)).toBe(items.length - 1);
  });
});
