// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseTsv, tsvCell } from './tsv.js';

describe('parseTsv', () => {
  it('splits cells by tabs and rows by line breaks; a final line break adds no row', () => {
    expect(parseTsv('a\tb\nc\td\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('keeps empty cells and empty rows inside the block', () => {
    expect(parseTsv('\tb\t\n\nx')).toEqual([['', 'b', ''], [''], ['x']]);
  });

  it('reads nothing from empty text', () => {
    expect(parseTsv('')).toEqual([]);
  });

  it('unquotes a quoted cell: doubled quotes, tabs and line breaks inside belong to it', () => {
    expect(parseTsv('"""gold"""\t"a\tb"\n"line 1\nline 2"\tx')).toEqual([
      ['"gold"', 'a\tb'],
      ['line 1\nline 2', 'x'],
    ]);
  });

  it('keeps text after the closing quote, a quote inside a cell, and a quote never closed', () => {
    expect(parseTsv('"a"b\tx"y"\t"open')).toEqual([['ab', 'x"y"', '"open']]);
  });

  it('writes a cell back as Excel does, so it pastes as it was', () => {
    for (const value of ['"approve"', 'a\tb', 'two\nlines', '>= 750']) expect(parseTsv(tsvCell(value))).toEqual([[value]]);
    expect(tsvCell('>= 750')).toBe('>= 750');
  });
});
