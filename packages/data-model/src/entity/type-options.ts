import { ENCRYPTABLE_TYPES } from '../field-types/column-shape.js';
import type { FieldType } from './entity-definition.js';

/** The type-specific properties of a field definition. */
export type TypeOption =
  | 'minLength'
  | 'maxLength'
  | 'min'
  | 'max'
  | 'pattern'
  | 'precision'
  | 'scale'
  | 'currencies'
  | 'options'
  | 'reference'
  | 'sensitive'
  | 'patternHint'
  | 'numbering'
  | 'display';

/**
 * Which field types each type-specific property applies to; on any other type the definition
 * rules refuse it as `notApplicable` (and the designer does not offer it).
 */
export const TYPE_OPTION_TYPES: Readonly<Record<TypeOption, readonly FieldType[]>> = {
  minLength: ['text', 'longText', 'email', 'url'],
  maxLength: ['text', 'longText', 'email', 'url'],
  min: ['integer', 'decimal', 'money', 'percentage', 'date', 'datetime'],
  max: ['integer', 'decimal', 'money', 'percentage', 'date', 'datetime'],
  pattern: ['text'],
  precision: ['decimal', 'money', 'percentage'],
  scale: ['decimal', 'money', 'percentage'],
  currencies: ['money'],
  options: ['singleSelect', 'multiSelect'],
  reference: ['reference'],
  // Sensitive values are encrypted at rest, which only text can be: numbers must stay summable.
  sensitive: ENCRYPTABLE_TYPES,
  patternHint: ['text'],
  numbering: ['autoNumber'],
  display: ['multiSelect'],
};

/** Types whose column cannot carry an index (so neither `unique` nor `indexed`). */
export const NOT_INDEXABLE_TYPES: readonly FieldType[] = ['longText', 'json', 'multiSelect'];

export function optionApplies(option: TypeOption, type: FieldType): boolean {
  return TYPE_OPTION_TYPES[option].includes(type);
}

export function isIndexable(type: FieldType): boolean {
  return !NOT_INDEXABLE_TYPES.includes(type);
}
