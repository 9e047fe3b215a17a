import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys by code unit at every depth and leaves out undefined members', () => {
    const value = { b: 1, a: { z: [3, { y: 'é', x: null }], Z: true }, c: undefined, 中: '文', _: 'x' };
    expect(canonicalJson(value)).toBe('{"_":"x","a":{"Z":true,"z":[3,{"x":null,"y":"é"}]},"b":1,"中":"文"}');
  });

  it('parses back to the same value and says equal values alike whatever their key order', () => {
    const one = { amount: '1200.50', tags: ['vip', 'new'], nested: { when: '2026-12-07', n: -0.5 } };
    const two = { nested: { n: -0.5, when: '2026-12-07' }, tags: ['vip', 'new'], amount: '1200.50' };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
    expect(JSON.parse(canonicalJson(one))).toEqual(one);
  });

  it('says what JSON cannot hold as null', () => {
    expect(canonicalJson([undefined, Number.NaN, Number.POSITIVE_INFINITY, 'a"b'])).toBe('[null,null,null,"a\\"b"]');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson({})).toBe('{}');
    expect(canonicalJson([])).toBe('[]');
  });
});
