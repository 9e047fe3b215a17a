import type { ApiKeyScope, ArtifactSummary, DataScope } from '@bankforge/client';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { entityName } from '../roles/GrantMatrix.js';
import { OperationMatrix } from '../roles/OperationMatrix.js';
import { SCOPES } from '../roles/role-edits.js';
import { allows, toggleOperation } from './key-scope.js';

export interface KeyScopeFieldsProps {
  /** Published entities: the rows a scope may name. */
  entities: readonly ArtifactSummary[];
  scope: ApiKeyScope | null;
  onScope: (scope: ApiKeyScope | null) => void;
  branch: string;
  onBranch: (branch: string) => void;
  perMinute: string;
  onPerMinute: (perMinute: string) => void;
  /** Field errors by field (`scope`, `branch`, `rateLimit`), already in the reader's language. */
  errors: Readonly<Record<string, string>>;
}

/**
 * What a new key may reach beyond its roles' say: a scope narrowing them (entities with the
 * operations ticked, and a data scope), the branch it acts for, and its own rate limit.
 */
export function KeyScopeFields({ entities, scope, onScope, branch, onBranch, perMinute, onPerMinute, errors }: KeyScopeFieldsProps) {
  const { t, i18n } = useTranslation('admin');
  const id = useId();
  return (
    <>
      <fieldset className="key-scope" aria-invalid={errors.scope ? true : undefined} aria-describedby={errors.scope ? `${id}-scope-error` : `${id}-scope-help`}>
        <legend>{t('apiKeys.scope')}</legend>
        <label className="check">
          <input type="checkbox" checked={scope !== null} onChange={(e) => onScope(e.target.checked ? { entities: {}, dataScope: 'all' } : null)} />
          <span>{t('apiKeys.limitScope')}</span>
        </label>
        <p id={`${id}-scope-help`} className="help">
          {scope ? t('apiKeys.scopeHelp') : t('apiKeys.unscopedHelp')}
        </p>
        {scope && (
          <>
            {entities.length === 0 ? (
              <p className="empty-state">{t('apiKeys.noEntities')}</p>
            ) : (
              <OperationMatrix
                rows={entities.map((summary) => ({ key: summary.key, name: entityName(summary, summary.key, i18n.language) }))}
                cell={({ key, name }, op) => (
                  <input
                    type="checkbox"
                    aria-label={t('apiKeys.operationLabel', { operation: t(`roles.operations.${op}`), entity: name })}
                    checked={allows(scope, key, op)}
                    onChange={(e) => onScope(toggleOperation(scope, key, op, e.target.checked))}
                  />
                )}
              />
            )}
            <div className="form-row">
              <label htmlFor={`${id}-data-scope`}>{t('apiKeys.dataScope')}</label>
              <select id={`${id}-data-scope`} value={scope.dataScope} onChange={(e) => onScope({ ...scope, dataScope: e.target.value as DataScope })} aria-describedby={`${id}-data-scope-help`}>
                {SCOPES.map((s) => (
                  <option key={s} value={s}>
                    {t(`apiKeys.dataScopes.${s}`)}
                  </option>
                ))}
              </select>
              <p id={`${id}-data-scope-help`} className="help">
                {t('apiKeys.dataScopeHelp')}
              </p>
            </div>
          </>
        )}
        {errors.scope && (
          <p id={`${id}-scope-error`} className="field-error">
            {errors.scope}
          </p>
        )}
      </fieldset>
      <div className="form-row">
        <label htmlFor={`${id}-branch`}>{t('apiKeys.branch')}</label>
        <input
          id={`${id}-branch`}
          value={branch}
          onChange={(e) => onBranch(e.target.value)}
          autoComplete="off"
          maxLength={64}
          aria-invalid={errors.branch ? true : undefined}
          aria-describedby={errors.branch ? `${id}-branch-error` : `${id}-branch-help`}
        />
        <p id={`${id}-branch-help`} className="help">
          {t('apiKeys.branchHelp')}
        </p>
        {errors.branch && (
          <p id={`${id}-branch-error`} className="field-error">
            {errors.branch}
          </p>
        )}
      </div>
      <div className="form-row">
        <label htmlFor={`${id}-rate`}>{t('apiKeys.rateLimit')}</label>
        <input
          id={`${id}-rate`}
          type="number"
          inputMode="numeric"
          min={1}
          max={100000}
          step={1}
          value={perMinute}
          onChange={(e) => onPerMinute(e.target.value)}
          aria-invalid={errors.rateLimit ? true : undefined}
          aria-describedby={errors.rateLimit ? `${id}-rate-error` : `${id}-rate-help`}
        />
        <p id={`${id}-rate-help`} className="help">
          {t('apiKeys.rateLimitHelp')}
        </p>
        {errors.rateLimit && (
          <p id={`${id}-rate-error`} className="field-error">
            {errors.rateLimit}
          </p>
        )}
      </div>
    </>
  );
}
