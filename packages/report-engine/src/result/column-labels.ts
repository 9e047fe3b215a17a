import type { CalendarUnit, LocalizedText } from '@bankforge/data-model';
import type { Dimension, Measure, ReportLabel } from '../artifact/report-definition.js';

/** A report label in both languages: a plain text is the analyst's one name for both. */
export function localizedLabel(label: ReportLabel): LocalizedText {
  return typeof label === 'string' ? { en: label, 'zh-CN': label } : label;
}

/** A report label in one language (a plain text in either; a missing Chinese falls back to the English). */
export function labelIn(label: ReportLabel, language: keyof LocalizedText): string {
  if (typeof label === 'string') return label;
  return language === 'zh-CN' ? label['zh-CN'] || label.en : label.en || label['zh-CN'];
}

/**
 * The value a top-N dimension gives the rows it folds, and how it reads: the analyst's one
 * `othersLabel` in both languages, else "Others" / "其他".
 */
export function othersBucket(top: NonNullable<Dimension['top']>): { value: string; label: LocalizedText } {
  return top.othersLabel !== undefined
    ? { value: top.othersLabel, label: { en: top.othersLabel, 'zh-CN': top.othersLabel } }
    : { value: 'Others', label: { en: 'Others', 'zh-CN': '其他' } };
}

/** The standard columns as people call them (an entity's own fields carry their labels). */
export const SYSTEM_COLUMN_LABELS: Readonly<Record<string, LocalizedText>> = {
  id: { en: 'ID', 'zh-CN': 'ID' },
  owner_id: { en: 'Owner', 'zh-CN': '负责人' },
  created_at: { en: 'Created', 'zh-CN': '创建时间' },
  updated_at: { en: 'Updated', 'zh-CN': '更新时间' },
  created_by: { en: 'Created by', 'zh-CN': '创建人' },
  updated_by: { en: 'Updated by', 'zh-CN': '更新人' },
  version: { en: 'Version', 'zh-CN': '版本' },
};

const BUCKET_WORDS: Readonly<Record<CalendarUnit, LocalizedText>> = {
  day: { en: 'day', 'zh-CN': '日' },
  week: { en: 'week', 'zh-CN': '周' },
  month: { en: 'month', 'zh-CN': '月' },
  quarter: { en: 'quarter', 'zh-CN': '季度' },
  year: { en: 'year', 'zh-CN': '年' },
};

/**
 * A dimension's header: its label, else the field's own label (a date bucket says its unit:
 * "Submitted at (month)", "提交时间（月）"), else its key.
 */
export function dimensionLabel(dimension: Dimension, field: LocalizedText | undefined): LocalizedText {
  if (dimension.label !== undefined && dimension.label !== '') return localizedLabel(dimension.label);
  if (!field) return { en: dimension.key, 'zh-CN': dimension.key };
  const bucket = dimension.date === undefined ? undefined : BUCKET_WORDS[dimension.date];
  if (!bucket) return field;
  return { en: `${field.en} (${bucket.en})`, 'zh-CN': `${field['zh-CN']}（${bucket['zh-CN']}）` };
}

/** How an aggregate names what it adds up, in each language. */
const MEASURE_WORDS: Readonly<Record<Exclude<Measure['agg'], 'count' | 'ratio'>, (field: LocalizedText) => LocalizedText>> = {
  countDistinct: (f) => ({ en: `Distinct ${f.en}`, 'zh-CN': `${f['zh-CN']}（去重）` }),
  sum: (f) => ({ en: `Total ${f.en}`, 'zh-CN': `${f['zh-CN']}合计` }),
  avg: (f) => ({ en: `Average ${f.en}`, 'zh-CN': `${f['zh-CN']}平均值` }),
  min: (f) => ({ en: `Minimum ${f.en}`, 'zh-CN': `${f['zh-CN']}最小值` }),
  max: (f) => ({ en: `Maximum ${f.en}`, 'zh-CN': `${f['zh-CN']}最大值` }),
};

/**
 * A measure's header: its label, else what it does to its field ("Total Amount", "金额合计"; a
 * count is "Count", "数量"), else its key (a ratio of two measures has no name of its own).
 */
export function measureLabel(measure: Measure, field: LocalizedText | undefined): LocalizedText {
  if (measure.label !== undefined && measure.label !== '') return localizedLabel(measure.label);
  if (measure.agg === 'count') return { en: 'Count', 'zh-CN': '数量' };
  if (measure.agg === 'ratio' || !field) return { en: measure.key, 'zh-CN': measure.key };
  return MEASURE_WORDS[measure.agg](field);
}
