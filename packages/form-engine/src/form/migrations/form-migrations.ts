import { FORM_SCHEMA_VERSION, type FormDefinition } from '../form-definition.js';
import { defineMigrations, type Migrated } from '@bankforge/data-model';

/**
 * Changes of the form artifact's format. To change it: raise FORM_SCHEMA_VERSION, append the
 * step migrating to it here, and add a stored document of the old format to the fixtures.
 */
export const formMigrations = defineMigrations<FormDefinition>('form', FORM_SCHEMA_VERSION, []);

/**
 * A stored form document (draft, published version or imported bundle) in the current format.
 * Check the result against `formArtifactSchema`: migration changes the format, it does not
 * validate. Throws a `MigrationError` (`schemaVersionTooNew` for documents of a newer release).
 */
export function migrateFormDocument(document: unknown): Migrated<FormDefinition> {
  return formMigrations.migrate(document);
}
