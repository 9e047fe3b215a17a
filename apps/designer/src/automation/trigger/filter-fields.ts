import { valueTypeOf, type EntityDefinition } from '@bankforge/data-model';
import type { FilterFieldChoice } from '../../filter-builder/builder-context.js';
import { localized, type DesignerLanguage } from '../../form-designer/workspace/localized.js';

/**
 * The fields a schedule's filter may compare: the entity's own, by their label. A sensitive field
 * is left out (a filter on it would tell who holds which value by who is reached), as is a JSON
 * field (no comparison applies to it).
 */
export function scheduleFilterFields(entity: EntityDefinition | undefined, language: DesignerLanguage): FilterFieldChoice[] {
  if (!entity) return [];
  const group = localized(entity.label, language) || entity.key;
  return entity.fields
    .filter((f) => !f.sensitive && valueTypeOf(f) !== 'json')
    .map((f): FilterFieldChoice => ({ path: f.key, type: valueTypeOf(f), label: localized(f.label, language) || f.key, group, ...(f.options ? { options: f.options } : {}) }));
}
