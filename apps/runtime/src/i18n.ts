import { initI18n as initAppI18n, type Language } from '@bankforge/app-shell';
import { listMessages } from './entity-list/locales.js';
import { loginMessages } from './login/locales.js';
import { recordMessages } from './record/locales.js';
import { shellMessages } from './shell/locales.js';

/** Each area of the runtime owns its messages: one i18next namespace per folder. */
export function initI18n(language?: Language) {
  return initAppI18n({
    namespaces: { shell: shellMessages, login: loginMessages, list: listMessages, record: recordMessages },
    defaultNS: 'shell',
    language,
  });
}
