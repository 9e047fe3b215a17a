import type { WebhookDelivery, WebhookDeliveryState, WebhookSubscription } from '@bankforge/client';
import { asProblem, useApiClient } from '@bankforge/app-shell';
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../shared/format.js';

const STATES: readonly WebhookDeliveryState[] = ['pending', 'delivered', 'failed'];
const SHOWN = 50;

/** A subscription's delivery log, newest first: time, event type, state, attempts, last answer; Replay sends one again now. */
export function DeliveriesPanel({
  subscription,
  name,
  onClose,
}: {
  subscription: WebhookSubscription;
  name: string;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation('admin');
  const api = useApiClient();
  const id = useId();
  const [state, setState] = useState<WebhookDeliveryState | ''>('');
  const [items, setItems] = useState<WebhookDelivery[] | null>(null);
  const [message, setMessage] = useState<{
    kind: 'success' | 'error';
    key: string;
    values: Record<string, string>;
  } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const fetchItems = useCallback(
    async () =>
      (await api.webhookDeliveries(subscription.key, { ...(state ? { state } : {}), limit: SHOWN })).items,
    [api, subscription.key, state],
  );
  const failedToLoad = useCallback((error: unknown) => {
    const problem = asProblem(error);
    setMessage({ kind: 'error', key: 'loadFailed', values: { message: problem.detail || problem.title } });
  }, []);
  useEffect(() => {
    let current = true;
    fetchItems().then(
      (found) => current && setItems(found),
      (error: unknown) => current && failedToLoad(error),
    );
    return () => {
      current = false;
    };
  }, [fetchItems, failedToLoad]);
  const load = async () => {
    try {
      setItems(await fetchItems());
    } catch (error) {
      failedToLoad(error);
    }
  };

  const replay = async (delivery: WebhookDelivery) => {
    setBusy(delivery.id);
    setMessage(null);
    try {
      await api.replayWebhookDelivery(delivery.id);
      await load();
      setMessage({ kind: 'success', key: 'webhooks.log.replayed', values: {} });
    } catch (error) {
      const problem = asProblem(error);
      setMessage({ kind: 'error', key: 'failed', values: { message: problem.detail || problem.title } });
    } finally {
      setBusy(null);
    }
  };

  const when = (iso: string) => formatInstant(iso, i18n.language);
  return (
    <section aria-labelledby={`${id}-title`} className="webhook-deliveries">
      <div className="section-header">
        <h2 id={`${id}-title`}>{t('webhooks.log.title', { name })}</h2>
        <div className="button-row compact">
          <label htmlFor={`${id}-state`}>{t('webhooks.log.state')}</label>
          <select
            id={`${id}-state`}
            value={state}
            onChange={(e) => setState(e.target.value as WebhookDeliveryState | '')}
          >
            <option value="">{t('webhooks.log.all')}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {t(`webhooks.log.states.${s}`)}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => void load()}>
            {t('webhooks.log.refresh')}
          </button>
          <button type="button" onClick={onClose}>
            {t('webhooks.log.close')}
          </button>
        </div>
      </div>
      <p
        role="status"
        aria-live="polite"
        className={message ? `notice notice-${message.kind}` : 'visually-hidden'}
      >
        {message ? t(message.key, message.values) : ''}
      </p>
      {items !== null && items.length === 0 && <p className="empty-state">{t('webhooks.log.empty')}</p>}
      {items !== null && items.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('webhooks.log.columns.time')}</th>
              <th scope="col">{t('webhooks.log.columns.eventType')}</th>
              <th scope="col">{t('webhooks.log.columns.state')}</th>
              <th scope="col">{t('webhooks.log.columns.attempts')}</th>
              <th scope="col">{t('webhooks.log.columns.last')}</th>
              <th scope="col">{t('webhooks.log.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((delivery) => (
              <tr key={delivery.id}>
                <th scope="row">{when(delivery.createdAt)}</th>
                <td>
                  <code>{delivery.eventType}</code>
                </td>
                <td>
                  {t(`webhooks.log.states.${delivery.state}`)}
                  {delivery.nextAttemptAt && (
                    <span className="help">
                      {' '}
                      ({t('webhooks.log.nextAttempt', { time: when(delivery.nextAttemptAt) })})
                    </span>
                  )}
                </td>
                <td>{delivery.attempts}</td>
                <td>
                  {[
                    delivery.lastStatus !== undefined
                      ? t('webhooks.log.status', { status: delivery.lastStatus })
                      : '',
                    delivery.lastError && delivery.lastError !== `HTTP ${delivery.lastStatus}`
                      ? delivery.lastError
                      : '',
                  ]
                    .filter(Boolean)
                    .join(' — ') || t('none')}
                </td>
                <td>
                  <button
                    type="button"
                    disabled={busy !== null || !subscription.enabled}
                    onClick={() => void replay(delivery)}
                    aria-label={t('webhooks.log.replayLabel', { time: when(delivery.createdAt) })}
                  >
                    {t('webhooks.log.replay')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
