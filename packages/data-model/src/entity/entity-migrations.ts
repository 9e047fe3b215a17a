import type { EntityDefinition } from './entity-definition.js';
import { defineMigrations, type Migrated } from '../migrations/migration-registry.js';

/** The version of the entity artifact's format that this package writes. */
export const ENTITY_SCHEMA_VERSION = 1;

/** Changes of the entity artifact's format (see `formMigrations` for how to add one). */
export const entityMigrations = defineMigrations<EntityDefinition>('entity', ENTITY_SCHEMA_VERSION, []);

/** A stored entity document in the current format; validate it with `validateEntityDefinition`. */
export function migrateEntityDocument(document: unknown): Migrated<EntityDefinition> {
  return entityMigrations.migrate(document);
}
