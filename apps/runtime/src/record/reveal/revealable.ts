import type { RuntimeEntityPage } from '@bankforge/client';

/**
 * The fields of a stored record this reader may reveal: masked for them, and listed by the server
 * as theirs to unmask (the unmask right). A new record has nothing to reveal: its reader types it.
 */
export function revealableFields(page: RuntimeEntityPage, stored: boolean): ReadonlySet<string> {
  if (!stored) return new Set();
  return new Set((page.revealable ?? []).filter((key) => page.fieldAccess?.[key] === 'masked'));
}

/** A reason as the server takes it: 4 to 500 characters once trimmed, counted as people count them. */
export const REVEAL_REASON = { min: 4, max: 500 } as const;

export function reasonLength(reason: string): number {
  return [...reason.trim()].length;
}
