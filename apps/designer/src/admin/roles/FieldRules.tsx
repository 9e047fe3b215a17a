import type { ArtifactSummary, FieldAccess, RoleDefinition } from '@bankforge/client';
import { asProblem, languageOf, useApiClient } from '@bankforge/app-shell';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIELD_RULES, setFieldRule } from './role-edits.js';

interface FieldName {
  key: string;
  label: { en: string; 'zh-CN'?: string };
}

export interface FieldRulesProps {
  role: RoleDefinition;
  entity: string;
  /** The published entity; undefined when the role names one that is not published (its rules show by key). */
  summary: ArtifactSummary | undefined;
  entityLabel: string;
  onChange: (role: RoleDefinition) => void;
}

/** The role's rule for each field of an entity (in clear, hidden, read-only or masked), the fields read from its latest version. */
export function FieldRules({ role, entity, summary, entityLabel, onChange }: FieldRulesProps) {
  const { t, i18n } = useTranslation('admin');
  const api = useApiClient();
  const [fields, setFields] = useState<FieldName[] | null>(summary ? null : []);
  const [failure, setFailure] = useState<string | null>(null);
  const version = summary?.latestVersion ?? null;

  useEffect(() => {
    if (version === null) return;
    let current = true;
    api.getVersion('entity', entity, version).then(
      (draft) => current && setFields(((draft.document as { fields?: FieldName[] }).fields ?? []).map((f) => ({ key: f.key, label: f.label }))),
      (error: unknown) => current && setFailure(asProblem(error).detail),
    );
    return () => {
      current = false;
    };
  }, [api, entity, version]);

  if (failure) return <p role="alert" className="error-text">{t('roles.fieldsFailed', { message: failure })}</p>;
  if (!fields) return <p role="status" className="help">{t('roles.loadingFields')}</p>;
  const rules = role.entities?.[entity]?.fields ?? {};
  // Rules on fields the entity no longer has still show, so they can be cleared.
  const shown: FieldName[] = [...fields, ...Object.keys(rules).filter((key) => !fields.some((f) => f.key === key)).map((key) => ({ key, label: { en: key } }))];
  const name = (field: FieldName) => (languageOf(i18n.language) === 'zh-CN' ? field.label['zh-CN'] || field.label.en : field.label.en);

  return (
    <div className="field-rules">
      <p className="help">
        <strong>{t('roles.fieldRulesOf', { entity: entityLabel })}</strong> {t('roles.fieldRulesHelp')}
      </p>
      <table className="data-table compact">
        <thead>
          <tr>
            <th scope="col">{t('roles.field')}</th>
            <th scope="col">{t('roles.rule')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((field) => {
            const access = rules[field.key]?.access ?? 'clear';
            return (
              <tr key={field.key}>
                <th scope="row">
                  {name(field)} <code>{field.key}</code>
                </th>
                <td>
                  <select
                    aria-label={t('roles.ruleLabel', { field: name(field) })}
                    value={access}
                    className={`rule rule-${access}`}
                    onChange={(e) => onChange(setFieldRule(role, entity, field.key, e.target.value as FieldAccess | 'clear'))}
                  >
                    <option value="clear">{t('roles.rules.clear')}</option>
                    {FIELD_RULES.map((rule) => (
                      <option key={rule} value={rule}>
                        {t(`roles.rules.${rule}`)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
