import { isEncrypted, type FieldDefinition } from '@bankforge/data-model';
import type { EntityCatalog, ReportField } from '@bankforge/report-engine';
import type { Actor } from '../access/actor.js';

/** The entity field behind a report field; undefined for a standard column (`owner_id`, `created_at`). */
export function definitionOf(catalog: EntityCatalog, field: ReportField): FieldDefinition | undefined {
  return catalog.get(field.entity)?.fields.find((f) => f.key === field.field);
}

/**
 * Whether a reader may filter a widget by the field: one they read in clear. A masked field would
 * tell its values through the figures (a yes or no per guess), a hidden one exists not for them,
 * and one encrypted at rest the database cannot compare. The view offers only these; a run with
 * any other is refused by the report's field rules.
 */
export function mayFilterOn(actor: Actor, catalog: EntityCatalog, field: ReportField): boolean {
  const access = actor.access.entity(field.entity);
  const definition = definitionOf(catalog, field);
  if (access.scope('read') === undefined || (definition && isEncrypted(definition))) return false;
  return access.field(field.field, definition?.derivedFrom).see === 'clear';
}
