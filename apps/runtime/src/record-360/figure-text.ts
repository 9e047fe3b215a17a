import type { Language } from '@bankforge/app-shell';
import type { OverviewFigure } from '@bankforge/client';
import type { FieldDefinition, LocalizedText } from '@bankforge/data-model';
import { formatMoney, formatValue } from '../entity-list/format/format-value.js';

export interface FigureWords {
  yes: string;
  no: string;
}

function isMoney(value: unknown): value is { amount: string; currency: string } {
  return typeof value === 'object' && value !== null && typeof (value as { amount?: unknown }).amount === 'string' && typeof (value as { currency?: unknown }).currency === 'string';
}

/**
 * A key figure as the header shows it: a count as a number, a money total per currency (¥350.50;
 * nothing yet reads as ¥0 in no currency, so as 0), a field as a list cell shows it (a masked value as given).
 */
export function figureText(figure: OverviewFigure, language: Language, words: FigureWords): string {
  if (figure.kind === 'count') return new Intl.NumberFormat(language).format(Number(figure.value));
  if (figure.option) return localize(figure.option.label, language);
  if (figure.kind === 'sum' && Array.isArray(figure.value)) {
    const totals = figure.value.filter(isMoney);
    return totals.length === 0 ? new Intl.NumberFormat(language).format(0) : totals.map((m) => formatMoney(m, language)).join(' + ');
  }
  const field = { id: figure.key, key: figure.key, type: figure.type === 'count' ? 'integer' : figure.type, label: figure.label } as FieldDefinition;
  const text = formatValue(figure.value, field, { language, yes: words.yes, no: words.no });
  return text === '' ? '—' : text;
}

export function localize(text: LocalizedText, language: Language): string {
  return language === 'zh-CN' ? text['zh-CN'] || text.en : text.en || text['zh-CN'];
}
