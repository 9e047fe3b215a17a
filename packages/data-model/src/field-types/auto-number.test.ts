import { describe, expect, it } from 'vitest';
import { formatNumber, localDateOf, maxSequence, numberingPeriod, numberingProblem, parseNumbering, readNumber } from './auto-number.js';

const JULY_5 = { year: 2026, month: 7, day: 5 };

describe('numbering patterns', () => {
  it('reads literal text, date parts and one sequence', () => {
    const numbering = parseNumbering('LA{yyyyMM}{seq:6}');
    expect(numbering).toMatchObject({ period: 'month', width: 6, length: 14 });
    expect(formatNumber(numbering, JULY_5, 1)).toBe('LA202607000001');
    expect(formatNumber(numbering, JULY_5, 123456)).toBe('LA202607123456');
  });

  it('restarts the sequence each period its date parts name', () => {
    expect(numberingPeriod(parseNumbering('LA{yyyyMM}{seq:6}'), JULY_5)).toBe('202607');
    expect(numberingPeriod(parseNumbering('C-{yy}-{seq:4}'), JULY_5)).toBe('2026');
    expect(numberingPeriod(parseNumbering('{yyyy}/{MM}/{dd}-{seq:3}'), JULY_5)).toBe('20260705');
    expect(numberingPeriod(parseNumbering('T{seq:8}'), JULY_5)).toBe('');
  });

  it('formats two-digit years, days and separators', () => {
    expect(formatNumber(parseNumbering('贷{yyMMdd}-{seq:3}'), { year: 2009, month: 1, day: 2 }, 7)).toBe('贷090102-007');
  });

  it('refuses a sequence that outgrows its width', () => {
    const numbering = parseNumbering('X{seq:2}');
    expect(maxSequence(numbering)).toBe(99);
    expect(() => formatNumber(numbering, JULY_5, 100)).toThrow(RangeError);
  });

  it.each([
    ['', /empty/],
    ['LA{yyyyMM}', /one sequence part/],
    ['LA{seq:3}{seq:3}', /only one sequence/],
    ['LA{seq:0}', /1 to 12 digits/],
    ['LA{seq:13}', /1 to 12 digits/],
    ['LA{seq}', /\{seq:N\}/],
    ['LA{yyyy}{seq:6', /not closed/],
    ['LA}{seq:6}', /no \{ before/],
    ['LA{MM}{seq:6}', /without a year/],
    ['LA{yyyydd}{seq:6}', /without a month/],
    ['LA{yyyy}{yyyy}{seq:6}', /twice/],
    ['LA{yyyyyy}{seq:6}', /twice|either/],
    ['LA{week}{seq:6}', /neither date parts/],
    ['X'.repeat(60) + '{seq:6}', /at most 64/],
    ['LA\n{seq:6}', /control character/],
  ])('refuses %j in words', (pattern, reason) => {
    const problem = numberingProblem(pattern);
    expect(problem?.en).toMatch(reason);
    expect(problem?.zh).toBeTruthy();
    expect(() => parseNumbering(pattern)).toThrow(RangeError);
  });

  it('reads back the period and sequence a number carries', () => {
    const monthly = parseNumbering('LA{yyyyMM}{seq:6}');
    expect(readNumber(monthly, 'LA202607000123')).toEqual({ period: '202607', sequence: 123 });
    expect(readNumber(parseNumbering('C.{yy}-{seq:3}'), 'C.09-007')).toEqual({ period: '2009', sequence: 7 });
    expect(readNumber(parseNumbering('T{seq:4}'), 'T0042')).toEqual({ period: '', sequence: 42 });
    for (const text of ['LA20260700012', 'XA202607000123', 'LA202607000000', 'la202607000123']) expect(readNumber(monthly, text), text).toBeUndefined();
    // A literal dot is a dot, not any character.
    expect(readNumber(parseNumbering('C.{yy}-{seq:3}'), 'CX09-007')).toBeUndefined();
  });

  it('reads the creation day in the bank time zone', () => {
    // 16:30 UTC on 31 July is already 1 August in Shanghai: the August sequence.
    expect(localDateOf('2026-07-31T16:30:00.000Z', 'Asia/Shanghai')).toEqual({ year: 2026, month: 8, day: 1 });
    expect(localDateOf('2026-07-31T16:30:00.000Z', 'UTC')).toEqual({ year: 2026, month: 7, day: 31 });
  });
});
