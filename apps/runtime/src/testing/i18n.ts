import i18next from 'i18next';
import type { Language } from '@bankforge/app-shell';
import { initI18n } from '../i18n.js';

/** The runtime's real messages in tests, in the language asked for. */
export async function initTestI18n(language: Language = 'en'): Promise<void> {
  if (i18next.isInitialized) await i18next.changeLanguage(language);
  else await initI18n(language);
}
