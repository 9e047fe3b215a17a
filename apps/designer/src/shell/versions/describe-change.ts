/**
 * The server's changes between two versions (keyed by element ids, named by labels) in the words
 * an analyst reads: "Field 'Monthly income'", "required: false → true", in English or Chinese.
 */
import type { ChangedElement, DocumentChange, ElementPlace } from '@bankforge/client';
import type { TFunction } from 'i18next';
import type { DesignerLanguage } from '../../form-designer/workspace/localized.js';

export type ChangeKind = 'added' | 'removed' | 'changed' | 'moved';

export function changeKind(change: DocumentChange): ChangeKind {
  return change.op === 'add' && change.property === undefined && change.element ? 'added'
    : change.op === 'remove' && change.property === undefined && change.element ? 'removed'
    : change.op === 'move' ? 'moved'
    : 'changed';
}

/** The element's name in the reader's language (the other language, then its id, when it has none). */
export function elementName(element: ChangedElement, language: DesignerLanguage): string {
  return element.label?.[language] || element.label?.en || element.id;
}

/** "Field 'Monthly income'" / "字段“月收入”"; a type the designer does not know is named as the server sends it. */
export function elementText(element: ChangedElement, language: DesignerLanguage, t: TFunction): string {
  const type = t(`versions.elements.${element.type}`, { defaultValue: element.type });
  return t('versions.named', { type, name: elementName(element, language) });
}

const LANGUAGE_TOKENS = new Set(['en', 'zh-CN']);

/** `label.zh-CN` → "name (Chinese)"; `timeout.duration` → "timeout › duration"; unknown names as they are. */
export function propertyText(property: string, t: TFunction): string {
  const tokens = property.split('.');
  const language = tokens.length > 1 && LANGUAGE_TOKENS.has(tokens.at(-1)!) ? tokens.pop()! : undefined;
  const named = tokens.map((token, i) => (i === 0 ? t(`versions.properties.${token}`, { defaultValue: token }) : token)).join(' › ');
  return language === undefined ? named : t('versions.inLanguage', { property: named, language: t(`versions.languages.${language}`) });
}

const MAX_JSON_LENGTH = 240;

/** A value as JSON on one line, cut when long (the whole value for its tooltip): how test inputs and outputs are shown. */
export function displayValue(value: unknown): { short: string; full: string } {
  const full = value === undefined ? '' : typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
  return { short: full.length > MAX_JSON_LENGTH ? `${full.slice(0, MAX_JSON_LENGTH - 1)}…` : full, full };
}

const MAX_VALUE_LENGTH = 160;

function isLocalized(value: unknown): value is { en: string; 'zh-CN'?: string } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { en?: unknown }).en === 'string' && Object.keys(value).every((k) => LANGUAGE_TOKENS.has(k));
}

/** A value in one line: texts as they are, yes/no, a name in the reader's language, lists joined; the rest as JSON, cut when long. */
export function valueText(value: unknown, language: DesignerLanguage, t: TFunction): { short: string; full: string } {
  const full = ((): string => {
    if (value === undefined || value === null) return t('versions.nothing');
    if (typeof value === 'boolean') return t(value ? 'versions.true' : 'versions.false');
    if (typeof value === 'string') return value === '' ? t('versions.emptyText') : value;
    if (typeof value === 'number') return String(value);
    if (isLocalized(value)) return value[language] || value.en;
    if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null || isLocalized(item)))
      return value.map((item) => valueText(item, language, t).full).join(', ');
    return displayValue(value).full;
  })();
  return { short: full.length > MAX_VALUE_LENGTH ? `${full.slice(0, MAX_VALUE_LENGTH - 1)}…` : full, full };
}

function placeText(place: ElementPlace, language: DesignerLanguage, t: TFunction): string {
  const element = place.within ? elementText(place.within, language, t) : t('versions.topLevel');
  return t('versions.place', { element, position: place.position });
}

/** "from position 4 to 1", or, into another container, "from Column '1', position 5 to Section 'KYC', position 3". */
export function moveText(change: DocumentChange, language: DesignerLanguage, t: TFunction): string {
  const from = change.from as ElementPlace;
  const to = change.value as ElementPlace;
  const sameContainer = (from.within?.type ?? '') === (to.within?.type ?? '') && (from.within?.id ?? '') === (to.within?.id ?? '');
  return sameContainer ? t('versions.movedPosition', { from: from.position, to: to.position }) : t('versions.movedPlace', { from: placeText(from, language, t), to: placeText(to, language, t) });
}

/** Changes to one element (or to the document itself) that follow each other, shown under one heading. */
export interface ChangeGroup {
  key: string;
  element?: ChangedElement;
  within?: ChangedElement;
  kind: ChangeKind;
  changes: DocumentChange[];
}

/** The server lists an element's changes together: they are grouped under the element, in the server's order. */
export function groupChanges(changes: readonly DocumentChange[]): ChangeGroup[] {
  const groups: ChangeGroup[] = [];
  changes.forEach((change, index) => {
    const kind = changeKind(change);
    const key = change.element ? `${change.element.type}\u0000${change.element.id}` : '';
    const last = groups.at(-1);
    // Whole elements added or removed stand alone; property changes and a move of one element share a heading.
    if (last && last.key === key && kind !== 'added' && kind !== 'removed' && last.kind !== 'added' && last.kind !== 'removed') {
      last.changes.push(change);
      if (kind === 'changed') last.kind = 'changed';
      return;
    }
    groups.push({ key: key === '' ? `document-${index}` : key, ...(change.element ? { element: change.element } : {}), ...(change.within ? { within: change.within } : {}), kind, changes: [change] });
  });
  return groups;
}
