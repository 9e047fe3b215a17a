import type { ValueWords } from '@bankforge/app-shell';
import i18next from 'i18next';
import { beforeEach, describe, expect, it } from 'vitest';
import { initTestI18n } from '../testing/i18n.js';
import { crossChip, filterChip, periodLabel, pickText } from './chips.js';
import { branchDashboard } from './testing.js';

const [period, segment] = branchDashboard.filters as [(typeof branchDashboard.filters)[0], (typeof branchDashboard.filters)[0]];
const en: ValueWords = { language: 'en', empty: '(empty)', yes: 'Yes', no: 'No' };
const zh: ValueWords = { language: 'zh-CN', empty: '（空）', yes: '是', no: '否' };
const t = () => i18next.getFixedT(null, 'dashboard');

beforeEach(() => initTestI18n('en'));

describe('chips', () => {
  it('says periods by name, by count and unit, or as two days in the UI language', async () => {
    expect([periodLabel('thisQuarter', t(), en), periodLabel({ last: 12, unit: 'month' }, t(), en), periodLabel({ last: 1, unit: 'month' }, t(), en)]).toEqual([
      'This quarter',
      'Last 12 months',
      'This month',
    ]);
    await initTestI18n('zh-CN');
    expect(periodLabel({ last: 30, unit: 'day' }, t(), zh)).toBe('最近 30 天');
    expect(periodLabel({ from: '2026-01-01', to: '2026-03-31' }, t(), zh)).toBe('2026/01/01 – 2026/03/31');
    expect(filterChip(period, 'lastYear', t(), zh)).toBe('期间：去年');
  });

  it("names a values filter's choices by their labels, and counts them past two", () => {
    expect(filterChip(segment, ['vip', 'mass'], t(), en)).toBe('Segment: Private banking, Mass');
    expect(filterChip(segment, ['vip', 'mass', 'affluent'], t(), en)).toBe('Segment: 3 selected');
  });

  it('says a click by its dimension and value labels from the result it was made in, else as it is', () => {
    const result = {
      columns: [{ key: 'status', label: 'Status', labelZh: '状态', role: 'dimension' as const, type: 'text' as const }],
      presentation: { status: { labels: { approved: { en: 'Approved', 'zh-CN': '已批准' } } } },
    };
    const cross = { widget: 'pipeline', dimension: 'status', value: 'approved' };
    expect(crossChip(cross, pickText(result, 'status', 'approved', en), t(), en)).toBe('Status: Approved');
    expect(crossChip(cross, pickText(undefined, 'status', 'approved', en), t(), en)).toBe('status: approved');
    expect(pickText(result, 'status', 'approved', zh)).toEqual({ dimension: '状态', value: '已批准' });
  });
});
