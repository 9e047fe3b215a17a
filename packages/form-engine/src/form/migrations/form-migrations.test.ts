import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { compileForm } from '../compile-form.js';
import { FORM_SCHEMA_VERSION } from '../form-definition.js';
import { formArtifactSchema } from '../form-schema.js';
import { migrateEntityDocument } from '@bankforge/data-model';
import { storedEntityDocument } from '@bankforge/data-model/testing';
import { formMigrations, migrateFormDocument } from './form-migrations.js';

/** A stored document, as an older release wrote it. */
const stored = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`fixtures/${name}.json`, import.meta.url), 'utf8'));

/** Every stored form document in the fixtures, with the version it was stored in. */
const storedForms: Array<[string, number]> = readdirSync(new URL('fixtures/', import.meta.url))
  .filter((file) => file.startsWith('form-') && file.endsWith('.json'))
  .map((file) => file.slice(0, -'.json'.length))
  .map((name) => [name, (stored(name) as { schemaVersion?: number }).schemaVersion ?? 1]);

const validForm = new Ajv({ allErrors: true, strict: false }).compile(formArtifactSchema);

describe('migrateFormDocument', () => {
  it('has a step for every format version, and fixtures with and without schemaVersion', () => {
    expect(formMigrations.currentVersion).toBe(FORM_SCHEMA_VERSION);
    expect(storedForms.map(([name]) => name)).toEqual(
      expect.arrayContaining(['form-customer-v1', 'form-customer-unversioned']),
    );
  });

  it.each(storedForms)('loads %s, stored in version %i, into a valid current form', (name, from) => {
    const { document, migratedFrom } = migrateFormDocument(stored(name));
    expect(migratedFrom).toBe(from);
    expect(document.schemaVersion).toBe(FORM_SCHEMA_VERSION);
    expect(validForm(document), JSON.stringify(validForm.errors)).toBe(true);
  });

  it('loads a version-1 form that still compiles against its version-1 entities', () => {
    const customer = migrateEntityDocument(storedEntityDocument('entity-customer-v1')).document;
    const contact = migrateEntityDocument(storedEntityDocument('entity-contact-unversioned')).document;
    const { document } = migrateFormDocument(stored('form-customer-v1'));
    expect(compileForm(document, { customer, contact }).errors).toEqual([]);
  });

  it('refuses a form saved by a newer release', () => {
    const newer = { ...(stored('form-customer-v1') as object), schemaVersion: FORM_SCHEMA_VERSION + 1 };
    expect(() => migrateFormDocument(newer)).toThrow(
      expect.objectContaining({ code: 'schemaVersionTooNew' }),
    );
  });

  it('refuses an entity where a form is expected', () => {
    expect(() => migrateFormDocument(storedEntityDocument('entity-customer-v1'))).toThrow(
      expect.objectContaining({ code: 'wrongKind' }),
    );
  });
});
