import type { EntityDefinition } from '@bankforge/data-model';
import type { EntityAccess } from '../access/access-profile.js';
import type { FieldAccess, ReaderFieldAccess } from '@bankforge/client';

/** The fields masked for this reader that their roles let them reveal (the unmask right), in the entity's order. */
export function revealableFields(entity: EntityDefinition, access: EntityAccess): string[] {
  if (!access.unmask) return [];
  return entity.fields.filter((field) => access.field(field.key, field.derivedFrom).see === 'masked').map((field) => field.key);
}

/**
 * The entity as this reader sees it, in the words of the role rules: `hidden` (not in their reads),
 * `masked` (read masked), `readonly` (read in clear, refused on write). A record page draws its
 * form from these, so it neither loads a masked value into a checked input nor offers a write the
 * server would refuse.
 */
export function readerFieldAccess(entity: EntityDefinition, access: EntityAccess): ReaderFieldAccess {
  const restricted: Record<string, FieldAccess> = {};
  if (!access.restrictsFields) return restricted;
  for (const field of entity.fields) {
    const view = access.field(field.key, field.derivedFrom);
    if (view.see === 'none') restricted[field.key] = 'hidden';
    else if (view.see === 'masked') restricted[field.key] = 'masked';
    else if (!view.write) restricted[field.key] = 'readonly';
  }
  return restricted;
}
