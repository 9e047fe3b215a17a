import type { ApiClient, RoleDefinition, WebhookSubscription } from '@bankforge/client';
import { languageOf, useApiClient } from '@bankforge/app-shell';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../shell/Loading.js';
import { ConfirmDialog } from '../shared/ConfirmDialog.js';
import { LoadFailure } from '../shared/LoadFailure.js';
import { AdminListSection } from '../shared/AdminListSection.js';
import { type Notice } from '../shared/Notice.js';
import { useLoaded } from '../shared/useLoaded.js';
import { DeliveriesPanel } from './DeliveriesPanel.js';
import { WebhookDialog } from './WebhookDialog.js';
import { typeLabelKey } from './webhook-form.js';
import { WebhookSecretDialog } from './WebhookSecretDialog.js';

const loadWebhooks = async (
  api: ApiClient,
): Promise<{ subscriptions: WebhookSubscription[]; roles: RoleDefinition[] }> => {
  const [subscriptions, roles] = await Promise.all([api.webhooks(), api.roles()]);
  return { subscriptions, roles };
};

/** Outbound webhooks: list, create (the secret shown once), edit, rotate, enable after the platform disabled one, delete; the delivery log with replay. */
export function WebhooksPage() {
  const { t, i18n } = useTranslation('admin');
  const api = useApiClient();
  const { state, reload } = useLoaded(loadWebhooks);
  const [editing, setEditing] = useState<WebhookSubscription | 'new' | null>(null);
  const [removing, setRemoving] = useState<WebhookSubscription | null>(null);
  const [rotating, setRotating] = useState<WebhookSubscription | null>(null);
  const [secret, setSecret] = useState<{ name: string; value: string } | null>(null);
  const [watching, setWatching] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadFailure problem={state.error} onRetry={() => void reload()} />;
  const { subscriptions, roles } = state.data;
  const nameOf = (s: WebhookSubscription) =>
    languageOf(i18n.language) === 'zh-CN' ? s.name['zh-CN'] : s.name.en;
  const watched = subscriptions.find((s) => s.key === watching);
  const enable = async (subscription: WebhookSubscription) => {
    await api.enableWebhook(subscription.key);
    await reload();
    setNotice({ key: 'webhooks.enabled', values: { name: nameOf(subscription) } });
  };

  return (
    <>
      <AdminListSection
        title={t('webhooks.title')}
        action={
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {t('webhooks.newWebhook')}
          </button>
        }
        help={t('webhooks.help')}
        notice={notice}
        empty={subscriptions.length === 0 ? t('webhooks.empty') : null}
        emptyHint={t('webhooks.emptyHint')}
        columns={[
          t('webhooks.columns.name'),
          t('webhooks.columns.url'),
          t('webhooks.columns.eventTypes'),
          t('webhooks.columns.state'),
          t('webhooks.columns.actions'),
        ]}
      >
        {subscriptions.map((subscription) => {
          const name = nameOf(subscription);
          return (
            <tr key={subscription.key}>
              <th scope="row">{name}</th>
              <td>{subscription.url}</td>
              <td>{subscription.eventTypes.map((type) => t(typeLabelKey(type))).join(', ')}</td>
              <td>
                {subscription.enabled ? (
                  <span className="badge badge-published">{t('webhooks.state.enabled')}</span>
                ) : (
                  <span className="badge badge-removed">
                    {subscription.disabledReason
                      ? t('webhooks.state.disabled', { reason: subscription.disabledReason })
                      : t('webhooks.state.disabledNoReason')}
                  </span>
                )}
              </td>
              <td>
                <div className="button-row compact">
                  {!subscription.enabled && (
                    <button
                      type="button"
                      onClick={() => void enable(subscription)}
                      aria-label={t('webhooks.enableLabel', { name })}
                    >
                      {t('webhooks.enable')}
                    </button>
                  )}
                  <button
                    type="button"
                    onClick={() => setWatching(subscription.key)}
                    aria-label={t('webhooks.deliveriesLabel', { name })}
                  >
                    {t('webhooks.deliveries')}
                  </button>
                  <button
                    type="button"
                    onClick={() => setEditing(subscription)}
                    aria-label={t('webhooks.editLabel', { name })}
                  >
                    {t('webhooks.edit')}
                  </button>
                  <button
                    type="button"
                    onClick={() => setRotating(subscription)}
                    aria-label={t('webhooks.rotateLabel', { name })}
                  >
                    {t('webhooks.rotate')}
                  </button>
                  <button
                    type="button"
                    onClick={() => setRemoving(subscription)}
                    aria-label={t('webhooks.removeLabel', { name })}
                  >
                    {t('webhooks.remove')}
                  </button>
                </div>
              </td>
            </tr>
          );
        })}
      </AdminListSection>
      {watched && (
        <DeliveriesPanel
          key={watched.key}
          subscription={watched}
          name={nameOf(watched)}
          onClose={() => setWatching(null)}
        />
      )}
      {editing && (
        <WebhookDialog
          subscription={editing === 'new' ? undefined : editing}
          roles={roles}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            const subscription = 'secret' in saved ? saved.subscription : saved;
            if ('secret' in saved) setSecret({ name: nameOf(subscription), value: saved.secret });
            void reload().then(() =>
              setNotice({
                key: 'secret' in saved ? 'webhooks.created' : 'webhooks.saved',
                values: { name: nameOf(subscription) },
              }),
            );
          }}
        />
      )}
      {secret && (
        <WebhookSecretDialog name={secret.name} secret={secret.value} onDone={() => setSecret(null)} />
      )}
      {rotating && (
        <ConfirmDialog
          title={t('webhooks.rotateTitle', { name: nameOf(rotating) })}
          detail={t('webhooks.rotateDetail')}
          confirm={t('webhooks.rotateConfirm')}
          onClose={() => setRotating(null)}
          action={async () => {
            const rotated = await api.rotateWebhookSecret(rotating.key);
            setRotating(null);
            setSecret({ name: nameOf(rotating), value: rotated.secret });
            await reload();
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('webhooks.removeTitle', { name: nameOf(removing) })}
          detail={t('webhooks.removeDetail')}
          confirm={t('webhooks.removeConfirm')}
          danger
          onClose={() => setRemoving(null)}
          action={async () => {
            await api.deleteWebhook(removing.key);
            await reload();
            if (watching === removing.key) setWatching(null);
            setRemoving(null);
            setNotice({ key: 'webhooks.deleted', values: { name: nameOf(removing) } });
          }}
        />
      )}
    </>
  );
}
