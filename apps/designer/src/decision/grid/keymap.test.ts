// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { editingCommand, navigationCommand, type KeyPress } from './keymap.js';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('navigationCommand', () => {
  it('moves with arrows, Home/End, Ctrl+Home/End and the page keys', () => {
    expect(navigationCommand(press('ArrowDown'))).toEqual({ kind: 'move', move: 'down' });
    expect(navigationCommand(press('Home'))).toEqual({ kind: 'move', move: 'rowStart' });
    expect(navigationCommand(press('End', { ctrlKey: true }))).toEqual({ kind: 'move', move: 'lastRule' });
    expect(navigationCommand(press('PageUp'))).toEqual({ kind: 'move', move: 'pageUp' });
  });

  it('edits with Enter or F2, types over the cell with a character, clears with Delete', () => {
    expect(navigationCommand(press('Enter'))).toEqual({ kind: 'edit' });
    expect(navigationCommand(press('F2'))).toEqual({ kind: 'edit' });
    expect(navigationCommand(press('>', { shiftKey: true }))).toEqual({ kind: 'type', text: '>' });
    expect(navigationCommand(press('Delete'))).toEqual({ kind: 'clear' });
    expect(navigationCommand(press('Backspace'))).toEqual({ kind: 'clear' });
  });

  it('tabs right, and left with Shift', () => {
    expect(navigationCommand(press('Tab'))).toEqual({ kind: 'tab', backwards: false });
    expect(navigationCommand(press('Tab', { shiftKey: true }))).toEqual({ kind: 'tab', backwards: true });
  });

  it('inserts, duplicates, deletes and moves rules with Ctrl and Alt (Cmd on a Mac)', () => {
    expect(navigationCommand(press('Enter', { ctrlKey: true }))).toEqual({ kind: 'rule', command: 'insertBelow' });
    expect(navigationCommand(press('Enter', { ctrlKey: true, shiftKey: true }))).toEqual({ kind: 'rule', command: 'insertAbove' });
    expect(navigationCommand(press('d', { metaKey: true }))).toEqual({ kind: 'rule', command: 'duplicate' });
    expect(navigationCommand(press('Delete', { ctrlKey: true }))).toEqual({ kind: 'rule', command: 'delete' });
    expect(navigationCommand(press('ArrowUp', { altKey: true }))).toEqual({ kind: 'rule', command: 'moveUp' });
    expect(navigationCommand(press('ArrowDown', { altKey: true }))).toEqual({ kind: 'rule', command: 'moveDown' });
  });

  it('opens the context menu with Shift+F10 or the Menu key', () => {
    expect(navigationCommand(press('F10', { shiftKey: true }))).toEqual({ kind: 'menu' });
    expect(navigationCommand(press('ContextMenu'))).toEqual({ kind: 'menu' });
    expect(navigationCommand(press('F10'))).toBeNull();
  });

  it('leaves the page its shortcuts (undo, save) and ignores other keys', () => {
    expect(navigationCommand(press('z', { ctrlKey: true }))).toBeNull();
    expect(navigationCommand(press('s', { ctrlKey: true }))).toBeNull();
    expect(navigationCommand(press('Escape'))).toBeNull();
    expect(navigationCommand(press('Shift', { shiftKey: true }))).toBeNull();
  });
});

describe('editingCommand', () => {
  it('commits with Enter (down), Shift+Enter (up), Tab (next) and Shift+Tab (previous); Escape cancels', () => {
    expect(editingCommand(press('Enter'))).toEqual({ kind: 'commit', then: 'down' });
    expect(editingCommand(press('Enter', { shiftKey: true }))).toEqual({ kind: 'commit', then: 'up' });
    expect(editingCommand(press('Tab'))).toEqual({ kind: 'commit', then: 'next' });
    expect(editingCommand(press('Tab', { shiftKey: true }))).toEqual({ kind: 'commit', then: 'previous' });
    expect(editingCommand(press('Escape'))).toEqual({ kind: 'cancel' });
  });

  it('keeps the text in place on Ctrl+S, so that the save that follows has it', () => {
    expect(editingCommand(press('s', { ctrlKey: true }))).toEqual({ kind: 'commit', then: 'stay' });
    expect(editingCommand(press('s', { metaKey: true }))).toEqual({ kind: 'commit', then: 'stay' });
  });

  it('leaves every other key to the text box', () => {
    expect(editingCommand(press('ArrowLeft'))).toBeNull();
    expect(editingCommand(press('a'))).toBeNull();
    expect(editingCommand(press('z', { ctrlKey: true }))).toBeNull();
  });
});
