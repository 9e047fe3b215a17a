import { nameFrom, type DocumentReading, type ListReading, type PlaceLanguage } from '../../shell/problem-places/problem-places.js';

const title = nameFrom('title');
const label = nameFrom('label');
const field = nameFrom('field');
const NAMED_TYPES: ReadonlySet<string> = new Set(['field', 'section', 'tabs', 'repeatingGroup']);

/** A layout element of any type: named by its title, its label or its field, and said as what it is ("Section “Details”"). */
const ELEMENT: ListReading = {
  item: 'places.element',
  named: (item) => {
    const type = typeof item === 'object' && item !== null ? (item as { type?: unknown }).type : undefined;
    return `places.named.${typeof type === 'string' && NAMED_TYPES.has(type) ? type : 'element'}`;
  },
  nameOf: (item, language: PlaceLanguage) => title(item, language) ?? label(item, language) ?? field(item, language),
};

/**
 * How a form reads in words (shell/problem-places): `/layout/0/children/2/requiredWhen` is
 * "Section “Details” › Field “Employer” › Required when".
 */
export const FORM_READING: DocumentReading = {
  namespace: 'formDesigner',
  lists: {
    layout: ELEMENT,
    children: ELEMENT,
    fields: ELEMENT,
    columns: { item: 'places.column' },
    tabs: { item: 'places.tab', named: 'places.named.tab', nameOf: title },
    validations: { item: 'places.validation' },
  },
};
