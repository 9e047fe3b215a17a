import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateEntityDefinition } from './validate-entity-definition.js';
import { ENTITY_SCHEMA_VERSION, entityMigrations, migrateEntityDocument } from './entity-migrations.js';

/** A stored document, as an older release wrote it. */
const stored = (file: string): unknown =>
  JSON.parse(readFileSync(new URL(`fixtures/${file}`, import.meta.url), 'utf8'));

/** Every stored entity document in the fixtures, with the version it was stored in. */
const storedEntities: Array<[string, number]> = readdirSync(new URL('fixtures/', import.meta.url))
  .filter((file) => file.startsWith('entity-') && file.endsWith('.json'))
  .map((file) => [file, (stored(file) as { schemaVersion?: number }).schemaVersion ?? 1]);

describe('migrateEntityDocument', () => {
  it('has a step for every format version, and fixtures with and without schemaVersion', () => {
    expect(entityMigrations.currentVersion).toBe(ENTITY_SCHEMA_VERSION);
    expect(storedEntities.map(([file]) => file)).toEqual(
      expect.arrayContaining(['entity-customer-v1.json', 'entity-contact-unversioned.json']),
    );
  });

  it.each(storedEntities)('loads %s, stored in version %i, into a valid current entity', (file, from) => {
    const { document, migratedFrom } = migrateEntityDocument(stored(file));
    expect(migratedFrom).toBe(from);
    expect(document.schemaVersion).toBe(ENTITY_SCHEMA_VERSION);
    expect(validateEntityDefinition(document)).toEqual([]);
  });

  it('refuses an entity saved by a newer release', () => {
    expect(() => migrateEntityDocument({ kind: 'entity', schemaVersion: ENTITY_SCHEMA_VERSION + 1 })).toThrow(
      expect.objectContaining({ code: 'schemaVersionTooNew' }),
    );
  });
});
