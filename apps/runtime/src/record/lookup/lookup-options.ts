import type { ApiClient, FilterOperator, QueryFilter } from '@bankforge/client';
import type { LoadOptions, LookupSource } from '@bankforge/form-engine/react';

/** How many records a lookup offers at a time: enough to choose from, few enough to read. */
export const LOOKUP_LIMIT = 20;

const OPERATORS: ReadonlySet<string> = new Set<FilterOperator>(['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'contains', 'startsWith', 'isNull', 'between']);

type FormFilter = NonNullable<LookupSource['filter']>;

/** A form's lookup filter as the query API takes it (the form artifact keeps operators as plain strings). */
export function asQueryFilter(filter: FormFilter): QueryFilter {
  if ('and' in filter) return { and: filter.and.map(asQueryFilter) };
  if ('or' in filter) return { or: filter.or.map(asQueryFilter) };
  if (!OPERATORS.has(filter.op)) throw new RangeError(`${filter.op} is not an operator of the records query`);
  return { field: filter.field, op: filter.op as FilterOperator, ...('value' in filter ? { value: filter.value } : {}) };
}

/** The records a lookup offers: those of the source's filter whose label contains the search, labelled by it. */
export function lookupOptions(api: ApiClient): LoadOptions {
  return async (source, search) => {
    const conditions: QueryFilter[] = [];
    if (source.filter) conditions.push(asQueryFilter(source.filter));
    const text = search.trim();
    if (text) conditions.push({ field: source.labelField, op: 'contains', value: text });
    const page = await api.queryRecords(source.entity, {
      ...(conditions.length > 0 ? { filter: { and: conditions } } : {}),
      fields: [source.labelField],
      limit: LOOKUP_LIMIT,
    });
    return page.items.map((item) => {
      const label = item[source.labelField];
      const text = typeof label === 'string' || typeof label === 'number' ? String(label) : item.id;
      // A record's label is data, the same in both languages.
      return { value: item.id, label: { en: text, 'zh-CN': text } };
    });
  };
}
