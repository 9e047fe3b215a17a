import { asProblem, Dialog } from '@bankforge/app-shell';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../shell/api/problems.js';

export interface ConfirmDialogProps {
  title: string;
  detail: string;
  confirm: string;
  /** Red for what cannot easily be undone (revoking a key, disabling a person). */
  danger?: boolean;
  /** Does it; a refusal is shown in the dialog, which stays open. */
  action: () => Promise<void>;
  onClose: () => void;
}

/** Asks before a consequential change, does it, and says why when the server refuses. */
export function ConfirmDialog({ title, detail, confirm, danger = false, action, onClose }: ConfirmDialogProps) {
  const { t, i18n } = useTranslation('admin');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
    } catch (error) {
      const problem = asProblem(error);
      // A field error (cannotDisableSelf) says it in the reader's language; otherwise the server's detail.
      setFailure(problem.errors[0] ? problemMessage(problem.errors[0], i18n.language) : problem.detail || problem.title);
      setBusy(false);
    }
  };
  return (
    <Dialog title={title} onClose={onClose} busy={busy}>
      <p>{detail}</p>
      {failure && (
        <p role="alert" className="notice notice-error">
          {t('failed', { message: failure })}
        </p>
      )}
      <div className="button-row">
        <button type="button" onClick={onClose} disabled={busy}>
          {t('cancel')}
        </button>
        <button type="button" className={danger ? 'danger' : 'primary'} onClick={() => void run()} disabled={busy}>
          {busy ? t('confirm.working') : confirm}
        </button>
      </div>
    </Dialog>
  );
}
