import { nameFrom, type DocumentReading, type PlaceLanguage } from '../../shell/problem-places/problem-places.js';

const label = nameFrom('label');
const key = nameFrom('key');
/** A part of the report by its name in the reader's language, else its key. */
const labelOrKey = (item: unknown, language: PlaceLanguage) => label(item, language) ?? key(item, language);

/**
 * How a report reads in words (shell/problem-places): `/dimensions/1/label/zh-CN` is
 * "Dimension “Branch” › Name (Chinese)", `/joins/0/field` "Join “c” › Field".
 */
export const REPORT_READING: DocumentReading = {
  namespace: 'reportDesigner',
  lists: {
    joins: { item: 'places.join', named: 'places.namedJoin', nameOf: nameFrom('alias') },
    calculated: { item: 'places.calculated', named: 'places.namedCalculated', nameOf: labelOrKey },
    parameters: { item: 'places.parameter', named: 'places.namedParameter', nameOf: labelOrKey },
    dimensions: { item: 'places.dimension', named: 'places.namedDimension', nameOf: labelOrKey },
    measures: { item: 'places.measure', named: 'places.namedMeasure', nameOf: labelOrKey },
    sort: { item: 'places.sort' },
    levels: { item: 'places.drillLevel', named: 'places.namedDrillLevel', nameOf: labelOrKey },
  },
  containers: new Set(['drillDown']),
  // A parameter a filter names by its key (`/parameters/region`).
  keyed: new Set(['parameters']),
};
