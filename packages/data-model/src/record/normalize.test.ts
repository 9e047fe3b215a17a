import { describe, expect, it } from 'vitest';
import { FIELD_TYPES } from '../entity/entity-definition.js';
import { EVERY_TYPE, entityOf, field } from '../testing/fixtures.js';
import { normalizeRecordValues } from './normalize.js';
import { compileRecordValidator } from './record-validator.js';

const entity = entityOf(...EVERY_TYPE.map((t) => t.field), field('small_rate', 'decimal', { scale: 2 }));
const normalize = (values: Record<string, unknown>) => normalizeRecordValues(entity, values);

describe('normalizeRecordValues', () => {
  it('writes decimals and percentages as exact strings with the field scale', () => {
    expect(normalize({ rate: 12.5, share: '12.5', small_rate: '0012.5' })).toEqual({
      rate: '12.5000',
      share: '12.5000',
      small_rate: '12.50',
    });
    expect(normalize({ rate: '-0', small_rate: ' 7 ' })).toEqual({ rate: '0.0000', small_rate: '7.00' });
  });

  it('leaves decimals it would have to round, or cannot read, for the validator', () => {
    expect(normalize({ small_rate: '12.345', rate: '1e3', share: 0.1 + 0.2 })).toEqual({
      small_rate: '12.345',
      rate: '1e3',
      share: 0.1 + 0.2,
    });
  });

  it('canonicalises money amount and currency', () => {
    expect(normalize({ balance: { amount: 12.5, currency: ' cny ' } })).toEqual({
      balance: { amount: '12.50', currency: 'CNY' },
    });
    expect(normalize({ balance: { amount: '1000', currency: 'usd' } })).toEqual({
      balance: { amount: '1000.00', currency: 'USD' },
    });
    expect(normalize({ balance: { amount: 'abc', currency: 5 } })).toEqual({
      balance: { amount: 'abc', currency: 5 },
    });
  });

  it('converts date-times to UTC', () => {
    expect(normalize({ contacted_at: '2024-03-01T08:00:00+08:00' })).toEqual({
      contacted_at: '2024-03-01T00:00:00.000Z',
    });
    expect(normalize({ contacted_at: '2023-02-30T08:00:00+08:00' })).toEqual({
      contacted_at: '2023-02-30T08:00:00+08:00',
    });
  });

  it('trims text, email, mobile and url; upper-cases resident IDs', () => {
    expect(
      normalize({
        name: '  Wang Fang ',
        email: ' wang@example.com\n',
        mobile: ' 138 0013-8000 ',
        homepage: ' https://example.com ',
        resident_id: ' 11010519491231002x ',
        notes: '  indented\n',
      }),
    ).toEqual({
      name: 'Wang Fang',
      email: 'wang@example.com',
      mobile: '13800138000',
      homepage: 'https://example.com',
      resident_id: '11010519491231002X',
      notes: '  indented\n',
    });
  });

  it('reads integers and booleans written as text', () => {
    expect(normalize({ age: '42', vip: 'false' })).toEqual({ age: 42, vip: false });
    expect(normalize({ age: '4.2', vip: 'no' })).toEqual({ age: '4.2', vip: 'no' });
    expect(normalize({ age: '9007199254740993' })).toEqual({ age: '9007199254740993' });
  });

  it('turns "" (and blank text) into null for every type but json', () => {
    for (const type of FIELD_TYPES) {
      const key = EVERY_TYPE.find((t) => t.field.type === type)?.field.key ?? '';
      expect(normalize({ [key]: '' })[key], type).toBe(type === 'json' ? '' : null);
    }
    expect(normalize({ name: '   ', notes: ' \n ' })).toEqual({ name: null, notes: null });
  });

  it('copies unknown keys unchanged and does not touch the input', () => {
    const input = { name: ' x ', nope: ' y ', balance: { amount: 1, currency: 'cny' } };
    const output = normalize(input);
    expect(output).toEqual({ name: 'x', nope: ' y ', balance: { amount: '1.00', currency: 'CNY' } });
    expect(input).toEqual({ name: ' x ', nope: ' y ', balance: { amount: 1, currency: 'cny' } });
  });

  it('keeps a __proto__ key a key, so the validator reports it', () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "name": "x"}') as Record<string, unknown>;
    const output = normalize(input);
    expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
    expect(Object.keys(output)).toEqual(['__proto__', 'name']);
    const errors = compileRecordValidator(entity)(output);
    expect(errors.map((e) => [e.code, e.path])).toEqual([['unknownField', '/__proto__']]);
  });

  it('makes typical form input valid', () => {
    const validate = compileRecordValidator(entity);
    const values = normalize({
      name: ' Wang ',
      age: '42',
      rate: 3.5,
      share: '7',
      balance: { amount: '99.9', currency: 'hkd' },
      contacted_at: '2024-03-01T08:00+08:00',
      mobile: '139 1234 5678',
      resident_id: '11010519491231002x',
      email: '',
    });
    expect(validate(values)).toEqual([]);
  });
});
