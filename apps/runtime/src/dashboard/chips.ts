import { columnLabel, formatReportValue, type ReportValue, type ValueWords } from '@bankforge/app-shell';
import type { DashboardFilterView, ReportRunResult } from '@bankforge/client';
import type { CrossFilter } from '@bankforge/report-engine';
import type { TFunction } from 'i18next';
import { localized } from '../shell/localized.js';
import { isDayRange, type PeriodValue } from './period.js';

/** A period as the filter bar and the chips say it: `This quarter`, `最近 12 个月`, `2026/01/01 – 2026/03/31`. */
export function periodLabel(value: PeriodValue, t: TFunction<'dashboard'>, words: ValueWords): string {
  if (typeof value === 'string') return t(`appShell:periods.${value}`);
  if (isDayRange(value)) {
    const day = (text: string) => formatReportValue(text, { type: 'date' }, undefined, words);
    return `${day(value.from)} – ${day(value.to)}`;
  }
  return 'last' in value ? t(`period.last.${value.unit}`, { count: value.last }) : t(`period.next.${value.unit}`, { count: value.next });
}

/** What a `values` filter holds, by its choices' labels (a count past two). */
export function valuesLabel(filter: DashboardFilterView, values: readonly unknown[], t: TFunction<'dashboard'>, language: string): string {
  if (values.length > 2) return t('values.count', { count: values.length });
  return values
    .map((value) => {
      const choice = filter.choices?.find((c) => c.value === String(value));
      return choice ? localized(choice.label, language) : String(value);
    })
    .join(language.startsWith('zh') ? '、' : ', ');
}

/** A shared filter with its value, as a chip says it: `Branch: Shanghai, Beijing`. */
export function filterChip(filter: DashboardFilterView, value: unknown, t: TFunction<'dashboard'>, words: ValueWords): string {
  const label = localized(filter.label, words.language);
  const text = Array.isArray(value) ? valuesLabel(filter, value, t, words.language) : periodLabel(value as PeriodValue, t, words);
  return t('chip', { label, value: text });
}

/** How a picked value reads: its dimension's label and its own, kept when a widget moves on (a drill shows other columns). */
export interface PickText {
  dimension: string;
  value: string;
}

/** The key a pick's text is remembered by. */
export function pickKey(widget: string, dimension: string, value: unknown): string {
  return JSON.stringify([widget, dimension, value]);
}

/** A pick's text from the result it was picked in, when that result still has the dimension. */
export function pickText(result: Pick<ReportRunResult, 'columns' | 'presentation'> | undefined, dimension: string, value: ReportValue, words: ValueWords): PickText | undefined {
  const column = result?.columns.find((c) => c.key === dimension);
  if (!result || !column) return undefined;
  return { dimension: columnLabel(column, words.language), value: formatReportValue(value, column, result.presentation?.[dimension], words) };
}

/** A click filtering other widgets, as its chip says it: `Segment: Private banking` (the raw value when nothing names it). */
export function crossChip(cross: CrossFilter, text: PickText | undefined, t: TFunction<'dashboard'>, words: ValueWords): string {
  return t('chip', { label: text?.dimension ?? cross.dimension, value: text?.value ?? formatReportValue(cross.value, { type: 'text' }, undefined, words) });
}
