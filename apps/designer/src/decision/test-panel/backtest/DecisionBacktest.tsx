import type { ApiProblem, DecisionBacktestResult } from '@bankforge/client';
import type { DecisionArtifact } from '@bankforge/rule-engine';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { asProblem, useApiClient } from '@bankforge/app-shell';
import { ProblemList } from '../../../shell/publish/ProblemList.js';
import { BacktestChanges } from './BacktestChanges.js';
import '../test-panel.css';

/** The server replays at most this many evaluations per backtest. */
export const MAX_BACKTEST = 10_000;
export const DEFAULT_BACKTEST = 1000;

/** Parses the N field: a whole number from 1 to the server's maximum, else null. */
function limitOf(text: string): number | null {
  const trimmed = text.trim();
  const n = Number(trimmed);
  return /^\d+$/.test(trimmed) && n >= 1 && n <= MAX_BACKTEST ? n : null;
}

/**
 * The draft replayed by the server against the latest N evaluations of the published version:
 * how many answers would change, and which (inputs, before → after). Nothing is written.
 */
export function DecisionBacktest({ artifact }: { artifact: DecisionArtifact }) {
  const { t } = useTranslation('decisionTests');
  const api = useApiClient();
  const id = useId();
  const [limitText, setLimitText] = useState(String(DEFAULT_BACKTEST));
  const [limitInvalid, setLimitInvalid] = useState(false);
  const [running, setRunning] = useState<number | null>(null);
  const [result, setResult] = useState<DecisionBacktestResult | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const limit = limitOf(limitText);

  const run = async (event: FormEvent) => {
    event.preventDefault();
    setLimitInvalid(limit === null);
    if (limit === null) return;
    setRunning(limit);
    setProblem(null);
    setResult(null);
    try {
      setResult(await api.backtestDecision(artifact.key, { document: artifact, limit }));
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setRunning(null);
    }
  };

  return (
    <section className="dt-backtest" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('backtest.title')}</h3>
      <p className="help">{t('backtest.intro')}</p>
      <form className="inline-form" onSubmit={(e) => void run(e)} noValidate>
        <span className="field-inline">
          <label htmlFor={`${id}-limit`}>{t('backtest.limit')}</label>
          <input
            id={`${id}-limit`}
            inputMode="numeric"
            size={6}
            value={limitText}
            onChange={(e) => setLimitText(e.target.value)}
            aria-invalid={limitInvalid || undefined}
            aria-describedby={limitInvalid ? `${id}-limit-error` : undefined}
          />
        </span>
        <button type="submit" disabled={running !== null}>
          {t('backtest.run', { limit: limit ?? limitText })}
        </button>
        {limitInvalid && (
          <span id={`${id}-limit-error`} className="field-error">
            {t('backtest.limitInvalid', { max: MAX_BACKTEST })}
          </span>
        )}
      </form>
      <p role="status">
        {running !== null && (
          <>
            <progress aria-label={t('backtest.running', { limit: running })} />{' '}
            {t('backtest.running', { limit: running })}
          </>
        )}
      </p>
      {problem && <BacktestProblem problem={problem} />}
      {result && (
        <>
          <p>{t('backtest.against', { version: result.version })}</p>
          <dl className="dt-counts" aria-label={t('backtest.counts')}>
            {(['evaluated', 'changed', 'unchanged', 'failed', 'skipped'] as const).map((count) => (
              <div key={count}>
                <dt>{t(`backtest.${count}`)}</dt>
                <dd>{result[count]}</dd>
              </div>
            ))}
          </dl>
          <BacktestChanges result={result} />
        </>
      )}
    </section>
  );
}

/** Why the server refused: no right (403), nothing published (404), a draft it cannot take (422), anything else. */
function BacktestProblem({ problem }: { problem: ApiProblem }) {
  const { t } = useTranslation('decisionTests');
  if (problem.status === 422 && problem.errors.length > 0) {
    return (
      <div role="alert" className="notice notice-error">
        <strong>{t('backtest.invalid')}</strong>
        <ProblemList problems={problem.errors} />
      </div>
    );
  }
  const message =
    problem.status === 403
      ? t('backtest.forbidden')
      : problem.status === 404
        ? t('backtest.notPublished')
        : t('backtest.problem', { message: problem.detail || problem.title });
  return (
    <p role="alert" className="notice notice-error">
      {message}
    </p>
  );
}
