import { asProblem, useApiClient } from '@bankforge/app-shell';
import type { ApiProblem, CaseDetail, CaseSummary } from '@bankforge/client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordTitle } from '../approval/case-text.js';
import { approvalsChanged } from '../shell/refresh/approvals-changed.js';
import { Dialog } from '@bankforge/app-shell';

export type CaseCommand = 'withdraw' | 'urge';

export interface CaseCommandsProps {
  /** The case, with what the server says the reader may do on it. */
  summary: CaseSummary;
  onDone(command: CaseCommand, detail: CaseDetail): void;
  onFailed(command: CaseCommand, problem: ApiProblem): void;
}

/** Withdraw (after confirming, with an optional comment) and Urge, where the server allows them (the person who submitted a case). */
export function CaseCommands({ summary, onDone, onFailed }: CaseCommandsProps) {
  const { t } = useTranslation('cases');
  const api = useApiClient();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<CaseCommand | null>(null);
  const [comment, setComment] = useState('');
  const commentId = useId();
  const detailId = useId();
  const { withdraw: mayWithdraw, urge: mayUrge } = summary.can;
  const record = recordTitle(summary);

  const run = async (command: CaseCommand, text?: string) => {
    setBusy(command);
    try {
      const detail = await api.caseCommand(summary.id, command, text);
      setConfirming(false);
      approvalsChanged();
      onDone(command, detail);
    } catch (error) {
      setConfirming(false);
      onFailed(command, asProblem(error));
    } finally {
      setBusy(null);
    }
  };

  if (!mayWithdraw && !mayUrge) return null;
  return (
    <div className="case-commands">
      {mayUrge && (
        <button type="button" aria-label={t('urgeNamed', { record })} disabled={busy !== null} aria-busy={busy === 'urge' || undefined} onClick={() => void run('urge')}>
          {t('urge')}
        </button>
      )}
      {mayWithdraw && (
        <button type="button" aria-label={t('withdrawNamed', { record })} disabled={busy !== null} onClick={() => setConfirming(true)}>
          {t('withdraw')}
        </button>
      )}
      {confirming && (
        <Dialog title={t('withdrawDialog.title', { record })} onClose={() => setConfirming(false)} busy={busy !== null}>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void run('withdraw', comment.trim() === '' ? undefined : comment.trim());
            }}
          >
            <p id={detailId}>{t('withdrawDialog.detail')}</p>
            <label htmlFor={commentId}>{t('withdrawDialog.comment')}</label>
            <textarea id={commentId} value={comment} onChange={(event) => setComment(event.target.value)} rows={3} aria-describedby={detailId} />
            <div className="dialog-actions">
              <button type="submit" className="primary" disabled={busy !== null} aria-busy={busy === 'withdraw' || undefined}>
                {t('withdrawDialog.confirm')}
              </button>
              <button type="button" onClick={() => setConfirming(false)} disabled={busy !== null}>
                {t('withdrawDialog.cancel')}
              </button>
            </div>
          </form>
        </Dialog>
      )}
    </div>
  );
}
