import type { ArtifactSummary, DataScope, RoleDefinition } from '@bankforge/client';
import { languageOf } from '@bankforge/app-shell';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldRules } from './FieldRules.js';
import { OperationMatrix } from './OperationMatrix.js';
import { matrixEntities, OPERATIONS, ruleCount, SCOPES, setScope, setUnmask } from './role-edits.js';

export interface GrantMatrixProps {
  role: RoleDefinition;
  entities: readonly ArtifactSummary[];
  onChange: (role: RoleDefinition) => void;
}

/** An entity as analysts named it, in the reader's language; its key when it is not published. */
export function entityName(summary: ArtifactSummary | undefined, key: string, language: string): string {
  if (!summary) return key;
  const label = summary.label;
  if (!label) return summary.title;
  return languageOf(language) === 'zh-CN' ? label['zh-CN'] || label.en : label.en;
}

/**
 * What the role may do with each entity's records, as a matrix: a row per entity, a column per
 * operation whose cell names the scope (No, Own, Team, Branch, All), unmasking, and the entity's
 * field rules opened below its row.
 */
export function GrantMatrix({ role, entities, onChange }: GrantMatrixProps) {
  const { t, i18n } = useTranslation('admin');
  const id = useId();
  const [openRules, setOpenRules] = useState<string | null>(null);
  const keys = matrixEntities(
    role,
    entities.map((e) => e.key),
  );
  const granted = keys.filter((key) => role.entities?.[key] !== undefined).length;

  return (
    <section aria-labelledby={`${id}-title`} className="grant-matrix">
      <h4 id={`${id}-title`}>{t('roles.data')}</h4>
      <p className="help">
        {t('roles.dataHelp')} {t('roles.summary', { count: granted })}
      </p>
      <OperationMatrix
        rows={keys.map((key) => {
          const summary = entities.find((e) => e.key === key);
          return {
            key,
            name: entityName(summary, key, i18n.language),
            ...(summary ? {} : { note: <span className="help"> ({t('roles.notPublished')})</span> }),
            ...(role.entities?.[key] ? { className: 'granted' } : {}),
          };
        })}
        cell={({ key, name }, op) => {
          const scope = role.entities?.[key]?.[op] ?? 'none';
          return (
            <select
              aria-label={t('roles.scopeLabel', { operation: t(`roles.operations.${op}`), entity: name })}
              value={scope}
              className={`scope scope-${scope}`}
              onChange={(e) => onChange(setScope(role, key, op, e.target.value === 'none' ? undefined : (e.target.value as DataScope)))}
            >
              <option value="none">{t('roles.scopes.none')}</option>
              {SCOPES.map((s) => (
                <option key={s} value={s}>
                  {t(`roles.scopes.${s}`)}
                </option>
              ))}
            </select>
          );
        }}
        moreColumns={[t('roles.unmask'), t('roles.fieldRules')]}
        moreCells={({ key, name }) => {
          const open = openRules === key;
          return (
            <>
              <td>
                <input type="checkbox" aria-label={t('roles.unmaskLabel', { entity: name })} checked={role.entities?.[key]?.unmask === true} onChange={(e) => onChange(setUnmask(role, key, e.target.checked))} />
              </td>
              <td>
                <button type="button" aria-expanded={open} aria-controls={`${id}-${key}-rules`} onClick={() => setOpenRules(open ? null : key)}>
                  {t('roles.fieldRulesCount', { count: ruleCount(role, key) })}
                </button>
              </td>
            </>
          );
        }}
        below={({ key, name }) =>
          openRules === key && (
            <tr className="field-rules-row">
              <td colSpan={OPERATIONS.length + 3} id={`${id}-${key}-rules`}>
                <FieldRules role={role} entity={key} summary={entities.find((e) => e.key === key)} entityLabel={name} onChange={onChange} />
              </td>
            </tr>
          )
        }
      />
    </section>
  );
}
