/** What a key pressed on a focused widget does. */
export type GridCommand =
  | { kind: 'move'; dx: number; dy: number }
  | { kind: 'resize'; dw: number; dh: number }
  | { kind: 'remove' | 'properties' };

const STEPS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * The grid's keys (the help lists them): arrows move the focused widget one cell, Shift+arrows
 * resize it (Right and Down grow it, Left and Up shrink it), Delete removes it, Enter opens its
 * properties. Undo, redo and save are the designers' shared shortcuts.
 */
export function gridCommand(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): GridCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const step = STEPS[event.key];
  if (step !== undefined) return event.shiftKey ? { kind: 'resize', dw: step[0], dh: step[1] } : { kind: 'move', dx: step[0], dy: step[1] };
  if (event.shiftKey) return null;
  if (event.key === 'Delete' || event.key === 'Backspace') return { kind: 'remove' };
  if (event.key === 'Enter') return { kind: 'properties' };
  return null;
}

/** The undo label of a widget's moves and resizes: a run of arrow presses is one step back. */
export const layoutStep = (id: string): string => `layout:${id}`;
