import type { FieldDefinition } from '@bankforge/data-model';

/** Record and user ids as the server makes them. */
const ID = /^[0-9A-Za-z-]{1,36}$/;

/** The filters a link opens an entity's list with. */
export interface LinkFilters {
  /** Column filters by field key. */
  columns: Record<string, string>;
  /** The records of one owner (an RM), by user id. */
  owner?: string;
}

/**
 * What a link's search parameters filter a list by: a reference by its record's id (`?customer=<id>`,
 * a related list's "View all"), a single-select field by one of its options (`?segment=vip`) and the
 * owner by a user id (`?owner_id=<id>`: a dashboard's drill from an RM to the RM's customers).
 * Nothing else is read, and only values the field can hold.
 */
export function linkFilters(fields: readonly Pick<FieldDefinition, 'key' | 'type' | 'options'>[], params: URLSearchParams): LinkFilters {
  const columns: Record<string, string> = {};
  for (const field of fields) {
    const value = params.get(field.key);
    if (value === null) continue;
    if (field.type === 'reference' && ID.test(value)) columns[field.key] = value;
    if (field.type === 'singleSelect' && field.options?.some((option) => option.value === value)) columns[field.key] = value;
  }
  const owner = params.get('owner_id');
  return owner !== null && ID.test(owner) ? { columns, owner } : { columns };
}

/** What a link to a list may carry besides its search: the name of the owner it filters by (a dashboard knows it). */
export interface ListLinkState {
  ownerName?: string;
}
