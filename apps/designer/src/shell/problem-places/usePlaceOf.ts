import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { problemPlace, type DocumentReading } from './problem-places.js';

/**
 * A designer's `placeOf` for its problem lists (the publish bar's and its own summaries): the
 * pointer in words, read from the document as it is now (a step named since still reads by its name).
 */
export function usePlaceOf(document: unknown, reading: DocumentReading): (path: string) => string | undefined {
  const { t, i18n } = useTranslation([reading.namespace, 'shell']);
  const language = i18n.language.startsWith('zh') ? 'zh-CN' : 'en';
  return useCallback((path: string) => problemPlace(path, document, reading, (key, options) => t(key, options), language), [document, reading, t, language]);
}
