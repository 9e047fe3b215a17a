import {
  isIndexable,
  optionApplies,
  TYPE_OPTION_TYPES,
  type FieldDefinition,
  type FieldType,
  type TypeOption,
} from '@bankforge/data-model';

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
  // The engine's table, so the designer never keeps an option the server would refuse as `notApplicable`.
  for (const option of Object.keys(TYPE_OPTION_TYPES) as TypeOption[]) {
    if (!optionApplies(option, type)) delete next[option];
  }
  if (!isIndexable(type)) {
    delete next.unique;
    delete next.indexed;
  }
  if (type === 'singleSelect' || type === 'multiSelect') next.options ??= [];
  // Auto numbers are unique (the database's index backs the counter); a pattern to start from.
  if (type === 'autoNumber') {
    next.unique = true;
    next.numbering ??= 'NO{yyyyMM}{seq:6}';
  }
  return next;
}

/**
 * The field with one language of its pattern hint set: the hint goes once both languages are
 * empty (an empty hint would be refused), and is kept while either has text.
 */
export function withPatternHint(field: FieldDefinition, language: 'en' | 'zh-CN', text: string): FieldDefinition {
  const hint = { en: field.patternHint?.en ?? '', 'zh-CN': field.patternHint?.['zh-CN'] ?? '', [language]: text };
  const next: FieldDefinition = { ...field, patternHint: hint };
  if (hint.en === '' && hint['zh-CN'] === '') delete next.patternHint;
  return next;
}
