import { nameFrom, type DocumentReading } from '../shell/problem-places/problem-places.js';

/**
 * How an app reads in words (shell/problem-places): `/artifacts/2/key` is "Content “loan_pipeline” ›
 * Key", `/landing/0/menu/1` "Landing page for “rm” › Menu 2".
 */
export const APP_READING: DocumentReading = {
  namespace: 'appDesigner',
  lists: {
    artifacts: { item: 'places.content', named: 'places.namedContent', nameOf: nameFrom('key') },
    landing: { item: 'places.landing', named: 'places.namedLanding', nameOf: nameFrom('role') },
    recordPages: { item: 'places.recordPage', named: 'places.namedRecordPage', nameOf: nameFrom('entity') },
  },
};
