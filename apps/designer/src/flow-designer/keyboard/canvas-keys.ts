import { ARROW_DIRECTIONS, type Direction } from './nearest-node.js';

export type CanvasCommand =
  | { kind: 'go'; direction: Direction }
  | { kind: 'nudge'; direction: Direction }
  | { kind: 'properties' | 'delete' | 'addAfter' | 'connect' | 'copy' | 'paste' | 'clear' };

/** How far Shift+arrow moves the selected nodes. */
export const NUDGE = 20;

/**
 * The canvas's keys (the help text lists them): arrows go to the nearest node that way, Shift+arrows
 * move the selection, Enter opens the properties, Delete removes, A adds after, C connects,
 * Ctrl+C/Ctrl+V copy and paste, Escape clears the selection. Undo, redo and save are the designers'
 * shared shortcuts.
 */
export function canvasCommand(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): CanvasCommand | null {
  if (event.altKey) return null;
  const direction = ARROW_DIRECTIONS[event.key];
  const mod = event.ctrlKey || event.metaKey;
  if (mod) {
    if (event.shiftKey) return null;
    const key = event.key.toLowerCase();
    return key === 'c' ? { kind: 'copy' } : key === 'v' ? { kind: 'paste' } : null;
  }
  if (direction !== undefined) return { kind: event.shiftKey ? 'nudge' : 'go', direction };
  switch (event.key) {
    case 'Enter':
      return { kind: 'properties' };
    case 'Delete':
    case 'Backspace':
      return { kind: 'delete' };
    case 'Escape':
      return { kind: 'clear' };
    case 'a':
    case 'A':
      return { kind: 'addAfter' };
    case 'c':
    case 'C':
      return { kind: 'connect' };
    default:
      return null;
  }
}
