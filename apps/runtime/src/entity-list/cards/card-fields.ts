import { titleFieldKeys, type EntityDefinition, type FieldDefinition } from '@bankforge/data-model';

/** How many fields a card shows under the record's title. */
export const CARD_FIELDS = 3;

export interface CardLayout {
  /** The fields the record's title is made of (those the reader may read). */
  title: FieldDefinition[];
  /** The first few columns the reader shows besides the title's, and not masked for them. */
  details: FieldDefinition[];
  /** What the list asks the server for: the title's fields, then the details. */
  query: string[];
}

/**
 * What a record's card shows on a phone: its title (the entity's title template) and the first
 * few columns the reader has chosen to see, so the card follows the column choice of the list.
 * A field masked for the reader is left to the record's page: on a card it would only take the
 * place of one they can use (a customer's mobile, to call them on the way).
 */
export function cardLayout(
  entity: Pick<EntityDefinition, 'titleTemplate' | 'fields'>,
  fields: readonly FieldDefinition[],
  shown: readonly string[],
  masked: ReadonlySet<string> = new Set(),
): CardLayout {
  const byKey = new Map(fields.map((field) => [field.key, field]));
  const title = titleFieldKeys(entity).flatMap((key) => byKey.get(key) ?? []);
  const inTitle = new Set(title.map((field) => field.key));
  const details = shown
    .filter((key) => !inTitle.has(key) && !masked.has(key))
    .flatMap((key) => byKey.get(key) ?? [])
    .slice(0, CARD_FIELDS);
  return { title, details, query: [...title, ...details].map((field) => field.key) };
}
