import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { listMessages } from './entity-list/locales.js';
import { loginMessages } from './login/locales.js';
import { recordMessages } from './record/locales.js';
import { shellMessages } from './shell/locales.js';

/** The languages the product ships; the choice is kept per browser, shared with the designer. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_STORAGE_KEY = 'bankforge.language';

function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(LANGUAGE_STORAGE_KEY);
  if (stored === 'en' || stored === 'zh-CN') return stored;
  return typeof navigator !== 'undefined' && navigator.language.startsWith('zh') ? 'zh-CN' : 'en';
}

/** The language an i18next code stands for ('zh', 'zh-CN' and 'zh-Hans' are all Chinese here). */
export function languageOf(code: string): Language {
  return code.startsWith('zh') ? 'zh-CN' : 'en';
}

/** Screen readers and fonts follow the page's language, so it changes with the UI's. */
function markDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** Each area of the runtime owns its messages: one i18next namespace per folder. */
export async function initI18n(language: Language = initialLanguage()) {
  i18next.on('languageChanged', markDocumentLanguage);
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    defaultNS: 'shell',
    resources: {
      en: { shell: shellMessages.en, login: loginMessages.en, list: listMessages.en, record: recordMessages.en },
      'zh-CN': {
        shell: shellMessages['zh-CN'],
        login: loginMessages['zh-CN'],
        list: listMessages['zh-CN'],
        record: recordMessages['zh-CN'],
      },
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
