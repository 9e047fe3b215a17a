// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { compact, freeKey, moveItem, removeEntry, setEntry } from './map-edits.js';

describe('map edits', () => {
  it('renames a key in its place and sets values', () => {
    const map = { a: '1', b: '2', c: '3' };
    expect(Object.entries(setEntry(map, 'x', '2', 'b'))).toEqual([['a', '1'], ['x', '2'], ['c', '3']]);
    expect(setEntry(map, 'd', '4')).toEqual({ a: '1', b: '2', c: '3', d: '4' });
    expect(removeEntry(map, 'b')).toEqual({ a: '1', c: '3' });
    expect(freeKey(map, 'a')).toBe('a2');
    expect(freeKey(map, 'z')).toBe('z');
  });

  it('moves items within bounds and drops undefined properties', () => {
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(compact({ a: 1, b: undefined })).toEqual({ a: 1 });
  });
});
