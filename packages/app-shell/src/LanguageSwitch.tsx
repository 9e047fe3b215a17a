import { useTranslation } from 'react-i18next';
import { setLanguage } from './i18n/init-i18n.js';
import { languageOf, LANGUAGES, type Language } from './i18n/languages.js';
import { APP_SHELL_NAMESPACE } from './i18n/messages.js';

const NAMES: Record<Language, string> = { en: 'language.en', 'zh-CN': 'language.zh' };

/** English / 中文: each language named in itself, the current one pressed. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation(APP_SHELL_NAMESPACE);
  return (
    <div role="group" aria-label={t('language.label')} className="language-switch">
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={languageOf(i18n.language) === language}
          onClick={() => setLanguage(language)}
        >
          {t(NAMES[language])}
        </button>
      ))}
    </div>
  );
}
