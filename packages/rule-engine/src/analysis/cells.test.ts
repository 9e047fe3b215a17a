import { describe, expect, it } from 'vitest';
import { readCell } from './cells.js';

/** A reading, with decimals shown as text, for compact expectations. */
function read(text: string): unknown {
  return JSON.parse(
    JSON.stringify(readCell(text), (key, value: unknown) => (key === 'order' ? undefined : value)),
  );
}

describe('readCell', () => {
  it('reads `-` and empty cells as any value', () => {
    expect(readCell('-')).toEqual({ reading: 'any' });
    expect(readCell('  ')).toEqual({ reading: 'any' });
  });

  it('reads comparisons, ranges and values of numbers, negative ones too', () => {
    expect(read('< 5, [10..20), -3')).toEqual({
      reading: 'tests',
      kind: 'number',
      negated: false,
      parts: [
        {
          part: 'interval',
          low: null,
          lowIncluded: false,
          high: { kind: 'number', text: '5' },
          highIncluded: false,
        },
        {
          part: 'interval',
          low: { kind: 'number', text: '10' },
          lowIncluded: true,
          high: { kind: 'number', text: '20' },
          highIncluded: false,
        },
        {
          part: 'interval',
          low: { kind: 'number', text: '-3' },
          lowIncluded: true,
          high: { kind: 'number', text: '-3' },
          highIncluded: true,
        },
      ],
    });
  });

  it('reads != as the two sides of the value', () => {
    expect(read('!= 5')).toMatchObject({
      parts: [
        { high: { text: '5' }, highIncluded: false },
        { low: { text: '5' }, lowIncluded: false },
      ],
    });
  });

  it('reads dates and date-times in their three spellings, local and zoned', () => {
    expect(read('>= date("2024-01-01")')).toMatchObject({
      kind: 'date',
      parts: [{ low: { text: 'date("2024-01-01")' } }],
    });
    expect(read('@"2024-01-01"')).toMatchObject({ kind: 'date' });
    expect(read('date(from: "2024-02-29")')).toMatchObject({ kind: 'date' });
    expect(read('< date and time("2024-01-01T10:00:00")')).toMatchObject({
      kind: 'dateTime',
      parts: [{ high: { text: 'date and time("2024-01-01T10:00:00")' } }],
    });
    expect(read('< @"2024-01-01T10:00:00+08:00"')).toMatchObject({ kind: 'zonedDateTime' });
  });

  it('reads strings and booleans, negated lists, null tests', () => {
    expect(read('"A","B"')).toMatchObject({
      kind: 'string',
      negated: false,
      parts: [
        { part: 'value', value: { value: 'A' } },
        { part: 'value', value: { value: 'B' } },
      ],
    });
    expect(read('not("C")')).toMatchObject({ kind: 'string', negated: true });
    expect(read('!= "C"')).toMatchObject({ parts: [{ part: 'allBut', value: { value: 'C' } }] });
    expect(read('false')).toMatchObject({
      kind: 'boolean',
      parts: [{ part: 'value', value: { value: false } }],
    });
    expect(read('null')).toEqual({ reading: 'tests', kind: null, negated: false, parts: [{ part: 'none' }] });
    expect(read('not(null)')).toMatchObject({ negated: true, parts: [{ part: 'none' }] });
  });

  it('leaves what is not a literal test unknown, saying why', () => {
    expect(readCell('? > 5')).toEqual({ reading: 'unknown', code: 'unsupportedTest' });
    expect(readCell('> limit')).toEqual({ reading: 'unknown', code: 'unsupportedTest' });
    expect(readCell('["a".."c"]')).toEqual({ reading: 'unknown', code: 'unsupportedTest' });
    expect(readCell('< "b"')).toEqual({ reading: 'unknown', code: 'unsupportedTest' });
    expect(readCell('date("2024-13-01")')).toEqual({ reading: 'unknown', code: 'unsupportedTest' });
    expect(readCell('@"2024-01-01T10:00:00@Europe/Paris"')).toEqual({
      reading: 'unknown',
      code: 'unsupportedTest',
    });
    expect(readCell('5, "A"')).toEqual({ reading: 'unknown', code: 'typeMismatch' });
    expect(readCell('[1..')).toEqual({ reading: 'unknown', code: 'syntaxError' });
  });
});
