/** Built-ins new in DMN 1.5 (10.3.4): `list replace` by position or by match, and `range(from)`. */
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../compile.js';
import { valueToLiteral } from '../values/format.js';

const run = (source: string) => compileExpression(source).evaluate({});
const feel = (source: string): string => valueToLiteral(run(source).value);
const fails = (source: string): void => {
  const r = run(source);
  expect(r.value, source).toBeNull();
  expect(r.warnings.length, source).toBeGreaterThan(0);
};

describe('list replace(list, position | match, newItem)', () => {
  it('replaces the item at a position, counting from the end when negative', () => {
    expect(feel('list replace([1, 2, 3], 2, 5)')).toBe('[1, 5, 3]');
    expect(feel('list replace([1, 2, 3], -1, 5)')).toBe('[1, 2, 5]');
    expect(feel('list replace([1, 2, 3], 2, null)')).toBe('[1, null, 3]');
    expect(feel('list replace([[1, 2], [3]], 1, [4])')).toBe('[[4], [3]]');
    expect(feel('list replace(list: [1, 2, 3], position: 2, newItem: 5)')).toBe('[1, 5, 3]');
  });

  it('replaces every item a match function(item, newItem) accepts', () => {
    expect(feel('list replace([2, 4, 7, 8], function(item, newItem) item < newItem, 5)')).toBe('[5, 5, 7, 8]');
    expect(feel('list replace([1, 2, 3], function(item, newItem) item > 1, 5)')).toBe('[1, 5, 5]');
    expect(feel('list replace(list: ["a", "b"], match: function(item, newItem) item = "b", newItem: "c")')).toBe('["a", "c"]');
  });

  it('is null for a position outside the list, a bad match or a null list', () => {
    fails('list replace([1, 2, 3], 4, 5)');
    fails('list replace([1, 2, 3], 0, 5)');
    fails('list replace([1, 2, 3], "a", 5)');
    fails('list replace([1, 2, 3], function(item) item > 1, 5)');
    fails('list replace([1, 2, 3], function(item, newItem) "x", 5)');
    expect(feel('list replace(null, 1, 5)')).toBe('null');
  });
});

describe('range(from)', () => {
  it('reads range literals of numbers, strings and temporal values', () => {
    expect(feel('range("[1..10]")')).toBe('[1..10]');
    expect(feel('range("[1..10)")')).toBe('[1..10)');
    expect(feel('range("(1..10]")')).toBe('(1..10]');
    expect(feel('range("]1..10[")')).toBe('(1..10)');
    expect(feel('range(" [ -1 .. 1.5 ] ")')).toBe('[-1..1.5]');
    expect(feel('range("[\\"a\\"..\\"z\\"]")')).toBe('["a".."z"]');
    expect(feel('range("[date(\\"2020-01-01\\")..date(\\"2020-12-31\\")]")')).toBe('[2020-01-01..2020-12-31]');
    expect(feel('range("[@\\"2020-01-01\\"..@\\"2020-12-31\\"]")')).toBe('[2020-01-01..2020-12-31]');
    expect(feel('range("[duration(\\"P1D\\")..duration(\\"P2D\\")]")')).toBe('[P1D..P2D]');
    expect(feel('range("(..10]")')).toBe('<= 10');
    expect(feel('range(from: "[1..10]")')).toBe('[1..10]');
  });

  it('answers a range that tests and compares as the literal does', () => {
    expect(feel('5 in range("[1..10]")')).toBe('true');
    expect(feel('10 in range("[1..10)")')).toBe('false');
    expect(feel('range("[1..10]") = [1..10]')).toBe('true');
    expect(feel('range("[1..10]") instance of range<number>')).toBe('true');
    expect(feel('range("[1..10]").start')).toBe('1');
  });

  it('is null for anything but a range literal', () => {
    fails('range(">=10")');
    fails('range("[1..\\"a\\"]")');
    fails('range("[..10]")');
    fails('range("[a..b]")');
    fails('range("1..10")');
    fails('range(1)');
    expect(feel('range(null)')).toBe('null');
  });
});
