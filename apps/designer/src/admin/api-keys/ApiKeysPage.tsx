import type { ApiClient, ApiKeySummary, ArtifactSummary, RoleDefinition } from '@bankforge/client';
import { useApiClient } from '@bankforge/app-shell';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../shell/Loading.js';
import { ConfirmDialog } from '../shared/ConfirmDialog.js';
import { formatInstant } from '../shared/format.js';
import { LoadFailure } from '../shared/LoadFailure.js';
import { AdminListSection } from '../shared/AdminListSection.js';
import { type Notice } from '../shared/Notice.js';
import { roleNames } from '../shared/role-name.js';
import { useLoaded } from '../shared/useLoaded.js';
import { entityName } from '../roles/GrantMatrix.js';
import { OPERATIONS } from '../roles/role-edits.js';
import { scopeSummary } from './key-scope.js';
import { NewApiKeyDialog } from './NewApiKeyDialog.js';

const loadKeys = async (
  api: ApiClient,
): Promise<{ keys: ApiKeySummary[]; roles: RoleDefinition[]; entities: ArtifactSummary[] }> => {
  const [keys, roles, entities] = await Promise.all([
    api.apiKeys(),
    api.roles(),
    api.listArtifacts('entity'),
  ]);
  return { keys, roles, entities: entities.filter((e) => e.latestVersion !== null) };
};

/** The integrations' API keys: list (never a secret), create (the key shown once), revoke. */
export function ApiKeysPage() {
  const { t, i18n } = useTranslation('admin');
  const api = useApiClient();
  const { state, reload } = useLoaded(loadKeys);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeySummary | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadFailure problem={state.error} onRetry={() => void reload()} />;
  const { keys, roles, entities } = state.data;
  const nameOf = (key: string): string =>
    entityName(
      entities.find((e) => e.key === key),
      key,
      i18n.language,
    );
  // Active keys first, newest first: the ones that can still be used are the ones looked for.
  const shown = [...keys].sort(
    (a, b) =>
      Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.createdAt.localeCompare(a.createdAt),
  );

  return (
    <>
      <AdminListSection
        title={t('apiKeys.title')}
        action={
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            {t('apiKeys.newKey')}
          </button>
        }
        help={t('apiKeys.help')}
        notice={notice}
        empty={shown.length === 0 ? t('apiKeys.empty') : null}
        emptyHint={t('apiKeys.emptyHint')}
        columns={[
          t('apiKeys.name'),
          t('apiKeys.roles'),
          t('apiKeys.scope'),
          t('apiKeys.rateLimitColumn'),
          t('apiKeys.createdAt'),
          t('apiKeys.lastUsedAt'),
          t('apiKeys.status'),
          t('apiKeys.actions'),
        ]}
      >
        {shown.map((key) => (
          <tr key={key.id} className={key.revokedAt ? 'row-disabled' : undefined}>
            <th scope="row">{key.name}</th>
            <td>{roleNames(key.roles, roles, i18n.language).join('、') || t('none')}</td>
            <td>
              {key.scope ? (
                <ul className="plain-list">
                  {scopeSummary(key.scope, OPERATIONS, (entity, ops) =>
                    t('apiKeys.scopeLine', {
                      entity: nameOf(entity),
                      operations: ops
                        .map((op) => t(`roles.operations.${op}`))
                        .join(t('apiKeys.listSeparator')),
                    }),
                  ).map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                  <li>
                    {t('apiKeys.dataScopeIs', {
                      scope: t(`apiKeys.dataScopes.${key.scope.dataScope}`),
                    })}
                  </li>
                </ul>
              ) : (
                t('apiKeys.rolesOnly')
              )}
              {key.branch && <div className="help">{t('apiKeys.branchIs', { branch: key.branch })}</div>}
            </td>
            <td>
              {key.rateLimit
                ? t('apiKeys.perMinute', { count: key.rateLimit.perMinute })
                : t('apiKeys.defaultRate')}
            </td>
            <td>{formatInstant(key.createdAt, i18n.language)}</td>
            <td>{key.lastUsedAt ? formatInstant(key.lastUsedAt, i18n.language) : t('apiKeys.never')}</td>
            <td>
              {key.revokedAt ? (
                <span className="badge badge-removed">
                  {t('apiKeys.revoked', { date: formatInstant(key.revokedAt, i18n.language) })}
                </span>
              ) : (
                <span className="badge badge-published">{t('apiKeys.active')}</span>
              )}
            </td>
            <td>
              {!key.revokedAt && (
                <button
                  type="button"
                  onClick={() => setRevoking(key)}
                  aria-label={t('apiKeys.revokeLabel', { name: key.name })}
                >
                  {t('apiKeys.revoke')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </AdminListSection>
      {creating && (
        <NewApiKeyDialog
          roles={roles}
          entities={entities}
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            void reload();
          }}
        />
      )}
      {revoking && (
        <ConfirmDialog
          title={t('confirm.revokeTitle', { name: revoking.name })}
          detail={t('confirm.revokeDetail')}
          confirm={t('confirm.revoke')}
          danger
          onClose={() => setRevoking(null)}
          action={async () => {
            await api.revokeApiKey(revoking.id);
            // The dialog stays busy until the list shows the key revoked, then the notice says so.
            await reload();
            setRevoking(null);
            setNotice({ key: 'apiKeys.revokedNotice', values: { name: revoking.name } });
          }}
        />
      )}
    </>
  );
}
