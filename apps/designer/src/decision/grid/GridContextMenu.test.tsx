import type { DecisionTable } from '@bankforge/rule-engine';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { initTestI18n } from '../../shell/testing/i18n.js';
import { giveElementsHeight } from '../testing/layout.js';
import { openTable } from '../testing/TableHarness.js';

beforeAll(() => initTestI18n('en'));
beforeEach(() => giveElementsHeight());
afterEach(() => cleanup());

const grid = () => screen.getByRole('grid', { name: 'Rules of Tier' });
const ruleRow = (rule: number) => within(grid()).getAllByRole('row').find((row) => row.getAttribute('aria-rowindex') === String(rule + 2))!;
const cell = (rule: number, column: number) => within(ruleRow(rule)).getAllByRole('gridcell')[column]!;
const table = (models: readonly { decisions: { logic?: unknown }[] }[]) => models.at(-1)!.decisions[0]!.logic as DecisionTable;
const ids = (models: Parameters<typeof table>[0]) => table(models).rules.map((r) => r.id);

describe('the grid’s context menu', () => {
  it('opens on a right click at the rule clicked, and duplicates it', async () => {
    const { user, models } = openTable();
    fireEvent.contextMenu(cell(1, 2), { clientX: 300, clientY: 200 });
    const menu = screen.getByRole('menu', { name: 'Actions on rule 2' });
    expect(cell(1, 2).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(within(menu).getByRole('menuitem', { name: /Add rule above/ }));
    expect(within(menu).getByRole('menuitem', { name: /Duplicate rule/ }).getAttribute('aria-keyshortcuts')).toBe('Control+D');
    await user.click(within(menu).getByRole('menuitem', { name: /Duplicate rule/ }));
    expect(screen.queryByRole('menu')).toBeNull();
    expect(ids(models)).toEqual(['young', 'rich', 'rule-4', 'rest']);
    expect(document.activeElement).toBe(cell(2, 2));
  });

  it('opens by the keyboard (Shift+F10, the Menu key), moves over disabled commands, acts with Enter; Escape gives the cell back the focus', async () => {
    const { user, models } = openTable();
    await user.click(cell(0, 0));
    await user.keyboard('{Shift>}{F10}{/Shift}');
    const menu = screen.getByRole('menu', { name: 'Actions on rule 1' });
    expect(within(menu).getByRole('menuitem', { name: /Move rule up/ }).getAttribute('aria-disabled')).toBe('true');
    // Add above, add below, duplicate, (move up: disabled), move down.
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(document.activeElement?.textContent).toMatch(/^Move rule down/);
    await user.keyboard('{Enter}');
    expect(ids(models)).toEqual(['rich', 'young', 'rest']);
    expect(document.activeElement).toBe(cell(1, 0));

    await user.keyboard('{ContextMenu}');
    expect(screen.getByRole('menu', { name: 'Actions on rule 2' })).toBeTruthy();
    await user.keyboard('{End}');
    expect(document.activeElement?.textContent).toBe('Column properties…');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(cell(1, 0));
  });

  it('deletes a rule, inserts one above, and adds an input column after the cursor’s (its properties open)', async () => {
    const { user, models } = openTable();
    fireEvent.contextMenu(cell(2, 0));
    await user.click(screen.getByRole('menuitem', { name: /Delete rule/ }));
    expect(ids(models)).toEqual(['young', 'rich']);
    fireEvent.contextMenu(cell(0, 0));
    await user.click(screen.getByRole('menuitem', { name: /Add rule above/ }));
    expect(table(models).rules).toHaveLength(3);
    expect(table(models).rules[0]!.inputEntries).toEqual(['-', '-']);
    fireEvent.contextMenu(cell(1, 0));
    await user.click(screen.getByRole('menuitem', { name: 'Add input column' }));
    expect(table(models).inputs.map((i) => i.expression)).toEqual(['Age', 'Monthly Income', 'Balance']);
    expect(screen.getByRole('dialog', { name: /^Column: / })).toBeTruthy();
  });

  it('closes when the pointer presses elsewhere', () => {
    openTable();
    fireEvent.contextMenu(cell(0, 1));
    expect(screen.getByRole('menu')).toBeTruthy();
    fireEvent.pointerDown(document.body);
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
