import type { LocalizedText } from '@bankforge/data-model';

export type DesignerLanguage = 'en' | 'zh-CN';

export const designerLanguage = (language: string): DesignerLanguage => (language.startsWith('zh') ? 'zh-CN' : 'en');

/** A text in the reader's language, falling back to the other one when that is empty. */
export function localized(text: LocalizedText | undefined, language: DesignerLanguage): string {
  if (!text) return '';
  return text[language] || text[language === 'en' ? 'zh-CN' : 'en'] || '';
}
