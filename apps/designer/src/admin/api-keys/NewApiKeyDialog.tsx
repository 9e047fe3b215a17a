import type { ApiKeyCreateRequest, ApiKeyScope, ArtifactSummary, CreatedApiKey, RoleDefinition } from '@bankforge/client';
import { asProblem, Dialog, useApiClient } from '@bankforge/app-shell';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogFooter, type DialogFailure } from '../shared/DialogFooter.js';
import { fieldProblems } from '../shared/field-problems.js';
import { OneTimeSecret } from '../shared/OneTimeSecret.js';
import { RoleChecklist } from '../shared/RoleChecklist.js';
import { KeyScopeFields } from './KeyScopeFields.js';

export interface NewApiKeyDialogProps {
  roles: readonly RoleDefinition[];
  /** Published entities, which a scope may name. */
  entities: readonly ArtifactSummary[];
  onClose: () => void;
  onDone: () => void;
}

/**
 * Creates an API key for an integration with the roles it acts with, optionally narrowed to a
 * scope, bound to a branch and given its own rate limit, then shows the key once.
 */
export function NewApiKeyDialog({ roles, entities, onClose, onDone }: NewApiKeyDialogProps) {
  const { t, i18n } = useTranslation('admin');
  const api = useApiClient();
  const id = useId();
  const [name, setName] = useState('');
  const [held, setHeld] = useState<string[]>([]);
  const [scope, setScope] = useState<ApiKeyScope | null>(null);
  const [branch, setBranch] = useState('');
  const [perMinute, setPerMinute] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<DialogFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found: Record<string, string> = {};
    if (name.trim() === '') found.name = t('apiKeys.nameRequired');
    if (scope && Object.keys(scope.entities).length === 0) found.scope = t('apiKeys.scopeEmpty');
    const rate = perMinute.trim() === '' ? undefined : Number(perMinute);
    if (rate !== undefined && (!Number.isInteger(rate) || rate < 1 || rate > 100000)) found.rateLimit = t('apiKeys.rateLimitInvalid');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    // Only what was set is sent: an unscoped key without a branch or limit is asked for as before.
    const limits: Omit<ApiKeyCreateRequest, 'name' | 'roles'> = {
      ...(scope ? { scope } : {}),
      ...(branch.trim() !== '' ? { branch: branch.trim() } : {}),
      ...(rate !== undefined ? { rateLimit: { perMinute: rate } } : {}),
    };
    setBusy(true);
    try {
      setCreated(await api.createApiKey(name.trim(), held, limits));
    } catch (error) {
      const problem = asProblem(error);
      const { byField, other } = fieldProblems(problem, ['name', 'roles', 'scope', 'branch', 'rateLimit'], i18n.language);
      setErrors(byField);
      if (other.length > 0 || Object.keys(byField).length === 0) setFailure({ message: problem.detail || problem.title, problems: other });
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <Dialog key="secret" title={t('oneTime.keyTitle', { name: created.name })} onClose={onDone} className="dialog-wide">
        <OneTimeSecret label={t('oneTime.key')} value={created.key} note={t('oneTime.keyNote')} />
        <div className="button-row">
          <button type="button" className="primary" onClick={onDone}>
            {t('done')}
          </button>
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog key="form" title={t('apiKeys.dialogTitle')} onClose={onClose} busy={busy} className="dialog-wide">
      <form onSubmit={(e) => void submit(e)} noValidate className="stack">
        <div className="form-row">
          <label htmlFor={`${id}-name`}>{t('apiKeys.name')}</label>
          <input
            id={`${id}-name`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoComplete="off"
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? `${id}-name-error` : `${id}-name-help`}
          />
          <p id={`${id}-name-help`} className="help">
            {t('apiKeys.nameHelp')}
          </p>
          {errors.name && (
            <p id={`${id}-name-error`} className="field-error">
              {errors.name}
            </p>
          )}
        </div>
        <RoleChecklist legend={t('apiKeys.roles')} roles={roles} value={held} onChange={setHeld} error={errors.roles} />
        <KeyScopeFields
          entities={entities}
          scope={scope}
          onScope={setScope}
          branch={branch}
          onBranch={setBranch}
          perMinute={perMinute}
          onPerMinute={setPerMinute}
          errors={errors}
        />
        <DialogFooter failure={failure} busy={busy} onCancel={onClose} submitLabel={busy ? t('apiKeys.creating') : t('apiKeys.create')} />
      </form>
    </Dialog>
  );
}
