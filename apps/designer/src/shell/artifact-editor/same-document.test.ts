import { describe, expect, it } from 'vitest';
import { sameDocument } from './same-document.js';

describe('sameDocument', () => {
  it('ignores key order and the version number', () => {
    expect(sameDocument({ kind: 'entity', key: 'a', fields: [{ id: 'f', key: 'x' }] }, { fields: [{ key: 'x', id: 'f' }], key: 'a', kind: 'entity', version: 3 })).toBe(true);
  });

  it('tells documents apart by any nested value or array order', () => {
    expect(sameDocument({ fields: [{ key: 'x' }] }, { fields: [{ key: 'y' }] })).toBe(false);
    expect(sameDocument({ fields: [1, 2] }, { fields: [2, 1] })).toBe(false);
    expect(sameDocument({ a: [] }, { a: {} })).toBe(false);
  });

  it('treats an undefined property as absent', () => {
    expect(sameDocument({ a: 1, b: undefined }, { a: 1 })).toBe(true);
  });
});
