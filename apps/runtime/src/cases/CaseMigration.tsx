import { asProblem, Dialog, languageOf, useApiClient } from '@bankforge/app-shell';
import type { ApiProblem, CaseDetail } from '@bankforge/client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseText } from '../approval/case-text.js';

export interface CaseMigrationProps {
  detail: CaseDetail;
  onDone(detail: CaseDetail, version: number): void;
  onFailed(problem: ApiProblem): void;
}

/**
 * For an administrator, when a newer version of the case's flow is published: move the running
 * case to it (after confirming). The server refuses when a step the case waits at is gone or
 * changed, naming the steps.
 */
export function CaseMigration({ detail, onDone, onFailed }: CaseMigrationProps) {
  const { t, i18n } = useTranslation('cases');
  const api = useApiClient();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const detailId = useId();
  const version = detail.migrateTo;
  if (version === undefined) return null;
  const flow = caseText(detail.flowName, languageOf(i18n.language));

  const migrate = async () => {
    setBusy(true);
    try {
      const next = await api.migrateCase(detail.id, { toVersion: version });
      onDone(next, version);
    } catch (error) {
      onFailed(asProblem(error));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <div className="case-commands">
      <button type="button" onClick={() => setConfirming(true)} disabled={busy}>
        {t('migrate.button', { version })}
      </button>
      {confirming && (
        <Dialog title={t('migrate.title', { flow, version })} onClose={() => setConfirming(false)} busy={busy}>
          <p id={detailId}>{t('migrate.detail', { from: detail.flowVersion, version })}</p>
          <div className="dialog-actions">
            <button type="button" className="primary" aria-describedby={detailId} disabled={busy} aria-busy={busy || undefined} onClick={() => void migrate()}>
              {t('migrate.confirm', { version })}
            </button>
            <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
              {t('migrate.cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
