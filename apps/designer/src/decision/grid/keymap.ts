/**
 * The grid's keys, as data: what a key press asks for while moving around the grid and while
 * editing a cell. The grid component carries the commands out.
 */
import type { CursorMove } from './cursor.js';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export type RuleCommand = 'insertAbove' | 'insertBelow' | 'duplicate' | 'delete' | 'moveUp' | 'moveDown';

export type GridCommand =
  | { kind: 'move'; move: CursorMove }
  | { kind: 'tab'; backwards: boolean }
  | { kind: 'edit' }
  /** Start editing with this text in place of the cell's (typing over a cell, as in a spreadsheet). */
  | { kind: 'type'; text: string }
  | { kind: 'clear' }
  | { kind: 'rule'; command: RuleCommand }
  /** The context menu of the cursor's cell (Shift+F10 or the Menu key, as in any desktop app). */
  | { kind: 'menu' };

/** The shortcut of each rule command, as `aria-keyshortcuts` writes it (the toolbar shows them). */
export const RULE_SHORTCUTS: Record<RuleCommand, string> = {
  insertAbove: 'Control+Shift+Enter',
  insertBelow: 'Control+Enter',
  duplicate: 'Control+D',
  delete: 'Control+Delete',
  moveUp: 'Alt+ArrowUp',
  moveDown: 'Alt+ArrowDown',
};

const ARROWS: Record<string, CursorMove> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right', PageUp: 'pageUp', PageDown: 'pageDown' };

/** What a key does while the cursor moves around the grid; null: not the grid's (undo, save... go to the page). */
export function navigationCommand(press: KeyPress): GridCommand | null {
  const { key, shiftKey, altKey } = press;
  const ctrl = press.ctrlKey || press.metaKey;
  if (key === 'ContextMenu' || (key === 'F10' && shiftKey && !ctrl && !altKey)) return { kind: 'menu' };
  if (ctrl && !altKey) {
    if (key === 'Enter') return { kind: 'rule', command: shiftKey ? 'insertAbove' : 'insertBelow' };
    if (key.toLowerCase() === 'd' && !shiftKey) return { kind: 'rule', command: 'duplicate' };
    if (key === 'Delete' && !shiftKey) return { kind: 'rule', command: 'delete' };
    if (key === 'Home') return { kind: 'move', move: 'firstRule' };
    if (key === 'End') return { kind: 'move', move: 'lastRule' };
    return null;
  }
  if (altKey) {
    if (key === 'ArrowUp' && !shiftKey) return { kind: 'rule', command: 'moveUp' };
    if (key === 'ArrowDown' && !shiftKey) return { kind: 'rule', command: 'moveDown' };
    return null;
  }
  const arrow = ARROWS[key];
  if (arrow !== undefined) return { kind: 'move', move: arrow };
  if (key === 'Home') return { kind: 'move', move: 'rowStart' };
  if (key === 'End') return { kind: 'move', move: 'rowEnd' };
  if (key === 'Tab') return { kind: 'tab', backwards: shiftKey };
  if (key === 'Enter' || key === 'F2') return { kind: 'edit' };
  if (key === 'Delete' || key === 'Backspace') return { kind: 'clear' };
  // One printable character (a letter, digit, quote, `<`...): typing over the cell.
  if ([...key].length === 1) return { kind: 'type', text: key };
  return null;
}

export type EditCommand =
  /** Keep the text and move: Enter down, Shift+Enter up, Tab right, Shift+Tab left; Ctrl+S stays (the page then saves it). */
  | { kind: 'commit'; then: 'down' | 'up' | 'next' | 'previous' | 'stay' }
  | { kind: 'cancel' };

/** What a key does while a cell is being edited; null: the text box's own (caret keys, typing). */
export function editingCommand(press: KeyPress): EditCommand | null {
  if ((press.ctrlKey || press.metaKey) && !press.altKey && !press.shiftKey && press.key.toLowerCase() === 's') return { kind: 'commit', then: 'stay' };
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key === 'Escape') return { kind: 'cancel' };
  if (press.key === 'Enter') return { kind: 'commit', then: press.shiftKey ? 'up' : 'down' };
  if (press.key === 'Tab') return { kind: 'commit', then: press.shiftKey ? 'previous' : 'next' };
  return null;
}
