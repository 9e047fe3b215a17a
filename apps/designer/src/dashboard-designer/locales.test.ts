// @vitest-environment node
import { NAMED_PERIODS } from '@bankforge/data-model';
import { messageProblems } from '@bankforge/app-shell/testing';
import { DASHBOARD_FILTER_TYPES, reportArtifactSchema } from '@bankforge/report-engine';
import { describe, expect, it } from 'vitest';
import { dashboardDesignerMessages } from './locales.js';

describe('dashboard designer messages', () => {
  it('has every key in both languages, none empty', () => {
    expect(messageProblems(dashboardDesignerMessages)).toEqual([]);
  });

  it('names every chart type, named period and filter type', () => {
    for (const messages of Object.values(dashboardDesignerMessages)) {
      expect(Object.keys(messages.chartTypes).sort()).toEqual([...reportArtifactSchema.definitions.chart.properties.type.enum].sort());
      expect(Object.keys(messages.periods).sort()).toEqual([...NAMED_PERIODS].sort());
      expect(Object.keys(messages.filter.types).sort()).toEqual([...DASHBOARD_FILTER_TYPES].sort());
    }
  });
});
