import type { ReportLabel } from '@bankforge/report-engine';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { bothLabels, type LabelLanguage } from '../model/labels.js';

/** What the designer's messages say in each language: a report's name, in a report read in both. */
export type SayInBoth = (say: (t: TFunction, language: LabelLanguage) => string) => ReportLabel;

/** Names a new column in English and Chinese at once (the runtime shows a report in either). */
export function useBothLanguages(): SayInBoth {
  const { i18n } = useTranslation('reportDesigner');
  return useCallback<SayInBoth>(
    (say) => bothLabels(say(i18n.getFixedT('en', 'reportDesigner'), 'en'), say(i18n.getFixedT('zh-CN', 'reportDesigner'), 'zh-CN')),
    [i18n],
  );
}
