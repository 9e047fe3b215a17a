// @vitest-environment node
import { WIDGET_TYPES } from '@bankforge/form-engine';
import { describe, expect, it } from 'vitest';
import { formDesignerMessages } from './locales.js';

function paths(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? paths(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('form designer messages', () => {
  it('has every key in both languages, none empty', () => {
    expect(paths(formDesignerMessages['zh-CN']).sort()).toEqual(paths(formDesignerMessages.en).sort());
    for (const messages of [formDesignerMessages.en, formDesignerMessages['zh-CN']]) {
      for (const value of Object.values(messages)) expect(value).not.toBe('');
    }
  });

  it('names every widget', () => {
    for (const widget of WIDGET_TYPES) {
      expect(formDesignerMessages.en.widget[widget]).toBeTruthy();
      expect(formDesignerMessages['zh-CN'].widget[widget]).toBeTruthy();
    }
  });
});
