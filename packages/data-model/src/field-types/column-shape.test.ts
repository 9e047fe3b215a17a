import { describe, expect, it } from 'vitest';
import { FIELD_TYPES } from '../entity/entity-definition.js';
import { field } from '../testing/fixtures.js';
import { columnKind, decimalShape, moneyCurrencyColumn, stringLength } from './column-shape.js';

describe('columnKind', () => {
  it('maps every field type', () => {
    const kinds = Object.fromEntries(FIELD_TYPES.map((type) => [type, columnKind(field('x', type))]));
    expect(kinds).toEqual({
      text: 'string',
      longText: 'text',
      integer: 'integer',
      decimal: 'decimal',
      money: 'money',
      percentage: 'decimal',
      boolean: 'boolean',
      date: 'date',
      datetime: 'datetime',
      singleSelect: 'string',
      multiSelect: 'json',
      reference: 'string',
      email: 'string',
      mobile: 'string',
      residentId: 'string',
      url: 'string',
      autoNumber: 'string',
      json: 'json',
    });
  });
});

describe('stringLength', () => {
  it('gives the column length of every string-stored type', () => {
    expect(stringLength(field('x', 'text'))).toBe(255);
    expect(stringLength(field('x', 'text', { maxLength: 40 }))).toBe(40);
    expect(stringLength(field('x', 'email'))).toBe(254);
    // Any pattern's numbers fit, so a changed pattern needs no column change.
    expect(stringLength(field('x', 'autoNumber'))).toBe(64);
    expect(stringLength(field('x', 'url'))).toBe(2048);
    expect(stringLength(field('x', 'mobile'))).toBe(11);
    expect(stringLength(field('x', 'residentId'))).toBe(18);
    expect(stringLength(field('x', 'singleSelect'))).toBe(64);
    expect(stringLength(field('x', 'reference'))).toBe(36);
  });

  it('covers exactly the types whose column kind is string', () => {
    for (const type of FIELD_TYPES) {
      const f = field('x', type);
      if (columnKind(f) === 'string') expect(stringLength(f)).toBeGreaterThan(0);
      else expect(() => stringLength(f)).toThrow(RangeError);
    }
  });
});

describe('decimalShape', () => {
  it('has defaults per type', () => {
    expect(decimalShape(field('x', 'decimal'))).toEqual({ precision: 18, scale: 4 });
    expect(decimalShape(field('x', 'money'))).toEqual({ precision: 18, scale: 2 });
    expect(decimalShape(field('x', 'percentage'))).toEqual({ precision: 9, scale: 4 });
  });

  it('takes precision and scale from the field', () => {
    expect(decimalShape(field('x', 'decimal', { precision: 10, scale: 0 }))).toEqual({
      precision: 10,
      scale: 0,
    });
    expect(decimalShape(field('x', 'money', { scale: 4 }))).toEqual({ precision: 18, scale: 4 });
  });

  it('refuses other types', () => {
    expect(() => decimalShape(field('x', 'integer'))).toThrow(RangeError);
  });
});

describe('moneyCurrencyColumn', () => {
  it('appends _currency', () => {
    expect(moneyCurrencyColumn('balance')).toBe('balance_currency');
  });
});
