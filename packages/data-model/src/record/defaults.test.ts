import { describe, expect, it } from 'vitest';
import { entityOf, field, options } from '../testing/fixtures.js';
import { applyFieldDefaults } from './defaults.js';
import { compileRecordValidator } from './record-validator.js';

const entity = entityOf(
  field('status', 'singleSelect', { options: options('new', 'active'), default: 'new' }),
  field('vip', 'boolean', { default: false }),
  field('credit_limit', 'money', { default: { amount: 0, currency: 'cny' } }),
  field('rate', 'decimal', { default: 1.5 }),
  field('tags', 'multiSelect', { options: options('a', 'b'), default: ['a'] }),
  field('name', 'text'),
);

describe('applyFieldDefaults', () => {
  it('fills absent fields with their normalised defaults', () => {
    expect(applyFieldDefaults(entity, { name: 'Wang' })).toEqual({
      name: 'Wang',
      status: 'new',
      vip: false,
      credit_limit: { amount: '0.00', currency: 'CNY' },
      rate: '1.5000',
      tags: ['a'],
    });
  });

  it('keeps present values, null and false included', () => {
    expect(applyFieldDefaults(entity, { status: 'active', vip: null, tags: [] })).toMatchObject({
      status: 'active',
      vip: null,
      tags: [],
    });
  });

  it('treats undefined as absent', () => {
    expect(applyFieldDefaults(entity, { vip: undefined }).vip).toBe(false);
  });

  it('gives each record its own copy of object defaults', () => {
    const a = applyFieldDefaults(entity, {});
    (a.tags as string[]).push('b');
    expect(applyFieldDefaults(entity, {}).tags).toEqual(['a']);
    expect(entity.fields.find((f) => f.key === 'tags')?.default).toEqual(['a']);
  });

  it('does not touch its input and yields a valid record', () => {
    const input = { name: 'Wang' };
    const output = applyFieldDefaults(entity, input);
    expect(input).toEqual({ name: 'Wang' });
    expect(compileRecordValidator(entity)(output)).toEqual([]);
  });
});
