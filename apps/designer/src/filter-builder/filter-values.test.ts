// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { newCondition, operatorsFor, parameterOf, parseTyped, periodChoice, periodValue, typedText, valueFor, valueShape } from './filter-values.js';

describe('filter condition values', () => {
  it('offers the operators the data model allows for the field’s type', () => {
    expect(operatorsFor('boolean')).toEqual(['eq', 'ne', 'isNull']);
    expect(operatorsFor('datetime')).toContain('within');
    expect(operatorsFor('text')).not.toContain('within');
    expect(operatorsFor('multi')).toEqual(['contains', 'isNull']);
    expect(operatorsFor(undefined)).toHaveLength(13);
  });

  it('starts a condition with equality, or what the type has', () => {
    expect(newCondition('status', 'text')).toEqual({ field: 'status', op: 'eq', value: '' });
    expect(newCondition('tags', 'multi')).toEqual({ field: 'tags', op: 'contains', value: '' });
    expect(newCondition('flag', 'boolean')).toEqual({ field: 'flag', op: 'eq', value: true });
    expect(newCondition('data', 'json')).toEqual({ field: 'data', op: 'isNull', value: true });
  });

  it('carries the value over to another operator where it fits', () => {
    expect(valueShape('between')).toBe('range');
    expect(valueFor('in', 'text', 'approved')).toEqual(['approved']);
    expect(valueFor('eq', 'text', ['approved', 'rejected'])).toBe('approved');
    expect(valueFor('between', 'integer', 5)).toEqual([5, '']);
    expect(valueFor('within', 'date', 'x')).toBe('thisMonth');
    expect(valueFor('within', 'date', { last: 3, unit: 'month' })).toEqual({ last: 3, unit: 'month' });
    expect(valueFor('gte', 'date', { param: 'since' })).toEqual({ param: 'since' });
    expect(valueFor('isNull', 'date', { param: 'since' })).toBe(true);
    expect(valueFor('eq', 'date', true)).toBe('');
    expect(parameterOf({ param: 'since' })).toBe('since');
    expect(parameterOf('since')).toBeUndefined();
  });

  it('reads typed text as the field’s type, leaving what does not read for the check to flag', () => {
    expect(parseTyped('42', 'integer')).toBe(42);
    expect(parseTyped('4.5', 'integer')).toBe('4.5');
    expect(parseTyped('1000000.50', 'decimal')).toBe(1000000.5);
    expect(parseTyped('true', 'boolean')).toBe(true);
    expect(parseTyped('2026-01-01', 'date')).toBe('2026-01-01');
    expect(typedText(undefined)).toBe('');
    expect(typedText(12)).toBe('12');
  });

  it('splits a period into its parts and back', () => {
    expect(periodChoice('thisQuarter')).toEqual({ kind: 'named', name: 'thisQuarter' });
    expect(periodChoice({ last: 30, unit: 'day' })).toEqual({ kind: 'last', count: 30, unit: 'day' });
    expect(periodValue({ kind: 'next', count: 2, unit: 'week' })).toEqual({ next: 2, unit: 'week' });
    expect(periodChoice(null)).toEqual({ kind: 'named', name: 'thisMonth' });
  });
});
