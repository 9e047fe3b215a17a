import type { DocumentChange } from '@bankforge/client';
import { pointerTokens } from '@bankforge/data-model';

/** The name an array item goes by: an entity field's `key`, a form node's `field` or `id`. */
function itemName(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const record = item as Record<string, unknown>;
  const name = record.key ?? record.field ?? record.id;
  return typeof name === 'string' ? name : undefined;
}

/**
 * A JSON Pointer as a reader sees it: `/fields/3/label/en` -> `fields › 3 › label › en`; given the
 * document it points into, array items are named too: `fields › 3 (employer) › label › en`.
 */
export function readablePointer(pointer: string, document?: unknown): string {
  if (pointer === '') return '';
  let node: unknown = document;
  return pointerTokens(pointer)
    .map((token) => {
      const next: unknown = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[token] : undefined;
      const name = Array.isArray(node) ? itemName(next) : undefined;
      node = next;
      return name === undefined ? token : `${token} (${name})`;
    })
    .join(' › ');
}

const MAX_VALUE_LENGTH = 240;

/** A changed value in one line (long values are cut, the full value is in the title tooltip). */
export function displayValue(value: unknown): { short: string; full: string } {
  const full = value === undefined ? '' : typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
  return { short: full.length > MAX_VALUE_LENGTH ? `${full.slice(0, MAX_VALUE_LENGTH - 1)}…` : full, full };
}

export type ChangeKind = 'added' | 'removed' | 'changed';

export function changeKind(change: DocumentChange): ChangeKind {
  return change.op === 'add' ? 'added' : change.op === 'remove' ? 'removed' : 'changed';
}
