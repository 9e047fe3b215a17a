import { asProblem, useApiClient } from '@bankforge/app-shell';
import type { ApiProblem, ChainProgress } from '@bankforge/client';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemNotice } from '../shell/ProblemNotice.js';
import { verifyChain } from './chain-verification.js';

type Check = { status: 'idle' } | { status: 'running'; done: number; total: number } | { status: 'done'; verdict: ChainProgress } | { status: 'stopped'; done: number } | { status: 'failed'; problem: ApiProblem };

/** "Verify chain": recomputes the whole hash chain on the server a stretch at a time, with a progress bar, and says the verdict. */
export function ChainCheck() {
  const { t, i18n } = useTranslation('audit');
  const api = useApiClient();
  const [check, setCheck] = useState<Check>({ status: 'idle' });
  const running = useRef<AbortController | null>(null);
  useEffect(() => () => running.current?.abort(), []);
  const number = (n: number) => new Intl.NumberFormat(i18n.language).format(n);

  const start = async () => {
    const controller = new AbortController();
    running.current = controller;
    let done = 0;
    setCheck({ status: 'running', done: 0, total: 0 });
    try {
      const verdict = await verifyChain(api, {
        signal: controller.signal,
        onProgress: (verified, total) => {
          done = verified;
          if (!controller.signal.aborted) setCheck({ status: 'running', done: verified, total });
        },
      });
      setCheck(verdict ? { status: 'done', verdict } : { status: 'stopped', done });
    } catch (error) {
      setCheck({ status: 'failed', problem: asProblem(error) });
    } finally {
      if (running.current === controller) running.current = null;
    }
  };

  return (
    <div className="chain-check">
      {check.status === 'running' ? (
        <button type="button" onClick={() => running.current?.abort()}>
          {t('chain.cancel')}
        </button>
      ) : (
        <button type="button" className="primary" onClick={() => void start()}>
          {t('chain.verify')}
        </button>
      )}
      <div role="status" aria-live="polite" className="chain-status">
        {check.status === 'running' && (
          <>
            <progress aria-label={t('chain.progressLabel')} value={check.done} max={Math.max(check.total, 1)} />
            <span>{check.total > 0 ? t('chain.progress', { done: number(check.done), total: number(check.total) }) : t('chain.verifying')}</span>
          </>
        )}
        {check.status === 'done' && check.verdict.ok && (
          <p className="chain-verdict chain-intact">
            {t('chain.intact', { count: check.verdict.entries })}
            {/* In full: an auditor writes it down to compare with the next verification. */}
            <span className="chain-head">
              {' '}
              {t('chain.head')}
              <code>{check.verdict.headHash}</code>
            </span>
          </p>
        )}
        {check.status === 'done' && !check.verdict.ok && check.verdict.firstBroken && (
          <p className="chain-verdict chain-broken" role="alert">
            {t('chain.broken', { seq: check.verdict.firstBroken.seq, reason: t(`chain.reasons.${check.verdict.firstBroken.reason}`), count: check.verdict.entries })}
          </p>
        )}
        {check.status === 'stopped' && <p className="chain-verdict">{t('chain.stopped', { count: check.done })}</p>}
      </div>
      {check.status === 'failed' && <ProblemNotice message={t('chain.failed')} problem={check.problem} onRetry={() => void start()} />}
    </div>
  );
}
