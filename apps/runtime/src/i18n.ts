import { initI18n as initAppI18n, type Language } from '@bankforge/app-shell';
import { approvalMessages } from './approval/locales.js';
import { auditMessages } from './audit/locales.js';
import { casesMessages } from './cases/locales.js';
import { dashboardMessages } from './dashboard/locales.js';
import { listMessages } from './entity-list/locales.js';
import { inboxMessages } from './inbox/locales.js';
import { loginMessages } from './login/locales.js';
import { notificationMessages } from './notifications/locales.js';
import { recordMessages } from './record/locales.js';
import { record360Messages } from './record-360/locales.js';
import { shellMessages } from './shell/locales.js';
import { taskMessages } from './task/locales.js';
import { trailMessages } from './trail/locales.js';
import { transferMessages } from './record/transfer/locales.js';
import { segmentMessages } from './entity-list/segments/locales.js';
import { importMessages } from './import/locales.js';

/** Each area of the runtime owns its messages: one i18next namespace per folder. */
export function initI18n(language?: Language) {
  return initAppI18n({
    namespaces: {
      shell: shellMessages,
      login: loginMessages,
      list: listMessages,
      record: recordMessages,
      record360: record360Messages,
      approval: approvalMessages,
      inbox: inboxMessages,
      task: taskMessages,
      trail: trailMessages,
      cases: casesMessages,
      notifications: notificationMessages,
      audit: auditMessages,
      transfer: transferMessages,
      segments: segmentMessages,
      dashboard: dashboardMessages,
      import: importMessages,
    },
    defaultNS: 'shell',
    language,
  });
}
