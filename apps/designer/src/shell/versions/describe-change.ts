import type { DocumentChange } from '@bankforge/client';

/** A JSON Pointer as a reader sees it: `/fields/3/label/en` -> `fields › 3 › label › en`. */
export function readablePointer(pointer: string): string {
  if (pointer === '') return '';
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
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
