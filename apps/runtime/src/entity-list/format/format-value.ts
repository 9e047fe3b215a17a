import type { Language } from '@bankforge/app-shell';
import type { FieldDefinition } from '@bankforge/data-model';
import { formatDateText } from '@bankforge/form-engine/react';

export interface FormatOptions {
  language: Language;
  /** The words for true and false in the reader's language ("Yes"/"No", "是"/"否"). */
  yes: string;
  no: string;
  /** The zone date-times are shown in; the browser's when absent. */
  timeZone?: string;
  /** The titles of referenced records the page came with, by entity and id (the server's, within the reader's scope). */
  titles?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** What a reference to a record the reader may not see shows instead of its id. */
  unseen?: string;
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

function decimals(text: string): number {
  return text.split('.')[1]?.length ?? 0;
}

/** An exact decimal string with the reader's grouping (Intl formats decimal strings without going through a double). */
function formatDecimal(text: string, language: Language): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: Math.min(decimals(text), 20) }).format(text as `${number}`);
}

/** An amount of money with its currency symbol and the reader's grouping, exactly (no rounding through a double). */
export function formatMoney(value: { amount: string; currency: string }, language: Language): string {
  try {
    const format = new Intl.NumberFormat(language, { style: 'currency', currency: value.currency });
    const minimum = format.resolvedOptions().minimumFractionDigits ?? 2;
    return new Intl.NumberFormat(language, {
      style: 'currency',
      currency: value.currency,
      maximumFractionDigits: Math.min(Math.max(minimum, decimals(value.amount)), 20),
    }).format(value.amount as `${number}`);
  } catch {
    // A currency Intl does not know: the code and the grouped amount.
    return `${value.currency} ${formatDecimal(value.amount, language)}`;
  }
}

/**
 * An instant (ISO 8601) as a date and time in the reader's language (`2026/07/05 14:30` in Chinese,
 * as dates are written there); the text as given when it is no instant.
 */
export function formatDateTime(value: string, language: Language, timeZone?: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  const style: Intl.DateTimeFormatOptions =
    language === 'zh-CN' ? { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(language, { ...style, timeZone }).format(time);
}

function isMoney(value: unknown): value is { amount: string; currency: string } {
  if (typeof value !== 'object' || value === null) return false;
  const money = value as Record<string, unknown>;
  return typeof money.amount === 'string' && DECIMAL.test(money.amount) && typeof money.currency === 'string';
}

function optionLabel(field: FieldDefinition, value: string, language: Language): string {
  const option = field.options?.find((o) => o.value === value);
  return option ? option.label[language] || option.label.en : value;
}

/**
 * A referenced record by its title, never its id. Without a title (no title field has a value) its
 * id's first characters stand in; a record outside the reader's scope has no title in the page.
 */
function referenceTitle(id: string, field: FieldDefinition, options: FormatOptions): string {
  const titles = field.reference ? options.titles?.[field.reference.entity] : undefined;
  const title = titles?.[id];
  if (title === undefined) return options.unseen ?? id;
  return title === '' ? `#${id.slice(0, 8)}` : title;
}

/**
 * A record value as a list cell shows it, by the field's type and in the reader's language.
 * Values the server masked for this reader ("王**", "tail 1234") arrive as text and are shown as given.
 */
export function formatValue(value: unknown, field: FieldDefinition, options: FormatOptions): string {
  const { language } = options;
  if (value === null || value === undefined || value === '') return '';
  switch (field.type) {
    case 'boolean':
      return typeof value === 'boolean' ? (value ? options.yes : options.no) : String(value);
    case 'integer':
      return typeof value === 'number' ? new Intl.NumberFormat(language).format(value) : String(value);
    case 'decimal':
      return typeof value === 'string' && DECIMAL.test(value) ? formatDecimal(value, language) : String(value);
    case 'percentage':
      return typeof value === 'string' && DECIMAL.test(value) ? `${formatDecimal(value, language)}%` : String(value);
    case 'money':
      return isMoney(value) ? formatMoney(value, language) : typeof value === 'string' ? value : JSON.stringify(value);
    // As the record page's date fields write them (2026/07/05 in Chinese), so a date reads the same in both.
    case 'date':
      return typeof value === 'string' ? formatDateText(value, language) : String(value);
    case 'datetime':
      return typeof value === 'string' ? formatDateTime(value, language, options.timeZone) : String(value);
    case 'singleSelect':
      return typeof value === 'string' ? optionLabel(field, value, language) : String(value);
    case 'multiSelect':
      return Array.isArray(value)
        ? value.map((v) => optionLabel(field, String(v), language)).join(language === 'zh-CN' ? '、' : ', ')
        : String(value);
    case 'json':
      return JSON.stringify(value);
    case 'reference':
      return typeof value === 'string' ? referenceTitle(value, field, options) : String(value);
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}
