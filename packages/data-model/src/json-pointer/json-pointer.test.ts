import { describe, expect, it } from 'vitest';
import { pointer, pointerTokens, valueAt } from './json-pointer.js';

describe('json pointer', () => {
  it('builds and splits pointers, escaping ~ and /', () => {
    expect(pointer('fields', 3, 'key')).toBe('/fields/3/key');
    expect(pointer('a/b', 'c~d')).toBe('/a~1b/c~0d');
    expect(pointerTokens('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
    expect(pointerTokens('')).toEqual([]);
  });

  it('reads own properties only', () => {
    const doc = { a: [{ b: 1 }] };
    expect(valueAt(doc, '/a/0/b')).toBe(1);
    expect(valueAt(doc, '/a/1/b')).toBeUndefined();
    expect(valueAt({}, '/constructor')).toBeUndefined();
    expect(valueAt(doc, '')).toBe(doc);
  });
});
