import { describe, expect, it } from 'vitest';
import { currentCursor, FIRST_PAGE, hasPrevious, nextPage, pageNumber, previousPage } from './cursor-stack.js';

describe('cursor stack', () => {
  it('starts on page 1 without a cursor and nothing before it', () => {
    expect(currentCursor(FIRST_PAGE)).toBeUndefined();
    expect(pageNumber(FIRST_PAGE)).toBe(1);
    expect(hasPrevious(FIRST_PAGE)).toBe(false);
    expect(previousPage(FIRST_PAGE)).toBe(FIRST_PAGE);
  });

  it('goes forward by the cursors the server gave and back the same way', () => {
    const second = nextPage(FIRST_PAGE, 'c2');
    const third = nextPage(second, 'c3');
    expect(currentCursor(third)).toBe('c3');
    expect(pageNumber(third)).toBe(3);
    expect(currentCursor(previousPage(third))).toBe('c2');
    expect(currentCursor(previousPage(previousPage(third)))).toBeUndefined();
    expect(hasPrevious(second)).toBe(true);
    expect(currentCursor(second)).toBe('c2');
  });
});
