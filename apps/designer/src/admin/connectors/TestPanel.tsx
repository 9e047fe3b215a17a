import type { Connector, ConnectorMethod, ConnectorTestResult } from '@bankforge/client';
import { asProblem, languageOf, useApiClient } from '@bankforge/app-shell';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../shell/api/problems.js';

const METHODS: readonly ConnectorMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'];

export interface TestPanelProps {
  connector: Connector;
  onClose: () => void;
  /** Adds a host to the allowed hosts: offered when the connector's host was refused as private. */
  onAllowHost: (host: string) => Promise<void>;
}

/** Sends one request through a connector and shows the answer (status, time, body) or why it was refused. */
export function TestPanel({ connector, onClose, onAllowHost }: TestPanelProps) {
  const { t, i18n } = useTranslation('admin');
  const api = useApiClient();
  const id = useId();
  const [method, setMethod] = useState<ConnectorMethod>('GET');
  const [path, setPath] = useState('/');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ConnectorTestResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const name = languageOf(i18n.language) === 'zh-CN' ? connector.name['zh-CN'] : connector.name.en;
  const withBody = method !== 'GET' && method !== 'HEAD';
  const host = hostOf(connector.baseUrl);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setResult(null);
    setError(null);
    try {
      setResult(await api.testConnector(connector.key, { method, path: path.trim(), ...(withBody && body !== '' ? { body } : {}) }));
    } catch (failure) {
      const problem = asProblem(failure);
      setError(problem.errors[0] ? problemMessage(problem.errors[0], i18n.language) : problem.detail || problem.title);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="connector-test">
      <div className="section-header">
        <h2 id={`${id}-title`}>{t('connectors.testPanel.title', { name })}</h2>
        <button type="button" onClick={onClose}>
          {t('connectors.testPanel.close')}
        </button>
      </div>
      <form onSubmit={(e) => void send(e)} noValidate className="test-request">
        <div className="form-row">
          <label htmlFor={`${id}-method`}>{t('connectors.testPanel.method')}</label>
          <select id={`${id}-method`} value={method} onChange={(e) => setMethod(e.target.value as ConnectorMethod)}>
            {METHODS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </div>
        <div className="form-row">
          <label htmlFor={`${id}-path`}>{t('connectors.testPanel.path')}</label>
          <input id={`${id}-path`} value={path} onChange={(e) => setPath(e.target.value)} autoComplete="off" aria-describedby={`${id}-path-help`} />
          <p id={`${id}-path-help`} className="help">
            {connector.baseUrl.replace(/\/$/, '')}
            {path.trim()} — {t('connectors.testPanel.pathHelp')}
          </p>
        </div>
        {withBody && (
          <div className="form-row">
            <label htmlFor={`${id}-body`}>{t('connectors.testPanel.body')}</label>
            <textarea id={`${id}-body`} rows={4} value={body} onChange={(e) => setBody(e.target.value)} spellCheck={false} />
          </div>
        )}
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy} aria-busy={busy || undefined}>
            {busy ? t('connectors.testPanel.sending') : t('connectors.testPanel.send')}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite" className="test-answer">
        {busy && <p className="help">{t('connectors.testPanel.sending')}</p>}
        {error && <p className="notice notice-error">{t('failed', { message: error })}</p>}
        {result && !result.ok && (result.reason === 'privateAddress' && host ? (
          // The bank's own systems are on private addresses: the way on is to allow the host, one click away.
          <div className="notice notice-error">
            <p>{t('connectors.testPanel.privateHost', { host })}</p>
            <button type="button" onClick={() => void onAllowHost(host).catch((failure: unknown) => setError(asProblem(failure).detail || asProblem(failure).title))}>
              {t('connectors.testPanel.allowHost', { host })}
            </button>
          </div>
        ) : (
          <p className="notice notice-error">{t('connectors.testPanel.refused', { reason: t(`connectors.testPanel.reason.${result.reason}`), detail: result.detail })}</p>
        ))}
        {result?.ok && (
          <>
            <p>
              <strong className={result.status < 400 ? 'badge badge-published' : 'badge badge-removed'}>{t('connectors.testPanel.status', { status: result.status })}</strong>{' '}
              <span>{t('connectors.testPanel.duration', { ms: result.durationMs })}</span>
            </p>
            <h3>{t('connectors.testPanel.answer')}</h3>
            <pre className="answer-body" tabIndex={0} aria-label={t('connectors.testPanel.answer')}>
              {result.body}
            </pre>
            {result.truncated && <p className="help">{t('connectors.testPanel.truncated')}</p>}
          </>
        )}
      </div>
    </section>
  );
}

/** The base URL's host with its port, as the allowed hosts list names it; null for a URL that does not parse. */
function hostOf(baseUrl: string): string | null {
  try {
    return new URL(baseUrl).host || null;
  } catch {
    return null;
  }
}
