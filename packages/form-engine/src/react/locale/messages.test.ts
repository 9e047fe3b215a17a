import { describe, expect, it } from 'vitest';
import { localized, RENDERER_MESSAGES } from './messages.js';

describe('renderer messages', () => {
  it('speak both languages for every message', () => {
    const en = Object.keys(RENDERER_MESSAGES.en).sort();
    expect(Object.keys(RENDERER_MESSAGES['zh-CN']).sort()).toEqual(en);
    for (const locale of ['en', 'zh-CN'] as const) {
      for (const [key, message] of Object.entries(RENDERER_MESSAGES[locale])) {
        const text = typeof message === 'function' ? (message as (...args: unknown[]) => string)('x', 2) : message;
        expect(text, `${locale}.${key}`).not.toBe('');
      }
    }
  });

  it('name the row in the cell label and remove button', () => {
    expect(RENDERER_MESSAGES.en.cellLabel('Phone', 2)).toBe('Phone, row 2');
    expect(RENDERER_MESSAGES['zh-CN'].cellLabel('电话', 2)).toBe('电话，第 2 行');
    expect(RENDERER_MESSAGES.en.removeRowNumber(3)).toContain(RENDERER_MESSAGES.en.removeRow);
    expect(RENDERER_MESSAGES['zh-CN'].removeRowNumber(3)).toContain(RENDERER_MESSAGES['zh-CN'].removeRow);
  });

  it('pick the locale of a definition text', () => {
    expect(localized({ en: 'Employer', 'zh-CN': '工作单位' }, 'zh-CN')).toBe('工作单位');
  });
});
