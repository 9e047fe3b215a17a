import { FORM_SCHEMA_VERSION, type FormDefinition } from '@bankforge/form-engine';
import { IdAllocator, newSection } from '../tree/new-nodes.js';

/** A form not stored yet: bound to `entity` (empty: to be chosen), with one section to draw in. */
export function newFormDraft(key: string, entity: string): FormDefinition {
  return {
    kind: 'form',
    key,
    title: key,
    schemaVersion: FORM_SCHEMA_VERSION,
    entity,
    label: { en: key, 'zh-CN': key },
    layout: [newSection(new IdAllocator([]))],
    validations: [],
  };
}
