import type { ProblemFieldError } from '@bankforge/client';
import { useTranslation } from 'react-i18next';
import { ListControl } from '../../data-model/controls/Controls.js';
import type { DesignerLanguage } from '../../form-designer/workspace/localized.js';
import { useRoles } from '../../shell/roles/useRoles.js';

export interface RolesFieldProps {
  value: readonly string[];
  language: DesignerLanguage;
  problems: readonly ProblemFieldError[];
  onToggle(role: string, listed: boolean): void;
  /** The whole list, typed (when the bank's roles cannot be loaded). */
  onChange(roles: string[]): void;
}

/** The roles whose navigation lists the dashboard: one box per role of the bank, by its name. */
export function RolesField({ value, language, problems, onToggle, onChange }: RolesFieldProps) {
  const { t } = useTranslation('dashboardDesigner');
  const roles = useRoles();
  if (roles.status === 'failed') return <ListControl label={t('dashboard.rolesTyped')} help={t('dashboard.rolesFailed')} value={value} problems={problems} onChange={onChange} />;
  const known = roles.status === 'ready' ? roles.roles : [];
  // A role the draft names that the bank no longer has stays visible, so it can be taken off.
  const unknown = roles.status === 'ready' ? value.filter((key) => !known.some((r) => r.key === key)) : [];
  return (
    <fieldset className="dashboard-roles">
      <legend>{t('dashboard.roles')}</legend>
      <p className="help">{t('dashboard.rolesHelp')}</p>
      {roles.status === 'loading' && <p role="status">{t('dashboard.rolesLoading')}</p>}
      {known.map((role) => (
        <label key={role.key} className="check-label">
          <input type="checkbox" checked={value.includes(role.key)} onChange={(e) => onToggle(role.key, e.target.checked)} />
          {role.label[language] || role.label.en} <code>{role.key}</code>
        </label>
      ))}
      {unknown.map((key) => (
        <label key={key} className="check-label field-error">
          <input type="checkbox" checked onChange={() => onToggle(key, false)} />
          {t('dashboard.unknownRole', { key })}
        </label>
      ))}
      {problems.length > 0 && (
        <ul className="field-errors">
          {problems.map((p, i) => (
            <li key={`${p.path}-${i}`}>{language === 'zh-CN' && p.messageZh ? p.messageZh : p.message}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
