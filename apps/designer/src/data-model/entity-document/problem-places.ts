import { nameFrom, type DocumentReading, type PlaceLanguage } from '../../shell/problem-places/problem-places.js';

const label = nameFrom('label');
const key = nameFrom('key');
const value = nameFrom('value');

/**
 * How an entity reads in words (shell/problem-places): `/fields/3/options/1/label/zh-CN` is
 * "Field “Occupation” › Option “Retired” › Name (Chinese)".
 */
export const ENTITY_READING: DocumentReading = {
  namespace: 'dataModel',
  lists: {
    fields: { item: 'places.field', named: 'places.namedField', nameOf: (item, language: PlaceLanguage) => label(item, language) ?? key(item, language) },
    options: { item: 'places.option', named: 'places.namedOption', nameOf: (item, language: PlaceLanguage) => label(item, language) ?? value(item, language) },
    indexes: { item: 'places.index', named: 'places.namedIndex', nameOf: key },
  },
  parted: new Set(['reference']),
};
