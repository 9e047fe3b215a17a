import type { Language } from '@bankforge/app-shell';
import type { TimelineFieldChange } from '@bankforge/client';
import type { FieldDefinition } from '@bankforge/data-model';
import { formatValue } from '../entity-list/format/format-value.js';
import { localize } from './figure-text.js';

export interface ChangeWords {
  yes: string;
  no: string;
  empty: string;
  /** A referenced record the reader may not see (never its id). */
  unseen: string;
  /** The titles of referenced records, by entity and id (the timeline page's). */
  titles: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Shown for a masked value the log kept as stars: never a value in clear. */
  change(field: string, before: string, after: string): string;
  set(field: string, after: string): string;
}

/**
 * One field's change as a line ("Balance: ¥100.00 → ¥250.50"); a value that was empty reads so, and
 * a first value (a record's creation) is said as set. Values come as the server sent them: masked
 * ones stay masked.
 */
export function changeText(change: TimelineFieldChange, language: Language, words: ChangeWords): string {
  const field = { id: change.field, key: change.field, type: change.type, label: change.label, ...(change.refersTo ? { reference: { entity: change.refersTo } } : {}) } as FieldDefinition;
  const show = (value: unknown): string => {
    // A masked money amount arrives as { amount: '***' }: shown as the stars it is.
    if (typeof value === 'object' && value !== null && (value as { amount?: unknown }).amount === '***') return '***';
    const text = formatValue(value, field, { language, yes: words.yes, no: words.no, titles: words.titles, unseen: words.unseen });
    return text === '' ? words.empty : text;
  };
  const label = localize(change.label, language);
  return change.before === null ? words.set(label, show(change.after)) : words.change(label, show(change.before), show(change.after));
}
