import type { FieldDefinition } from '@bankforge/data-model';
import type { MaskSpec } from '@bankforge/client';

/** The named ways a value is shown to someone who may know it exists but not what it is. */
export const MASK_STRATEGIES = ['chineseName', 'mobile', 'residentId', 'accountNumber', 'email', 'keep'] as const satisfies readonly MaskSpec['strategy'][];
export type MaskStrategy = MaskSpec['strategy'];
/** How a field is masked: part of a role's document, so of the HTTP contract (packages/client). */
export type { MaskSpec };

const STAR = '*';

/** Keeps the first and last characters (code points, so a Chinese character counts once) and stars the rest. */
export function keepFirstLast(value: string, keepFirst: number, keepLast: number): string {
  const chars = [...value];
  if (chars.length === 0) return value;
  // Never give the whole value away: a short value keeps less than asked.
  const visible = Math.min(keepFirst + keepLast, chars.length - 1);
  const first = Math.min(keepFirst, visible);
  const last = visible - first;
  return chars.slice(0, first).join('') + STAR.repeat(chars.length - visible) + (last > 0 ? chars.slice(chars.length - last).join('') : '');
}

/** `王小明` → `王**`: the surname stays (two-character compound surnames such as 欧阳 included). */
function maskChineseName(value: string): string {
  const chars = [...value.trim()];
  if (chars.length <= 1) return STAR;
  const surname = chars.length >= 3 && COMPOUND_SURNAMES.has(chars[0]! + chars[1]!) ? 2 : 1;
  return chars.slice(0, surname).join('') + STAR.repeat(chars.length - surname);
}

const COMPOUND_SURNAMES = new Set(['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐', '端木']);

/** `z***@bank.cn`: the first letter of the mailbox and the whole domain. */
function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return keepFirstLast(value, 1, 0);
  return `${[...value.slice(0, at)][0]}***${value.slice(at)}`;
}

export function maskValue(value: unknown, spec: MaskSpec): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'object') {
    // Money: the amount is the secret, the currency is not.
    if ('amount' in value && 'currency' in value) return { ...(value as Record<string, unknown>), amount: '***' };
    return '***';
  }
  const text = String(value);
  switch (spec.strategy) {
    case 'chineseName':
      return maskChineseName(text);
    case 'mobile':
      return keepFirstLast(text, 3, 4);
    case 'residentId':
      // Province and city, and the last two: the county, the 8 birth-date digits and most of the
      // sequence stay hidden, so a birth date read beside it cannot complete the number.
      return keepFirstLast(text, 4, 2);
    case 'accountNumber':
      return keepFirstLast(text, 0, 4);
    case 'email':
      return maskEmail(text);
    case 'keep':
      return keepFirstLast(text, spec.keepFirst ?? 1, spec.keepLast ?? 0);
  }
}

/** The strategy a field gets when a rule says `masked` without naming one. */
export function defaultMaskOf(field: FieldDefinition): MaskSpec {
  switch (field.type) {
    case 'mobile':
      return { strategy: 'mobile' };
    case 'residentId':
      return { strategy: 'residentId' };
    case 'email':
      return { strategy: 'email' };
    default:
      return /account|card/.test(field.key) ? { strategy: 'accountNumber' } : { strategy: 'keep', keepFirst: 1, keepLast: 0 };
  }
}
