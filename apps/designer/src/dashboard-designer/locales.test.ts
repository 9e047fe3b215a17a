// @vitest-environment node
import { messageProblems } from '@bankforge/app-shell/testing';
import { CHART_TYPES, DASHBOARD_FILTER_TYPES } from '@bankforge/report-engine';
import { describe, expect, it } from 'vitest';
import { dashboardDesignerMessages } from './locales.js';

describe('dashboard designer messages', () => {
  it('has every key in both languages, none empty', () => {
    expect(messageProblems(dashboardDesignerMessages)).toEqual([]);
  });

  it('names every chart type and filter type', () => {
    for (const messages of Object.values(dashboardDesignerMessages)) {
      expect(Object.keys(messages.chartTypes).sort()).toEqual([...CHART_TYPES].sort());
      expect(Object.keys(messages.filter.types).sort()).toEqual([...DASHBOARD_FILTER_TYPES].sort());
    }
  });
});
