import { useState } from 'react';

interface Draft {
  text: string;
  /** The value the text was typed against (the value sent for it, or the one kept when none could be). */
  basis: unknown;
}

/**
 * The text an input shows for a value stored in another form (a number as a canonical decimal,
 * JSON as data). What the user typed is kept while the value is still the one it was typed
 * against, or one it means, so "12.5" is not rewritten to "12.50" under their cursor and invalid
 * JSON stays editable; any outside change of the value (a computed field, a reset) wins.
 * `reset` drops the typed text, e.g. on blur to show the canonical form.
 */
export function useDraftText(
  value: unknown,
  format: (value: unknown) => string,
  means: (text: string, value: unknown) => boolean,
): { text: string; type(text: string, basis: unknown): void; reset(): void } {
  const [draft, setDraft] = useState<Draft | null>(null);
  const kept = draft !== null && (Object.is(draft.basis, value) || means(draft.text, value));
  return {
    text: kept ? draft.text : format(value),
    type: (text, basis) => setDraft({ text, basis }),
    reset: () => setDraft(null),
  };
}
