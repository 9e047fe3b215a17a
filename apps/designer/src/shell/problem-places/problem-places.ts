/**
 * Where in a document a problem is, in words, from its JSON Pointer: an automation's
 * `/actions/0/message/en` is "Action 1 › Message (English)", a flow's `/nodes/3/config/body`
 * "Step “Notify the RM” › Body". Summaries show these words and keep the pointer as their tooltip
 * (the analyst reads words; support reads pointers). The walk is the same for every designer; each
 * says how its document reads (a `DocumentReading`) and has the words in its own namespace
 * (`<namespace>:places.props.<name>`), the words every document shares being the shell's.
 */

import type { LocalizedText } from '@bankforge/data-model';

/** The translator the words come from (i18next's `t`; keys carry their namespace). */
export type Say = (key: string, options: Record<string, string | number>) => string;

/** The language the document's own names are read in. */
export type PlaceLanguage = 'en' | 'zh-CN';

/** A list whose items are places of their own: "Action 2", "Step “Credit check”". */
export interface ListReading {
  /** The key of an item by number (`{{number}}` counts from 1). */
  item: string;
  /** The key of an item by its name (`{{name}}`, or the values `nameOf` gives), used when `nameOf` finds one; a list of mixed items (a form's layout) picks it by the item. */
  named?: string | ((item: unknown) => string);
  /** The item's name in the reader's language where the document gives it one (or the values its key says it by: a path's two ends). */
  nameOf?: (item: unknown, language: PlaceLanguage, document: unknown) => string | Readonly<Record<string, string>> | undefined;
}

/** A `nameOf` reading the item's `property`: a text, or a text per language (the other language standing in for an empty one). */
export function nameFrom(property: string): (item: unknown, language: PlaceLanguage) => string | undefined {
  return (item, language) => {
    const value = child(item, property);
    if (typeof value === 'string') return value || undefined;
    if (typeof value !== 'object' || value === null) return undefined;
    const text = value as Partial<LocalizedText>;
    return text[language] || text[language === 'en' ? 'zh-CN' : 'en'] || undefined;
  };
}

/** How a designer's document reads, property by property. */
export interface DocumentReading {
  /** The i18next namespace of the designer's words (`places.props.<name>`, `places.<list key>`). */
  namespace: string;
  /** Lists whose items are places of their own, by property name (at any depth). */
  lists?: Readonly<Record<string, ListReading>>;
  /** Objects said and then read into (an automation's `trigger`). */
  containers?: ReadonlySet<string>;
  /** Objects read into without a word of their own (a decision's `logic`, a flow step's `config`). */
  transparent?: ReadonlySet<string>;
  /** Properties keyed by a field's, an input's or an output's name: that name follows as written. */
  keyed?: ReadonlySet<string>;
  /** Properties with parts the designer edits one by one (an inbound trigger's `match.field`). */
  parted?: ReadonlySet<string>;
}

const LANGUAGES: ReadonlySet<string> = new Set(['en', 'zh-CN']);
const isIndex = (segment: string | undefined): segment is string => segment !== undefined && /^\d+$/.test(segment);

function segments(pointer: string): string[] {
  return pointer
    .replace(/^\//, '')
    .split('/')
    .filter((s) => s !== '')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function child(value: unknown, segment: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[segment] : undefined;
}

/** Reads one pointer against one document. */
class Walk {
  constructor(
    private readonly reading: DocumentReading,
    private readonly say: Say,
    private readonly language: PlaceLanguage,
    private readonly document: unknown,
  ) {}

  /** A property's words: the designer's, else the shell's, else undefined. */
  known(name: string): string | undefined {
    const shared = this.say(`shell:places.props.${name}`, { defaultValue: '' });
    const own = this.say(`${this.reading.namespace}:places.props.${name}`, { defaultValue: shared });
    return own === '' ? undefined : own;
  }

  /** A property's words; one nobody names stays as written. */
  prop(name: string): string {
    return this.known(name) ?? name;
  }

  /** A plain property and what follows it: its language, its keyed name, its part, its item (the rest, a filter's or a list's insides, is left to the tooltip). */
  property(name: string, rest: readonly string[]): string[] {
    const [next, after] = rest;
    if (next === undefined) return [this.prop(name)];
    if (LANGUAGES.has(next)) return [this.say('shell:places.inLanguage', { property: this.prop(name), language: this.say(`shell:places.languages.${next}`, {}) })];
    if (this.reading.keyed?.has(name)) return [this.prop(name), next];
    if (this.reading.parted?.has(name) && !isIndex(next)) return [this.prop(name), this.prop(next)];
    if (isIndex(next)) return [this.say('shell:places.item', { property: this.prop(name), number: Number(next) + 1 }), ...(after === undefined ? [] : [this.prop(after)])];
    return [this.prop(name)];
  }

  /** The words of `path` read from `value` down. */
  words(value: unknown, path: readonly string[]): string[] {
    const [name, next, ...rest] = path;
    if (name === undefined) return [];
    const list = this.reading.lists?.[name];
    if (list !== undefined && isIndex(next)) {
      const item = child(child(value, name), next);
      const itemName = list.named === undefined ? undefined : list.nameOf?.(item, this.language, this.document);
      const said =
        itemName === undefined ? this.say(`${this.reading.namespace}:${list.item}`, { number: Number(next) + 1 })
        : this.say(`${this.reading.namespace}:${typeof list.named === 'function' ? list.named(item) : list.named}`, typeof itemName === 'string' ? { name: itemName } : itemName);
      return [said, ...this.words(item, rest)];
    }
    const inside = next === undefined ? [] : [next, ...rest];
    if (this.reading.transparent?.has(name)) return this.words(child(value, name), inside);
    if (this.reading.containers?.has(name)) return [this.prop(name), ...this.words(child(value, name), inside)];
    return this.property(name, inside);
  }
}

/**
 * The problem's place in words, or undefined for the document as a whole (an empty pointer) and
 * for a pointer the designer cannot read (its first property one neither it nor the shell names).
 */
export function problemPlace(pointer: string, document: unknown, reading: DocumentReading, say: Say, language: PlaceLanguage): string | undefined {
  const path = segments(pointer);
  const [head] = path;
  if (head === undefined) return undefined;
  const walk = new Walk(reading, say, language, document);
  const readable = reading.lists?.[head] !== undefined || reading.containers?.has(head) || reading.transparent?.has(head) || walk.known(head) !== undefined;
  if (!readable) return undefined;
  return walk.words(document, path).join(say('shell:places.separator', {}));
}
