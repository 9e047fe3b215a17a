import { describe, expect, it } from 'vitest';
import { record, redo, seal, startHistory, undo } from './history.js';

describe('history', () => {
  it('undoes and redoes changes in order', () => {
    let h = startHistory('a');
    h = record(h, 'b');
    h = record(h, 'c');
    h = undo(h);
    expect(h.present).toBe('b');
    h = undo(h);
    expect(h.present).toBe('a');
    expect(undo(h)).toBe(h);
    h = redo(h);
    h = redo(h);
    expect(h.present).toBe('c');
    expect(redo(h)).toBe(h);
  });

  it('drops the redo steps when a new change is made after undo', () => {
    let h = record(record(startHistory(1), 2), 3);
    h = record(undo(h), 4);
    expect(h.future).toEqual([]);
    expect(h.past).toEqual([1, 2]);
  });

  it('merges consecutive changes with the same label into one step', () => {
    let h = startHistory('');
    for (const text of ['C', 'Cu', 'Cus']) h = record(h, text, 'title');
    h = record(h, 'x', 'key');
    expect(h.past).toEqual(['', 'Cus']);
    expect(undo(undo(h)).present).toBe('');
  });

  it('starts a new step after undo or seal even with the same label', () => {
    let h = record(startHistory('a'), 'ab', 'title');
    h = record(seal(h), 'abc', 'title');
    expect(h.past).toEqual(['a', 'ab']);
    h = record(redo(undo(h)), 'abcd', 'title');
    expect(h.past).toEqual(['a', 'ab', 'abc']);
  });

  it('keeps at most the limit of steps', () => {
    let h = startHistory(0);
    for (let i = 1; i <= 5; i++) h = record(h, i, undefined, 3);
    expect(h.past).toEqual([2, 3, 4]);
  });

  it('ignores a change that returns the same document', () => {
    const h = startHistory({ a: 1 });
    expect(record(h, h.present)).toBe(h);
  });
});
