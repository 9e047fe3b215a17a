import { ENCRYPTABLE_TYPES, type FieldDefinition, type FieldType } from '@bankforge/form-engine';

/** The type-specific options of a field. */
export type TypeOption = 'minLength' | 'maxLength' | 'min' | 'max' | 'pattern' | 'precision' | 'scale' | 'currencies' | 'options' | 'reference' | 'sensitive';

// Which types each option applies to: the same table as the engine's definition rules, so the
// designer never offers an option the server would refuse as `notApplicable`.
const APPLIES_TO: Record<TypeOption, readonly FieldType[]> = {
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
  sensitive: ENCRYPTABLE_TYPES,
};

/** Types whose column cannot carry an index (so neither `unique` nor `indexed`). */
const NOT_INDEXABLE: readonly FieldType[] = ['longText', 'json', 'multiSelect'];

export function applies(option: TypeOption, type: FieldType): boolean {
  return APPLIES_TO[option].includes(type);
}

export function indexable(type: FieldType): boolean {
  return !NOT_INDEXABLE.includes(type);
}

/** How min/max are written for a type: integers as numbers, exact decimals as strings, dates as ISO strings. */
export function boundKind(type: FieldType): 'integer' | 'decimal' | 'date' | 'datetime' | null {
  if (type === 'integer') return 'integer';
  if (type === 'decimal' || type === 'money' || type === 'percentage') return 'decimal';
  if (type === 'date' || type === 'datetime') return type;
  return null;
}

/**
 * The field retyped: options that do not apply to the new type are dropped, and so is the
 * default (a value of the old type rarely fits the new one). Id, key and label stay.
 */
export function retype(field: FieldDefinition, type: FieldType): FieldDefinition {
  const next: FieldDefinition = { ...field, type };
  delete next.default;
  for (const option of Object.keys(APPLIES_TO) as TypeOption[]) {
    if (!applies(option, type)) delete next[option];
  }
  if (!indexable(type)) {
    delete next.unique;
    delete next.indexed;
  }
  if (type === 'singleSelect' || type === 'multiSelect') next.options ??= [];
  return next;
}
