/**
 * Where a related list leads: the related entity's list filtered to the record (`?customer=<id>`),
 * and its new-record form with the reference filled in (the same parameter). Only a reference
 * field's key is read back from these parameters, so a link cannot prefill anything else.
 */
export function relatedListUrl(app: string, entity: string, via: string, recordId: string): string {
  return `/${app}/${entity}?${new URLSearchParams({ [via]: recordId }).toString()}`;
}

export function newRelatedUrl(app: string, entity: string, via: string, recordId: string): string {
  return `/${app}/${entity}/new?${new URLSearchParams({ [via]: recordId }).toString()}`;
}

/** The reference values a page's search parameters give: only for the entity's reference fields, only ids. */
export function referencePrefill(fields: readonly { key: string; type: string }[], params: URLSearchParams): Record<string, string> {
  const prefill: Record<string, string> = {};
  for (const field of fields) {
    const value = params.get(field.key);
    if (field.type === 'reference' && value !== null && /^[0-9A-Za-z-]{1,36}$/.test(value)) prefill[field.key] = value;
  }
  return prefill;
}
