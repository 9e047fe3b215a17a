// @vitest-environment node
import { messageProblems } from '@bankforge/app-shell/testing';
import { WIDGET_TYPES } from '@bankforge/form-engine';
import { describe, expect, it } from 'vitest';
import { formDesignerMessages } from './locales.js';

describe('form designer messages', () => {
  it('has every key in both languages, none empty', () => {
    expect(messageProblems(formDesignerMessages)).toEqual([]);
  });

  it('names every widget', () => {
    for (const widget of WIDGET_TYPES) {
      expect(formDesignerMessages.en.widget[widget]).toBeTruthy();
      expect(formDesignerMessages['zh-CN'].widget[widget]).toBeTruthy();
    }
  });
});
