import { describe, expect, it } from 'vitest';
import { formatDateText, formatDateTimeText, parseDateText, parseDateTimeText } from './date-text.js';

describe('date text', () => {
  it('writes yyyy/MM/dd in Chinese and the English month/day/year in English', () => {
    expect(formatDateText('1985-03-04', 'zh-CN')).toBe('1985/03/04');
    expect(formatDateText('1985-03-04', 'en')).toBe('03/04/1985');
    expect(formatDateText('19850304', 'en')).toBe('19850304');
  });

  it('reads year-first dates in both languages', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      for (const text of ['1985/03/04', '1985/3/4', '1985-03-04', '1985.3.4', '1985年3月4日', '19850304', ' 1985 / 3 / 4 ']) {
        expect(parseDateText(text, locale), `${locale} ${text}`).toBe('1985-03-04');
      }
    }
  });

  it('reads month/day/year only in English: a Chinese reader never gets a guessed order', () => {
    expect(parseDateText('03/04/1985', 'en')).toBe('1985-03-04');
    expect(parseDateText('3/4/1985', 'en')).toBe('1985-03-04');
    expect(parseDateText('03/04/1985', 'zh-CN')).toBeUndefined();
  });

  it('reads no impossible or partial date', () => {
    for (const text of ['2023/02/29', '1985/13/01', '1985/03', 'tomorrow', '', '02/30/2024']) {
      expect(parseDateText(text, 'en'), text).toBeUndefined();
    }
    expect(parseDateText('2024/02/29', 'zh-CN')).toBe('2024-02-29');
  });

  it('formats what it reads back to the same text', () => {
    for (const locale of ['en', 'zh-CN'] as const) expect(parseDateText(formatDateText('2026-12-31', locale), locale)).toBe('2026-12-31');
  });
});

describe('date and time text', () => {
  const local = (text: string) => new Date(text).toISOString();
  it("reads and writes the reader's local time, 24-hour, in the UI language's order", () => {
    expect(formatDateTimeText(local('2026-07-05T14:30'), 'zh-CN')).toBe('2026/07/05 14:30');
    expect(formatDateTimeText(local('2026-07-05T14:30:15'), 'en')).toBe('07/05/2026 14:30:15');
    expect(parseDateTimeText('2026/7/5 14:30', 'zh-CN')).toBe(local('2026-07-05T14:30'));
    expect(parseDateTimeText('07/05/2026 9:05:07', 'en')).toBe(local('2026-07-05T09:05:07'));
    expect(parseDateTimeText('2026-07-05T14:30', 'en')).toBe(local('2026-07-05T14:30'));
  });

  it('reads no date without a time, nor an impossible time', () => {
    for (const text of ['2026/07/05', '2026/07/05 24:00', '2026/07/05 12:60', '14:30', '']) expect(parseDateTimeText(text, 'zh-CN'), text).toBeUndefined();
    expect(formatDateTimeText('yesterday', 'en')).toBe('');
  });
});
