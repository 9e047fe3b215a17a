import type { TFunction } from 'i18next';

/**
 * A value as the log keeps it, in words: nothing as a dash, a hashed value as such (never the
 * hash), money as amount and currency, lists joined, yes or no. Masked text is shown as stored.
 */
export function auditValueText(value: unknown, t: TFunction): string {
  if (value === undefined || value === null || value === '') return t('diff.empty');
  if (typeof value === 'boolean') return value ? t('diff.yes') : t('diff.no');
  if (Array.isArray(value)) return value.length === 0 ? t('diff.empty') : value.map((item) => auditValueText(item, t)).join(t('summary.separator'));
  if (typeof value === 'object') {
    if ('hmac' in value) return t('diff.hashed');
    if ('amount' in value && 'currency' in value) return `${String(value.amount)} ${String(value.currency)}`;
    return JSON.stringify(value);
  }
  return String(value);
}
