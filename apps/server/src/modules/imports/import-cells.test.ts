import type { FieldDefinition } from '@bankforge/data-model';
import { describe, expect, it } from 'vitest';
import { cellToValue } from './import-cells.js';

const segment = {
  id: 'f_segment',
  key: 'segment',
  type: 'singleSelect',
  label: { en: 'Segment', 'zh-CN': '客群' },
  options: [
    { value: 'mass', label: { en: 'Mass', 'zh-CN': '大众' } },
    { value: 'private_banking', label: { en: 'Private banking', 'zh-CN': '私人银行' } },
    // Names the first option's label as its value: the earlier option keeps the name.
    { value: 'Mass', label: { en: 'Mass (legacy)', 'zh-CN': '大众（旧）' } },
  ],
} as FieldDefinition;

describe('a select cell', () => {
  it('names an option by its value, or by its label in either language, loosely as headers are compared', () => {
    expect(cellToValue(segment, 'private_banking')).toBe('private_banking');
    expect(cellToValue(segment, 'Private Banking')).toBe('private_banking');
    expect(cellToValue(segment, 'private-banking')).toBe('private_banking');
    expect(cellToValue(segment, ' 私人银行 ')).toBe('private_banking');
    expect(cellToValue({ ...segment, type: 'multiSelect' } as FieldDefinition, '大众；私人银行')).toEqual(['mass', 'private_banking']);
  });

  it('keeps the earlier option for a name two share, and passes an unknown name on for the validator to refuse', () => {
    expect(cellToValue(segment, 'MASS')).toBe('mass');
    expect(cellToValue(segment, 'Mass')).toBe('mass');
    expect(cellToValue(segment, 'mass (legacy)')).toBe('Mass');
    expect(cellToValue(segment, '贵宾')).toBe('贵宾');
  });
});
