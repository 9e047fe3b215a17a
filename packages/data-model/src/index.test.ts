import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('public API', () => {
  it('exports the data model and nothing of Ajv', () => {
    for (const name of [
      'FIELD_TYPES',
      'SYSTEM_FIELDS',
      'IDENTIFIER_PATTERN',
      'isMainlandMobile',
      'validateResidentId',
      'residentIdCheckCharacter',
      'ISO_CURRENCIES',
      'isIsoCurrency',
      'canonicalDecimal',
      'decimalFits',
      'compareDecimal',
      'isIsoDate',
      'canonicalDatetime',
      'columnKind',
      'stringLength',
      'decimalShape',
      'entityArtifactSchema',
      'validateEntityDefinition',
      'normalizeRecordValues',
      'applyFieldDefaults',
      'recordJsonSchema',
      'compileRecordValidator',
    ]) {
      expect(api, name).toHaveProperty(name);
    }
    expect(Object.keys(api).filter((name) => /ajv/i.test(name))).toEqual([]);
  });
});
