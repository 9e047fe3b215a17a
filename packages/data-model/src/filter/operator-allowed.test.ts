import { describe, expect, it } from 'vitest';
import type { ValueType } from '../sql/value-type.js';
import { operatorAllowed } from './operator-allowed.js';
import { FILTER_OPERATORS, type FilterOperator } from './record-filter.js';

/** The operators each type answers, written out by hand. */
const ALLOWED: Record<ValueType, FilterOperator[]> = {
  text: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'contains', 'startsWith', 'isNull', 'between'],
  integer: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'isNull', 'between'],
  decimal: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'isNull', 'between'],
  boolean: ['eq', 'ne', 'isNull'],
  date: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'isNull', 'between', 'within'],
  datetime: ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'isNull', 'between', 'within'],
  multi: ['contains', 'isNull'],
  json: ['isNull'],
};

describe('which operators apply to which values', () => {
  it.each(Object.entries(ALLOWED))('%s answers exactly its operators', (type, allowed) => {
    expect(FILTER_OPERATORS.filter((op) => operatorAllowed(type as ValueType, op))).toEqual(allowed);
  });

  it('refuses an operator the language does not have', () => {
    expect(operatorAllowed('text', 'like' as FilterOperator)).toBe(false);
    expect(operatorAllowed('text', undefined as unknown as FilterOperator)).toBe(false);
  });
});
