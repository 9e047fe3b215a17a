export { ApiClientProvider, useApiClient } from './api/ApiClientContext.js';
export { asProblem } from './api/as-problem.js';
export { currentPath, loginUrl, safeNext } from './auth/login-url.js';
export { useSignedIn, type SignIn } from './auth/useSignedIn.js';
export { initI18n, setLanguage, type I18nOptions, type NamespaceMessages } from './i18n/init-i18n.js';
export { initialLanguage, languageOf, LANGUAGE_STORAGE_KEY, LANGUAGES, type Language } from './i18n/languages.js';
export { APP_SHELL_NAMESPACE, appShellMessages } from './i18n/messages.js';
export { LanguageSwitch } from './LanguageSwitch.js';
export { HeaderTools, type HeaderToolsProps } from './HeaderTools.js';
