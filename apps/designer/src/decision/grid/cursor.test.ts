// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { clampCursor, HEADER_ROW, moveCursor, tabCursor } from './cursor.js';

const size = { rules: 20, columns: 3 };

describe('moveCursor', () => {
  it('moves by arrows and stops at the edges; up from the first rule reaches the header row', () => {
    expect(moveCursor({ row: 0, column: 0 }, size, 'right')).toEqual({ row: 0, column: 1 });
    expect(moveCursor({ row: 0, column: 2 }, size, 'right')).toEqual({ row: 0, column: 2 });
    expect(moveCursor({ row: 0, column: 0 }, size, 'left')).toEqual({ row: 0, column: 0 });
    expect(moveCursor({ row: 0, column: 1 }, size, 'up')).toEqual({ row: HEADER_ROW, column: 1 });
    expect(moveCursor({ row: HEADER_ROW, column: 1 }, size, 'up')).toEqual({ row: HEADER_ROW, column: 1 });
    expect(moveCursor({ row: 19, column: 1 }, size, 'down')).toEqual({ row: 19, column: 1 });
  });

  it('goes to the row start and end, the first and last rule, and by pages', () => {
    expect(moveCursor({ row: 4, column: 1 }, size, 'rowStart')).toEqual({ row: 4, column: 0 });
    expect(moveCursor({ row: 4, column: 1 }, size, 'rowEnd')).toEqual({ row: 4, column: 2 });
    expect(moveCursor({ row: 4, column: 1 }, size, 'firstRule')).toEqual({ row: 0, column: 1 });
    expect(moveCursor({ row: 4, column: 1 }, size, 'lastRule')).toEqual({ row: 19, column: 1 });
    expect(moveCursor({ row: 4, column: 1 }, size, 'pageDown')).toEqual({ row: 14, column: 1 });
    expect(moveCursor({ row: 14, column: 1 }, size, 'pageDown')).toEqual({ row: 19, column: 1 });
    expect(moveCursor({ row: 14, column: 1 }, size, 'pageUp')).toEqual({ row: 4, column: 1 });
    expect(moveCursor({ row: 4, column: 1 }, size, 'pageUp')).toEqual({ row: 0, column: 1 });
  });

  it('stays on the header row of a table without rules', () => {
    expect(moveCursor({ row: HEADER_ROW, column: 0 }, { rules: 0, columns: 2 }, 'down')).toEqual({ row: HEADER_ROW, column: 0 });
    expect(moveCursor({ row: HEADER_ROW, column: 0 }, { rules: 0, columns: 2 }, 'firstRule')).toEqual({ row: HEADER_ROW, column: 0 });
  });
});

describe('tabCursor', () => {
  it('moves right and wraps to the next rule; Shift+Tab moves left and wraps back', () => {
    expect(tabCursor({ row: 0, column: 1 }, size, false)).toEqual({ row: 0, column: 2 });
    expect(tabCursor({ row: 0, column: 2 }, size, false)).toEqual({ row: 1, column: 0 });
    expect(tabCursor({ row: 1, column: 0 }, size, true)).toEqual({ row: 0, column: 2 });
    expect(tabCursor({ row: 0, column: 0 }, size, true)).toEqual({ row: HEADER_ROW, column: 2 });
  });

  it('answers null past the first and last cell, so Tab leaves the grid', () => {
    expect(tabCursor({ row: 19, column: 2 }, size, false)).toBeNull();
    expect(tabCursor({ row: HEADER_ROW, column: 0 }, size, true)).toBeNull();
    expect(tabCursor({ row: 0, column: 0 }, { rules: 1, columns: 0 }, false)).toBeNull();
  });
});

describe('clampCursor', () => {
  it('brings the cursor back inside after rules or columns went away', () => {
    expect(clampCursor({ row: 30, column: 7 }, size)).toEqual({ row: 19, column: 2 });
    expect(clampCursor({ row: 3, column: 1 }, { rules: 0, columns: 2 })).toEqual({ row: HEADER_ROW, column: 1 });
  });
});
