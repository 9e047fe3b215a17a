import type { ColumnPresentation } from '@bankforge/client';
import type { LocalizedText } from '@bankforge/data-model';
import type { ReportRow, ResultColumn } from '@bankforge/report-engine';
import type { Language } from '../i18n/languages.js';

/** How values read in the reader's language: the words the shell's messages give for what has no text of its own. */
export interface ValueWords {
  language: Language;
  /** A category without a value (a customer with no segment). */
  empty: string;
  yes: string;
  no: string;
}

/** One value of a result row (report-engine's `ReportValue`). */
export type ReportValue = ReportRow[string];

const DECIMAL = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A designer-written text in the reader's language (English when the Chinese one is missing). */
export function localizedText(text: LocalizedText, language: Language): string {
  return language === 'zh-CN' ? text['zh-CN'] || text.en : text.en || text['zh-CN'];
}

/** A result column's header in the reader's language (its English when the server gave no Chinese). */
export function columnLabel(column: Pick<ResultColumn, 'label' | 'labelZh'>, language: Language): string {
  return language === 'zh-CN' ? column.labelZh || column.label : column.label;
}

/** A number, or a decimal the database answered as text (a sum of money), as a number; else undefined. */
export function numericValue(value: ReportValue | undefined): number | undefined {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && DECIMAL.test(value) ? Number(value) : undefined;
}

/** Money with its currency symbol in the reader's language (`¥1,234.50`, `CN¥1,234.50`); a code Intl does not know as `XYZ 1,234.5`. */
export function formatMoney(amount: number, currency: string, language: Language, compact = false): string {
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency, ...(compact ? { notation: 'compact' } : {}) }).format(amount);
  } catch {
    return `${currency} ${formatNumber(amount, language, compact)}`;
  }
}

/** A number grouped as the reader's language groups it; compact on an axis (`1.2M`, `120万`). */
export function formatNumber(value: number, language: Language, compact = false): string {
  return new Intl.NumberFormat(language, compact ? { notation: 'compact' } : { maximumFractionDigits: 2 }).format(value);
}

/** A measure's value: money with its currency, else a grouped number. */
export function formatMeasure(value: number, presentation: ColumnPresentation | undefined, language: Language, compact = false): string {
  return presentation?.currency ? formatMoney(value, presentation.currency, language, compact) : formatNumber(value, language, compact);
}

/** A day as the runtime's record pages write it: `2026/07/05` in Chinese, `07/05/2026` in English. */
function formatDay(text: string, language: Language): string {
  const day = ISO_DATE.exec(text);
  if (!day) return text;
  return language === 'zh-CN' ? `${day[1]}/${day[2]}/${day[3]}` : `${day[2]}/${day[3]}/${day[1]}`;
}

function formatInstant(text: string, language: Language): string {
  const time = Date.parse(text);
  if (Number.isNaN(time)) return text;
  const style: Intl.DateTimeFormatOptions =
    language === 'zh-CN'
      ? { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
      : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(language, style).format(time);
}

/**
 * A result value as a person reads it: an option's, a record's or a person's label when the
 * server gave one (masked as the reader's field rules say), money with its currency, numbers
 * grouped, days and instants in the reader's language; an empty value as `words.empty`.
 */
export function formatReportValue(
  value: ReportValue | undefined,
  column: Pick<ResultColumn, 'type'>,
  presentation: ColumnPresentation | undefined,
  words: ValueWords,
): string {
  const { language } = words;
  if (value === null || value === undefined || value === '') return words.empty;
  if (Array.isArray(value)) return value.map((v) => formatReportValue(v, { type: 'text' }, presentation, words)).join(language === 'zh-CN' ? '、' : ', ');
  const label = presentation?.labels?.[String(value)];
  if (label) return localizedText(label, language);
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'object') return JSON.stringify(value);
  const number = column.type === 'number' ? numericValue(value) : undefined;
  if (number !== undefined) return formatMeasure(number, presentation, language);
  if (typeof value === 'number') return formatNumber(value, language);
  if (column.type === 'date') return formatDay(value, language);
  if (column.type === 'datetime') return formatInstant(value, language);
  return value;
}
