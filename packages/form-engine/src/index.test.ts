import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('public API', () => {
  it('exports the form engine, and leaves entities and records to @bankforge/data-model', () => {
    for (const name of ['compileForm', 'FormModel', 'evaluateSubmission', 'formArtifactSchema', 'migrateFormDocument', 'formKind']) {
      expect(api, name).toHaveProperty(name);
    }
    for (const name of ['FIELD_TYPES', 'compileRecordValidator', 'entityKind', 'normalizeRecordValues']) {
      expect(api, name).not.toHaveProperty(name);
    }
    expect(Object.keys(api).filter((name) => /ajv/i.test(name))).toEqual([]);
  });
});
