import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { dataModelMessages } from './data-model/locales.js';
import { formDesignerMessages } from './form-designer/locales.js';
import { shellMessages } from './shell/locales.js';

/** The languages the product ships; the choice is kept per browser, shared with the runtime. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = 'bankforge.language';

function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_STORAGE_KEY);
  if (stored === 'en' || stored === 'zh-CN') return stored;
  return typeof navigator !== 'undefined' && navigator.language.startsWith('zh') ? 'zh-CN' : 'en';
}

/** Screen readers and fonts follow the page's language, so it changes with the UI's. */
function markDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** Each area of the designer owns its messages: one i18next namespace per folder. */
export async function initI18n(language: Language = initialLanguage()) {
  i18next.on('languageChanged', markDocumentLanguage);
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    defaultNS: 'shell',
    resources: {
      en: { shell: shellMessages.en, dataModel: dataModelMessages.en, formDesigner: formDesignerMessages.en },
      'zh-CN': { shell: shellMessages['zh-CN'], dataModel: dataModelMessages['zh-CN'], formDesigner: formDesignerMessages['zh-CN'] },
    },
    interpolation: { escapeValue: false },
  });
  markDocumentLanguage(language);
  return i18next;
}

export function setLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  void i18next.changeLanguage(language);
}
