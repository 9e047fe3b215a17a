import { describe, expect, it } from 'vitest';
import type { EntityDefinition, FieldDefinition } from './entity-definition.js';
import { entityOf, field } from '../testing/fixtures.js';
import { validateEntityDefinition } from './validate-entity-definition.js';

const errorsOf = (...fields: FieldDefinition[]) => validateEntityDefinition(entityOf(...fields) as EntityDefinition);
const loanNo = (extra: Partial<FieldDefinition> = {}) => field('loan_no', 'autoNumber', { numbering: 'LA{yyyyMM}{seq:6}', unique: true, ...extra });

describe('auto-numbered fields in the entity definition', () => {
  it('accepts a unique field with a usable numbering pattern', () => {
    expect(errorsOf(loanNo())).toEqual([]);
  });

  it('says in both languages why a pattern cannot be used', () => {
    const [error] = errorsOf(loanNo({ numbering: 'LA{MM}{seq:6}' }));
    expect(error).toMatchObject({ path: '/fields/0/numbering', code: 'invalidNumbering' });
    expect(error?.message).toBe('Field "loan_no": "LA{MM}{seq:6}" cannot be used as a numbering pattern: MM without a year (yyyy or yy) would give the same numbers every year');
    expect(error?.messageZh).toContain('每年会产生相同的编号');
  });

  it('needs a pattern, unique, and no default', () => {
    const { numbering: _numbering, ...bare } = loanNo({ unique: undefined, default: 'LA1' });
    expect(errorsOf(bare as FieldDefinition).map((e) => [e.code, e.path])).toEqual([
      ['numberingRequired', '/fields/0/numbering'],
      ['autoNumberUnique', '/fields/0/unique'],
      ['notApplicable', '/fields/0/default'],
    ]);
  });

  it('takes numbering only on autoNumber fields, and a pattern hint only on text', () => {
    const hint = { en: 'C then ten digits', 'zh-CN': 'C 加 10 位数字' };
    expect(errorsOf(field('customer_no', 'text', { pattern: '^C[0-9]{10}$', patternHint: hint }))).toEqual([]);
    expect(errorsOf(field('code', 'text', { numbering: 'X{seq:3}' }), field('age', 'integer', { patternHint: hint })).map((e) => [e.code, e.path])).toEqual([
      ['notApplicable', '/fields/0/numbering'],
      ['notApplicable', '/fields/1/patternHint'],
    ]);
  });
});
