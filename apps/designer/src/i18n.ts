import { initI18n as initAppI18n, type Language } from '@bankforge/app-shell';
import { adminMessages } from './admin/locales.js';
import { appDesignerMessages } from './app-designer/locales.js';
import { automationDesignerMessages } from './automation/locales.js';
import { dashboardDesignerMessages } from './dashboard-designer/locales.js';
import { dataModelMessages } from './data-model/locales.js';
import { decisionDesignerMessages } from './decision/locales.js';
import { decisionTestMessages } from './decision/test-panel/locales.js';
import { decisionVersionMessages } from './decision/versions/locales.js';
import { filterBuilderMessages } from './filter-builder/locales.js';
import { flowDesignerMessages } from './flow-designer/locales.js';
import { flowSimulationMessages } from './flow-designer/simulation/locales.js';
import { flowVersionMessages } from './flow-designer/versions/locales.js';
import { formDesignerMessages } from './form-designer/locales.js';
import { reportDesignerMessages } from './report-designer/locales.js';
import { shellMessages } from './shell/locales.js';

/** Each area of the designer owns its messages: one i18next namespace per folder. */
export function initI18n(language?: Language) {
  return initAppI18n({
    namespaces: {
      shell: shellMessages,
      admin: adminMessages,
      dataModel: dataModelMessages,
      formDesigner: formDesignerMessages,
      appDesigner: appDesignerMessages,
      decisionDesigner: decisionDesignerMessages,
      decisionTests: decisionTestMessages,
      decisionVersions: decisionVersionMessages,
      flowDesigner: flowDesignerMessages,
      flowSimulation: flowSimulationMessages,
      flowVersions: flowVersionMessages,
      reportDesigner: reportDesignerMessages,
      dashboardDesigner: dashboardDesignerMessages,
      automationDesigner: automationDesignerMessages,
      filterBuilder: filterBuilderMessages,
    },
    defaultNS: 'shell',
    language,
  });
}
