// @vitest-environment node
import { messageProblems } from '@bankforge/app-shell/testing';
import { describe, expect, it } from 'vitest';
import { reportDesignerMessages } from './locales.js';
import { CHART_CHOICES } from './sections/ChartSection.js';

describe('report designer messages', () => {
  it('has every key in both languages, none empty', () => {
    expect(messageProblems(reportDesignerMessages)).toEqual([]);
  });

  it('names and explains every chart type', () => {
    for (const messages of [reportDesignerMessages.en, reportDesignerMessages['zh-CN']]) {
      for (const type of CHART_CHOICES) {
        expect(messages.chart.types[type]).toBeTruthy();
        expect(messages.chart.typeHelp[type]).toBeTruthy();
      }
    }
  });
});
