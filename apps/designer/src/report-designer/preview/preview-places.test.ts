// @vitest-environment node
import type { ReportDefinition } from '@bankforge/report-engine';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { problemPlace, type PlaceLanguage } from '../../shell/problem-places/problem-places.js';
import { initTestI18n } from '../../shell/testing/i18n.js';
import { REPORT_READING } from '../model/problem-places.js';
import { previewPlace } from './preview-places.js';

beforeAll(() => initTestI18n('en'));

const report = {
  kind: 'report',
  key: 'loans',
  title: 'Loans',
  source: 'loan',
  parameters: [
    { key: 'region', label: { en: 'Region', 'zh-CN': '区域' }, type: 'text' },
    { key: 'since', label: { en: 'Since', 'zh-CN': '起始时间' }, type: 'datetime' },
  ],
  dimensions: [{ key: 'branch', field: 'branch', label: { en: 'Branch', 'zh-CN': '网点' } }],
  measures: [{ key: 'count', label: { en: 'Count', 'zh-CN': '计数' }, agg: 'count' }],
} as unknown as ReportDefinition;

/** The place of a refused preview's problem in the language asked for, through the report's reading and its real messages. */
function place(code: string, pointer: string, language: PlaceLanguage = 'en'): string | undefined {
  const t = i18next.getFixedT(language);
  return previewPlace(code, pointer, report, (path) => problemPlace(path, report, REPORT_READING, (key, options) => t(key, options), language));
}

describe('a refused preview’s problem places', () => {
  it('reads a refusal of the report, or of a field in it, as the report designer reads the report', () => {
    expect(place('invalidReport', '/dimensions/0/field')).toBe('Dimension “Branch” › Field');
    expect(place('invalidReport', '/dimensions/0/field', 'zh-CN')).toBe('维度“网点” › 字段');
    expect(place('reportFieldMasked', '/measures/0/label/zh-CN')).toBe('Measure “Count” › Name (Chinese)');
  });

  it('says a refused parameter value as the report’s parameter it fills, in English and Chinese', () => {
    expect(place('invalidReportRequest', '/parameters/since')).toBe('Parameter “Since”');
    expect(place('invalidReportRequest', '/parameters/since', 'zh-CN')).toBe('参数“起始时间”');
  });

  it('keeps the pointer of a drill-down selection, of a parameter the report does not have and of the request as a whole', () => {
    expect(place('invalidReportRequest', '/drill/0')).toBeUndefined();
    expect(place('invalidReportRequest', '/parameters/branch')).toBeUndefined();
    expect(place('invalidReportRequest', '/parameters')).toBeUndefined();
    // The request's paths are not the report's: its `/parameters/0` is a parameter keyed "0", not the first one.
    expect(place('invalidReportRequest', '/parameters/0')).toBeUndefined();
  });
});
