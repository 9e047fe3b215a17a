/** The languages the product ships; the choice is kept per browser, shared by the designer and the runtime. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = 'bankforge.language';

/** The language chosen before in this browser, else the browser's own when it is Chinese, else English. */
export function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_STORAGE_KEY);
  if (stored === 'en' || stored === 'zh-CN') return stored;
  return typeof navigator !== 'undefined' && navigator.language.startsWith('zh') ? 'zh-CN' : 'en';
}

/** The language an i18next code stands for ('zh', 'zh-CN' and 'zh-Hans' are all Chinese here). */
export function languageOf(code: string): Language {
  return code.startsWith('zh') ? 'zh-CN' : 'en';
}
