/**
 * Keyset pagination backwards: the server only says where the next page starts, so the pages
 * already seen are remembered as the cursors they started from (the first page has none).
 */
export interface CursorStack {
  readonly cursors: readonly (string | undefined)[];
}

export const FIRST_PAGE: CursorStack = { cursors: [undefined] };

/** The cursor the current page starts from (undefined on the first page). */
export function currentCursor(stack: CursorStack): string | undefined {
  return stack.cursors[stack.cursors.length - 1];
}

/** 1 on the first page. */
export function pageNumber(stack: CursorStack): number {
  return stack.cursors.length;
}

export function hasPrevious(stack: CursorStack): boolean {
  return stack.cursors.length > 1;
}

export function nextPage(stack: CursorStack, nextCursor: string): CursorStack {
  return { cursors: [...stack.cursors, nextCursor] };
}

export function previousPage(stack: CursorStack): CursorStack {
  return hasPrevious(stack) ? { cursors: stack.cursors.slice(0, -1) } : stack;
}
