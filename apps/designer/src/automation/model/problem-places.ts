/**
 * Where in the automation a problem is, in words, from its JSON Pointer: `/actions/0/message/en`
 * is "Action 1 › Message (English)", `/trigger/condition` "Trigger › Condition". The summary shows
 * these words and keeps the pointer as their tooltip (the analyst reads words; support reads pointers).
 */

/** The translator the words come from (i18next's `t` of the `automationDesigner` namespace). */
export type Say = (key: string, options: Record<string, string | number>) => string;

/** Properties whose value is one text per language: the language is said beside the property. */
const PER_LANGUAGE: ReadonlySet<string> = new Set(['label', 'message']);
/** Properties keyed by a field, an input or an output name: that name follows as written. */
const KEYED: ReadonlySet<string> = new Set(['values', 'inputs', 'write']);
/** Properties with parts the designer edits one by one (an inbound trigger's `match.field`). */
const PARTED: ReadonlySet<string> = new Set(['match', 'target', 'to']);

function segments(pointer: string): string[] {
  return pointer
    .replace(/^\//, '')
    .split('/')
    .filter((s) => s !== '')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A property's words (`places.props.<name>`); one the designer does not name stays as written. */
function prop(name: string, say: Say): string {
  return say(`places.props.${name}`, { defaultValue: name });
}

/** A property and what follows it: its language, its keyed name, its part (the rest, a filter's or a list's insides, is left to the tooltip). */
function propertyWords(name: string, rest: readonly string[], say: Say): string[] {
  const [next, after] = rest;
  if (next === undefined) return [prop(name, say)];
  if (PER_LANGUAGE.has(name) && (next === 'en' || next === 'zh-CN')) return [say('places.inLanguage', { property: prop(name, say), language: say(`places.languages.${next}`, {}) })];
  if (KEYED.has(name)) return [prop(name, say), next];
  if (PARTED.has(name) && !/^\d+$/.test(next)) return [prop(name, say), prop(next, say)];
  // A list's item (`on/1`, `target/where/0/value`): its number counts from 1.
  if (/^\d+$/.test(next)) return [say('places.item', { property: prop(name, say), number: Number(next) + 1 }), ...(after === undefined ? [] : [prop(after, say)])];
  return [prop(name, say)];
}

/**
 * The problem's place in words, or undefined for the automation as a whole (an empty pointer) and
 * for a pointer the designer cannot read (not under the document's own properties).
 */
export function problemPlace(pointer: string, say: Say): string | undefined {
  const [head, ...rest] = segments(pointer);
  if (head === undefined) return undefined;
  let words: string[];
  if (head === 'label' || head === 'enabled' || head === 'title') words = propertyWords(head, rest, say);
  else if (head === 'trigger') words = [say('places.trigger', {}), ...(rest[0] === undefined ? [] : propertyWords(rest[0], rest.slice(1), say))];
  else if (head === 'actions') {
    const [index, name, ...sub] = rest;
    if (index === undefined || !/^\d+$/.test(index)) words = [say('places.actions', {})];
    else words = [say('places.action', { number: Number(index) + 1 }), ...(name === undefined ? [] : propertyWords(name, sub, say))];
  } else return undefined;
  return words.join(say('places.separator', {}));
}
