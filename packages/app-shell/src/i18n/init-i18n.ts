import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { initialLanguage, LANGUAGE_STORAGE_KEY, LANGUAGES, type Language } from './languages.js';
import { APP_SHELL_NAMESPACE, appShellMessages } from './messages.js';

/** One i18next namespace's messages, in every language the product ships. */
export type NamespaceMessages = Record<Language, object>;

export interface I18nOptions {
  /** Each area of the app owns its messages: one namespace per folder. */
  namespaces: Record<string, NamespaceMessages>;
  /** The namespace `useTranslation()` reads without one named. */
  defaultNS: string;
  language?: Language;
}

/** Screen readers and fonts follow the page's language, so it changes with the UI's. */
function markDocumentLanguage(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** Starts i18next with the app's namespaces and the shared `appShell` one, in the reader's language. */
export async function initI18n({ namespaces, defaultNS, language = initialLanguage() }: I18nOptions): Promise<i18n> {
  const all: Record<string, NamespaceMessages> = { ...namespaces, [APP_SHELL_NAMESPACE]: appShellMessages };
  const resources = Object.fromEntries(
    LANGUAGES.map((lng) => [lng, Object.fromEntries(Object.entries(all).map(([ns, messages]) => [ns, messages[lng]]))]),
  );
  i18next.on('languageChanged', markDocumentLanguage);
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    defaultNS,
    resources,
    interpolation: { escapeValue: false },
  });
  markDocumentLanguage(language);
  return i18next;
}

/** Switches the UI's language and keeps the choice for this browser (both apps read it). */
export function setLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  void i18next.changeLanguage(language);
}
