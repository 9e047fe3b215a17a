import type { ApiProblem } from '@bankforge/client';
import type { DecisionArtifact } from '@bankforge/rule-engine';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asProblem, Dialog, useApiClient } from '@bankforge/app-shell';

export interface RollbackDialogProps {
  artifactKey: string;
  version: number;
  /** The version's document as the new draft (the draft it replaces stays in the undo history). */
  onRolledBack(next: DecisionArtifact): void;
  onClose(): void;
}

/** A published version's document as a draft: the number is the server's to give when it is published again. */
export function asDraft(published: DecisionArtifact): DecisionArtifact {
  const { version: _published, ...draft } = published;
  return draft;
}

/** Asks before a published version replaces the draft, then loads it. */
export function RollbackDialog({ artifactKey, version, onRolledBack, onClose }: RollbackDialogProps) {
  const { t } = useTranslation('decisionVersions');
  const api = useApiClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiProblem | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const stored = await api.getVersion('decision', artifactKey, version);
      onRolledBack(asDraft(stored.document as unknown as DecisionArtifact));
    } catch (failure) {
      setError(asProblem(failure));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('rollbackTitle', { version })} onClose={onClose} busy={busy}>
      <p>{t('rollbackDetail', { version })}</p>
      {error && (
        <p role="alert" className="error-text">
          {t('rollbackFailed', { version, message: error.detail || error.title })}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="primary" onClick={() => void confirm()} disabled={busy}>
          {t('rollbackConfirm', { version })}
        </button>
        <button type="button" onClick={onClose} disabled={busy}>
          {t('cancel')}
        </button>
      </div>
    </Dialog>
  );
}
