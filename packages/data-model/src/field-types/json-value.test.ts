import { describe, expect, it } from 'vitest';
import { isJsonValue } from './json-value.js';

describe('isJsonValue', () => {
  it.each([
    null,
    true,
    0,
    -1.5,
    '',
    'text',
    [],
    [1, 'a', null],
    {},
    { a: { b: [{ c: false }] } },
    Object.create(null),
  ])('accepts %j', (value) => {
    expect(isJsonValue(value)).toBe(true);
  });

  it.each([
    ['undefined', undefined],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a function', () => 1],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
    ['a class instance', new (class Thing {})()],
    ['a bigint', 1n],
    ['a symbol', Symbol('s')],
    ['undefined inside an object', { a: undefined }],
    ['NaN inside an array', [1, Number.NaN]],
  ])('rejects %s', (_name, value) => {
    expect(isJsonValue(value)).toBe(false);
  });

  it('limits nesting depth', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(isJsonValue(deep)).toBe(false);
    let shallow: unknown = 1;
    for (let i = 0; i < 10; i++) shallow = { next: shallow };
    expect(isJsonValue(shallow)).toBe(true);
  });
});
