import type { ProblemFieldError } from '@bankforge/client';
import type { DashboardDefinition } from '@bankforge/report-engine';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { TextControl } from '../../data-model/controls/Controls.js';
import type { DesignerLanguage } from '../../form-designer/workspace/localized.js';
import { problemsUnder } from '../../shell/api/problems.js';
import { withDashboardLabel, withRole } from '../model/dashboard-document.js';
import type { DashboardChange } from './change.js';
import { RolesField } from './RolesField.js';

export interface DashboardPropertiesProps {
  dashboard: DashboardDefinition;
  language: DesignerLanguage;
  problems: readonly ProblemFieldError[];
  headingRef: Ref<HTMLHeadingElement>;
  onChange: DashboardChange;
}

/** The dashboard itself: its title, its name in the runtime's navigation in both languages, and who it is listed for. */
export function DashboardProperties({ dashboard, language, problems, headingRef, onChange }: DashboardPropertiesProps) {
  const { t } = useTranslation('dashboardDesigner');
  const of = (path: string) => problemsUnder(problems, path);
  return (
    <>
      <h2 ref={headingRef} tabIndex={-1}>
        {t('dashboard.heading')}
      </h2>
      <TextControl label={t('dashboard.title')} value={dashboard.title} problems={of('/title')} onChange={(title) => onChange((d) => ({ ...d, title }), 'dashboard:title')} />
      <div className="form-pair">
        <TextControl label={t('dashboard.labelEn')} lang="en" value={dashboard.label?.en ?? dashboard.title} problems={of('/label/en')} onChange={(v) => onChange((d) => withDashboardLabel(d, 'en', v), 'dashboard:label.en')} />
        <TextControl label={t('dashboard.labelZh')} lang="zh-CN" value={dashboard.label?.['zh-CN'] ?? dashboard.title} problems={of('/label/zh-CN')} onChange={(v) => onChange((d) => withDashboardLabel(d, 'zh-CN', v), 'dashboard:label.zh')} />
      </div>
      <TextControl
        label={t('dashboard.description')}
        multiline
        value={dashboard.description ?? ''}
        problems={of('/description')}
        onChange={(v) =>
          onChange(({ description: _old, ...d }) => (v === '' ? d : { ...d, description: v }), 'dashboard:description')
        }
      />
      <RolesField
        value={dashboard.roles ?? []}
        language={language}
        problems={of('/roles')}
        onToggle={(role, listed) => onChange((d) => withRole(d, role, listed))}
        onChange={(roles) => onChange(({ roles: _old, ...d }) => (roles.length === 0 ? d : { ...d, roles }), 'dashboard:roles')}
      />
    </>
  );
}
