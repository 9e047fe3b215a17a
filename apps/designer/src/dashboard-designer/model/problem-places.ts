import { nameFrom, type DocumentReading, type PlaceLanguage } from '../../shell/problem-places/problem-places.js';

const title = nameFrom('title');
const label = nameFrom('label');
const report = nameFrom('report');
const key = nameFrom('key');

/**
 * How a dashboard reads in words (shell/problem-places): `/widgets/1/report` is
 * "Widget “Approvals by branch” › Report", `/filters/0/fields/1` "Filter “Period” › Fields 2".
 */
export const DASHBOARD_READING: DocumentReading = {
  namespace: 'dashboardDesigner',
  lists: {
    widgets: { item: 'places.widget', named: 'places.namedWidget', nameOf: (item, language: PlaceLanguage) => title(item, language) ?? report(item, language) },
    filters: { item: 'places.filter', named: 'places.namedFilter', nameOf: (item, language: PlaceLanguage) => label(item, language) ?? key(item, language) },
  },
  keyed: new Set(['filterFields']),
};
