/**
 * The grid's cursor: the cell keyboard and mouse act on. Row -1 is the header row (the column
 * titles); rows 0… are the rules. Columns are grid places (inputs, outputs, annotations).
 */
export interface Cursor {
  row: number;
  column: number;
}

export interface GridSize {
  rules: number;
  columns: number;
}

export const HEADER_ROW = -1;

export type CursorMove = 'up' | 'down' | 'left' | 'right' | 'rowStart' | 'rowEnd' | 'firstRule' | 'lastRule' | 'pageUp' | 'pageDown';

/** Rules a page key moves by. */
export const PAGE_RULES = 10;

/** The cursor kept inside the grid (after rules or columns were removed). */
export function clampCursor(cursor: Cursor, size: GridSize): Cursor {
  return {
    row: Math.max(HEADER_ROW, Math.min(cursor.row, size.rules - 1)),
    column: Math.max(0, Math.min(cursor.column, size.columns - 1)),
  };
}

/** Where an arrow, Home/End (Ctrl for the first or last rule) or Page key takes the cursor; it stops at the edges. */
export function moveCursor(cursor: Cursor, size: GridSize, move: CursorMove): Cursor {
  const { row, column } = cursor;
  const next: Record<CursorMove, Cursor> = {
    up: { row: row - 1, column },
    down: { row: row + 1, column },
    left: { row, column: column - 1 },
    right: { row, column: column + 1 },
    rowStart: { row, column: 0 },
    rowEnd: { row, column: size.columns - 1 },
    firstRule: { row: Math.min(0, size.rules - 1), column },
    lastRule: { row: size.rules - 1, column },
    pageUp: { row: Math.max(row - PAGE_RULES, Math.min(0, row)), column },
    pageDown: { row: row + PAGE_RULES, column },
  };
  return clampCursor(next[move], size);
}

/**
 * Tab and Shift+Tab: the next or previous cell, wrapping to the next or previous row; null past
 * the grid's first or last cell, so that Tab then leaves the grid as it leaves any control.
 */
export function tabCursor(cursor: Cursor, size: GridSize, backwards: boolean): Cursor | null {
  if (size.columns === 0) return null;
  const place = (cursor.row - HEADER_ROW) * size.columns + cursor.column + (backwards ? -1 : 1);
  const last = (size.rules - HEADER_ROW) * size.columns - 1;
  if (place < 0 || place > last) return null;
  return { row: Math.floor(place / size.columns) + HEADER_ROW, column: place % size.columns };
}
