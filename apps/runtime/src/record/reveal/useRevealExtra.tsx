import type { RuntimeEntityPage } from '@bankforge/client';
import { useMemo, type ReactNode } from 'react';
import { revealableFields } from './revealable.js';
import { RevealControl } from './RevealControl.js';

/**
 * What a stored record's form draws beside each field the reader may reveal (masked for them,
 * theirs to unmask, and holding a value: an empty one has nothing to reveal, and each reveal is
 * audited): a Reveal control. Undefined when there is none (a new record, no unmask right).
 */
export function useRevealExtra(page: RuntimeEntityPage, record: Readonly<Record<string, unknown>> | null, recordId: string | undefined): ((fieldKey: string) => ReactNode) | undefined {
  return useMemo(() => {
    const keys = new Set([...revealableFields(page, recordId !== undefined)].filter((key) => record !== null && record[key] !== null && record[key] !== undefined && record[key] !== ''));
    if (recordId === undefined || keys.size === 0) return undefined;
    const fields = new Map(page.entity.fields.map((field) => [field.key, field]));
    return (fieldKey: string) => {
      const field = fields.get(fieldKey);
      return field && keys.has(fieldKey) ? <RevealControl entity={page.entity.key} recordId={recordId} field={field} /> : undefined;
    };
  }, [page, record, recordId]);
}
