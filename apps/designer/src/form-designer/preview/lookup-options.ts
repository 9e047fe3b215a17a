import type { ApiClient } from '@bankforge/client';
import type { RecordFilter } from '@bankforge/data-model';
import type { LoadOptions } from '@bankforge/form-engine/react';

/** How many records a lookup offers at once in the preview. */
export const LOOKUP_LIMIT = 20;

/** A lookup's options over the records API: the records matching its filter and the search, by label. */
export function lookupOptions(api: ApiClient): LoadOptions {
  return async (source, search) => {
    const parts: RecordFilter[] = [];
    // The form's filter is the records query's filter language, checked by the server.
    if (source.filter) parts.push(source.filter);
    if (search.trim() !== '') parts.push({ field: source.labelField, op: 'contains', value: search.trim() });
    const page = await api.queryRecords(source.entity, {
      ...(parts.length === 0 ? {} : { filter: parts.length === 1 ? parts[0]! : { and: parts } }),
      fields: ['id', source.labelField],
      sort: [{ field: source.labelField }],
      limit: LOOKUP_LIMIT,
    });
    return page.items.map((record) => {
      const label = String(record[source.labelField] ?? record.id);
      return { value: record.id, label: { en: label, 'zh-CN': label } };
    });
  };
}
