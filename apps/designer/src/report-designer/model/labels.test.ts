// @vitest-environment node
import type { ReportDefinition } from '@bankforge/report-engine';
import { describe, expect, it } from 'vitest';
import { bothLabels, labelInput, labelProblems, labelText, withLabelIn } from './labels.js';
import { updateDimension, updateMeasure } from './report-edits.js';

const report: ReportDefinition = {
  kind: 'report',
  key: 'pipeline',
  title: 'Pipeline',
  source: 'loan_application',
  dimensions: [{ key: 'status', field: 'status', label: 'Status' }],
  measures: [{ key: 'n', agg: 'count', label: { en: 'Applications', 'zh-CN': '申请数' } }],
};

describe("a column's name in two languages", () => {
  it('shows a single text as the English, its Chinese still to be written', () => {
    expect([labelInput('Status', 'en'), labelInput('Status', 'zh-CN')]).toEqual(['Status', '']);
    expect([labelText('Status', 'zh-CN'), labelText(undefined, 'en')]).toEqual(['Status', '']);
    expect([labelInput({ en: 'Applications', 'zh-CN': '申请数' }, 'zh-CN'), labelText({ en: 'Applications', 'zh-CN': '申请数' }, 'zh-CN')]).toEqual(['申请数', '申请数']);
  });

  it('keeps English alone as one text, both once the Chinese is written, none when both are cleared', () => {
    expect(withLabelIn('Status', 'zh-CN', '状态')).toEqual({ en: 'Status', 'zh-CN': '状态' });
    expect(withLabelIn({ en: 'Status', 'zh-CN': '状态' }, 'en', 'Loan status')).toEqual({ en: 'Loan status', 'zh-CN': '状态' });
    expect(withLabelIn({ en: 'Status', 'zh-CN': '状态' }, 'zh-CN', '')).toBe('Status');
    expect(withLabelIn('Status', 'en', '')).toBeUndefined();
    expect(withLabelIn(undefined, 'en', 'Branch')).toBe('Branch');
    expect([bothLabels('Count', '数量'), bothLabels('RM', 'RM')]).toEqual([{ en: 'Count', 'zh-CN': '数量' }, 'RM']);
  });

  it("edits a dimension's and a measure's names, each language on its own", () => {
    let next = updateDimension(report, 0, { label: withLabelIn(report.dimensions![0]!.label, 'zh-CN', '状态') });
    next = updateMeasure(next, 0, { label: withLabelIn(next.measures![0]!.label, 'en', 'Loan applications') });
    expect(next.dimensions![0]!.label).toEqual({ en: 'Status', 'zh-CN': '状态' });
    expect(next.measures![0]!.label).toEqual({ en: 'Loan applications', 'zh-CN': '申请数' });
    expect(labelProblems(next)).toEqual([]);
    // Cleared: the engine names the column from its field.
    expect(updateDimension(next, 0, { label: withLabelIn(withLabelIn(next.dimensions![0]!.label, 'en', ''), 'zh-CN', '') }).dimensions![0]).not.toHaveProperty('label');
  });

  it('says where the English goes when only the Chinese is written (the schema takes a name as one text or both)', () => {
    const chineseOnly = updateMeasure(report, 0, { label: withLabelIn(report.measures![0]!.label, 'en', '') });
    expect(chineseOnly.measures![0]!.label).toEqual({ en: '', 'zh-CN': '申请数' });
    expect(labelProblems(chineseOnly).map((p) => [p.path, p.code])).toEqual([['/measures/0/label', 'englishNameMissing']]);
  });
});
