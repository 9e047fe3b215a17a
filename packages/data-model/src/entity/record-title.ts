import type { EntityDefinition, FieldDefinition, FieldType } from './entity-definition.js';

/** What a title may show: values that read as a short line of text. */
export const TITLE_FIELD_TYPES: readonly FieldType[] = ['text', 'autoNumber', 'email', 'mobile', 'residentId', 'url', 'integer', 'decimal', 'date'];

/** A title template's pieces: literal text, and the fields (`{key}`) it shows between them. */
export interface TitleTemplate {
  /** The text before the first field. */
  lead: string;
  /** Each field with the literal text that comes before it (after the previous field) and the text after the last. */
  fields: { key: string; before: string }[];
  trail: string;
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Splits `"{name} · {customer_no}"` into its literal text and the fields it names. */
export function parseTitleTemplate(template: string): TitleTemplate {
  const fields: { key: string; before: string }[] = [];
  let lead = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const literal = template.slice(last, match.index);
    if (fields.length === 0) lead = literal;
    fields.push({ key: match[1]!.trim(), before: fields.length === 0 ? '' : literal });
    last = match.index + match[0].length;
  }
  return { lead, fields, trail: template.slice(last) };
}

/**
 * The fields a record's title shows: those of the entity's `titleTemplate`, or else its first
 * unique text field, or else its first required text field (a customer's name, a loan's number).
 */
export function titleFieldKeys(definition: Pick<EntityDefinition, 'titleTemplate' | 'fields'>): string[] {
  if (definition.titleTemplate !== undefined) return parseTitleTemplate(definition.titleTemplate).fields.map((f) => f.key);
  // An auto number (a loan's LA202607000001) names its record as a unique text field does.
  const text = definition.fields.filter((f) => f.type === 'text' || f.type === 'autoNumber');
  const chosen = text.find((f) => f.unique === true) ?? text.find((f) => f.required === true) ?? text[0];
  return chosen ? [chosen.key] : [];
}

function shown(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return '';
}

/**
 * A record's title, from the values the reader has (masked values stay masked, hidden ones are
 * absent). A field without a value drops out together with the text before it, so
 * `"{name} · {customer_no}"` reads "Zhang San" rather than "Zhang San · ". Undefined when no field
 * of the title has a value: the caller names the record by its entity and id instead.
 */
export function recordTitle(definition: Pick<EntityDefinition, 'titleTemplate' | 'fields'>, record: Readonly<Record<string, unknown>>): string | undefined {
  const template: TitleTemplate =
    definition.titleTemplate !== undefined ? parseTitleTemplate(definition.titleTemplate) : { lead: '', fields: titleFieldKeys(definition).map((key) => ({ key, before: '' })), trail: '' };
  let title = '';
  let any = false;
  for (const field of template.fields) {
    const value = shown(record[field.key]);
    if (value === '') continue;
    title += any ? field.before + value : value;
    any = true;
  }
  return any ? `${template.lead}${title}${template.trail}`.trim() : undefined;
}

/** Why a title template cannot be used, per placeholder: unknown fields and fields that do not read as text. */
export interface TitleTemplateProblem {
  key: string;
  reason: 'unknownField' | 'fieldType' | 'noField';
}

export function titleTemplateProblems(template: string, fields: readonly Pick<FieldDefinition, 'key' | 'type'>[]): TitleTemplateProblem[] {
  const parsed = parseTitleTemplate(template);
  if (parsed.fields.length === 0) return [{ key: '', reason: 'noField' }];
  const byKey = new Map(fields.map((f) => [f.key, f]));
  return parsed.fields.flatMap(({ key }): TitleTemplateProblem[] => {
    const field = byKey.get(key);
    if (!field) return [{ key, reason: 'unknownField' }];
    return TITLE_FIELD_TYPES.includes(field.type) ? [] : [{ key, reason: 'fieldType' }];
  });
}
