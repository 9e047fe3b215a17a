import i18next from 'i18next';
import type { Language } from '../i18n/languages.js';
import { initI18n } from '../i18n/init-i18n.js';

/** The shared messages only, in the language asked for (the package's own tests). */
export async function initPackageTestI18n(language: Language = 'en'): Promise<void> {
  if (i18next.isInitialized) await i18next.changeLanguage(language);
  else await initI18n({ namespaces: {}, defaultNS: 'appShell', language });
}
