import { describe, expect, it } from 'vitest';
import { isIndexable, optionApplies } from './type-options.js';

describe('type options', () => {
  it('answers which options a type takes and which types can be indexed', () => {
    expect(optionApplies('currencies', 'money')).toBe(true);
    expect(optionApplies('currencies', 'decimal')).toBe(false);
    expect(optionApplies('pattern', 'text')).toBe(true);
    expect(optionApplies('pattern', 'email')).toBe(false);
    expect(optionApplies('sensitive', 'residentId')).toBe(true);
    expect(optionApplies('sensitive', 'integer')).toBe(false);
    expect(isIndexable('text')).toBe(true);
    expect(isIndexable('multiSelect')).toBe(false);
  });
});
