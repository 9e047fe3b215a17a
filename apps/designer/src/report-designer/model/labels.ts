/**
 * A column's name in the analyst's two languages. A report written before Chinese names carries one
 * text, which both languages read; the designer shows it as the English and leaves the Chinese to
 * be written. English alone stays one text; with a Chinese name both are kept.
 */
import type { LocalizedText } from '@bankforge/data-model';
import { labelIn, type ReportDefinition, type ReportIssue, type ReportLabel } from '@bankforge/report-engine';

export type LabelLanguage = keyof LocalizedText;

/** A name as the designer shows it in its language ('' when there is none). */
export function labelText(label: ReportLabel | undefined, language: LabelLanguage): string {
  return label === undefined ? '' : labelIn(label, language);
}

/** What the input of one language holds: a single text is the English (its Chinese is yet to be written). */
export function labelInput(label: ReportLabel | undefined, language: LabelLanguage): string {
  if (label === undefined) return '';
  if (typeof label === 'string') return language === 'en' ? label : '';
  return label[language];
}

/** The name with one language's text changed; both empty, no name (the engine names the column). */
export function withLabelIn(label: ReportLabel | undefined, language: LabelLanguage, text: string): ReportLabel | undefined {
  const en = language === 'en' ? text : labelInput(label, 'en');
  const zh = language === 'zh-CN' ? text : labelInput(label, 'zh-CN');
  if (zh === '') return en === '' ? undefined : en;
  return { en, 'zh-CN': zh };
}

/** A name in both languages, one text when they are the same (a code, a key). */
export function bothLabels(en: string, zh: string): ReportLabel {
  return en === zh ? en : { en, 'zh-CN': zh };
}

/**
 * Names given in Chinese without their English: a report's name is one text or both, so each is
 * said at the name (`/dimensions/0/label`, where its English is typed) before the server refuses the draft.
 */
export function labelProblems(report: ReportDefinition): ReportIssue[] {
  const lists = [
    ['dimensions', report.dimensions],
    ['measures', report.measures],
  ] as const;
  return lists.flatMap(([property, list]) =>
    (list ?? []).flatMap((item, index) =>
      typeof item.label === 'object' && item.label.en.trim() === ''
        ? [{ path: `/${property}/${index}/label`, code: 'englishNameMissing', message: `${item.key} has a Chinese name and no English one` }]
        : [],
    ),
  );
}
