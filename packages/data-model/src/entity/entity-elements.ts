/** An entity's fields and their options as versions are compared: by the field's id, named by its label. */
import type { ArtifactElement } from '@bankforge/rule-engine';
import { pointer } from '../json-pointer/json-pointer.js';
import type { EntityDefinition } from './entity-definition.js';

/**
 * A field is matched by its `id`, which survives a rename of its key (the column is renamed, not
 * dropped), so a renamed field reads as "key full_name → name" rather than one removed and one added.
 * An option is matched by its stored value within its field.
 */
export function entityElements(entity: EntityDefinition): ArtifactElement[] {
  return entity.fields.flatMap((field, index) => {
    const path = pointer('fields', index);
    const id = field.id || field.key;
    const options = (field.options ?? []).map(
      (option, n): ArtifactElement => ({ type: 'option', id: `${id}/${option.value}`, path: `${path}${pointer('options', n)}`, label: option.label }),
    );
    return [{ type: 'field', id, path, label: field.label }, ...options];
  });
}
