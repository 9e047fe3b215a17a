import { describe, expect, it } from 'vitest';
import { formatMeasure, formatReportValue, numericValue, type ValueWords } from './report-format.js';

const en: ValueWords = { language: 'en', empty: '(empty)', yes: 'Yes', no: 'No' };
const zh: ValueWords = { language: 'zh-CN', empty: '（空）', yes: '是', no: '否' };
const segment = { labels: { vip: { en: 'Private banking', 'zh-CN': '私人银行' }, mass: { en: 'Mass', 'zh-CN': '' } } };
const text = { type: 'text' as const };
const number = { type: 'number' as const };

describe('formatReportValue', () => {
  it("reads an option's label in the UI language, English when the Chinese one is missing, the raw value when none is given", () => {
    expect(formatReportValue('vip', text, segment, en)).toBe('Private banking');
    expect(formatReportValue('vip', text, segment, zh)).toBe('私人银行');
    expect(formatReportValue('mass', text, segment, zh)).toBe('Mass');
    expect(formatReportValue('retail', text, segment, en)).toBe('retail');
  });

  it('says an empty value in words, and yes or no for a boolean', () => {
    expect(formatReportValue(null, text, segment, zh)).toBe('（空）');
    expect(formatReportValue(undefined, text, undefined, en)).toBe('(empty)');
    expect([formatReportValue(true, text, undefined, zh), formatReportValue(false, text, undefined, en)]).toEqual(['是', 'No']);
  });

  it('writes money with its currency and numbers grouped in the UI language, decimals answered as text too', () => {
    const cny = { currency: 'CNY' };
    expect(formatReportValue(1234567.5, number, cny, zh)).toBe('¥1,234,567.50');
    expect(formatReportValue('1234567.5', number, cny, en)).toBe('CN¥1,234,567.50');
    expect(formatReportValue(1234567.891, number, undefined, en)).toBe('1,234,567.89');
    expect(formatReportValue(12000, number, undefined, zh)).toBe('12,000');
  });

  it('writes days and instants as the runtime does in each language', () => {
    expect(formatReportValue('2026-07-05', { type: 'date' }, undefined, zh)).toBe('2026/07/05');
    expect(formatReportValue('2026-07-05', { type: 'date' }, undefined, en)).toBe('07/05/2026');
    expect(formatReportValue('2026-07-05T06:30:00Z', { type: 'datetime' }, undefined, zh)).toMatch(/^2026\/07\/05 \d{2}:30$/);
  });

  it('labels each value of a list; a record id with a label (a masked name) reads as given', () => {
    const owners = { labels: { u1: { en: '王**', 'zh-CN': '王**' } } };
    expect(formatReportValue(['u1', 'u2'], text, owners, zh)).toBe('王**、u2');
  });
});

describe('formatMeasure', () => {
  it('is compact on an axis: 万 and 亿 in Chinese, K and M in English, with the currency', () => {
    expect(formatMeasure(1_250_000, { currency: 'CNY' }, 'zh-CN', true)).toBe('¥125万');
    expect(formatMeasure(1_250_000, undefined, 'en', true)).toBe('1.3M');
  });

  it('falls back to the code before the amount for a currency Intl does not know', () => {
    expect(formatMeasure(1500, { currency: 'not a code' }, 'en')).toBe('not a code 1,500');
  });
});

describe('numericValue', () => {
  it('reads numbers and decimal strings only', () => {
    expect([numericValue(3), numericValue('12.50'), numericValue('12 apples'), numericValue(null)]).toEqual([3, 12.5, undefined, undefined]);
  });
});
