/** Which layout node an error addresses, for a problem list whose entries select the node. */
import { pointerTokens } from '@bankforge/data-model';

/**
 * The id of the innermost node, column or tab on the way down a JSON Pointer into the form
 * document (`/layout/0/children/2/visibleWhen` -> that field's id); null outside the layout.
 */
export function nodeIdAtPointer(form: unknown, pointer: string): string | null {
  const segments = pointerTokens(pointer);
  if (segments[0] !== 'layout') return null;
  let current: unknown = form;
  let id: string | null = null;
  for (const segment of segments) {
    if (typeof current !== 'object' || current === null) break;
    current = (current as Record<string, unknown>)[segment];
    if (typeof current === 'object' && current !== null && !Array.isArray(current)) {
      const candidate = (current as Record<string, unknown>).id;
      if (typeof candidate === 'string') id = candidate;
    }
  }
  return id;
}
