import type { ApiClient } from '@bankforge/client';
import { FILTER_OPERATORS, type FilterOperator, type RecordFilter } from '@bankforge/data-model';
import type { LoadOptions } from '@bankforge/form-engine/react';

/** How many records a lookup offers at a time: enough to choose from, few enough to read. */
export const LOOKUP_LIMIT = 20;

const OPERATORS: ReadonlySet<string> = new Set(FILTER_OPERATORS);

/** A lookup filter as a published form holds it: forms published before the form schema checked operators may hold any word. */
type StoredLookupFilter = { and: StoredLookupFilter[] } | { or: StoredLookupFilter[] } | { not: StoredLookupFilter } | { field: string; op: string; value?: unknown };

/** A form's lookup filter as the query API takes it, refusing an operator the query does not have. */
export function asRecordFilter(filter: StoredLookupFilter): RecordFilter {
  if ('and' in filter) return { and: filter.and.map(asRecordFilter) };
  if ('or' in filter) return { or: filter.or.map(asRecordFilter) };
  if ('not' in filter) return { not: asRecordFilter(filter.not) };
  if (!OPERATORS.has(filter.op)) throw new RangeError(`${filter.op} is not an operator of the records query`);
  return { field: filter.field, op: filter.op as FilterOperator, ...('value' in filter ? { value: filter.value } : {}) };
}

/**
 * The records a lookup offers: those of the source's filter whose label field contains the search,
 * named by their titles (one batched lookup for the page), the label field standing in for a record without one.
 */
export function lookupOptions(api: ApiClient): LoadOptions {
  return async (source, search) => {
    const conditions: RecordFilter[] = [];
    if (source.filter) conditions.push(asRecordFilter(source.filter));
    const text = search.trim();
    if (text) conditions.push({ field: source.labelField, op: 'contains', value: text });
    const page = await api.queryRecords(source.entity, {
      ...(conditions.length > 0 ? { filter: { and: conditions } } : {}),
      fields: [source.labelField],
      limit: LOOKUP_LIMIT,
    });
    const { titles } = page.items.length > 0 ? await api.recordTitles(source.entity, page.items.map((item) => item.id)) : { titles: {} as Record<string, string> };
    return page.items.map((item) => {
      const label = item[source.labelField];
      const text = titles[item.id] || (typeof label === 'string' || typeof label === 'number' ? String(label) : item.id);
      // A record's title is data, the same in both languages.
      return { value: item.id, label: { en: text, 'zh-CN': text } };
    });
  };
}
