import type { ApiProblem, ArtifactDocument, ArtifactKind } from '@bankforge/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asProblem, Dialog, useApiClient } from '@bankforge/app-shell';

export interface RestoreVersionDialogProps {
  kind: ArtifactKind;
  artifactKey: string;
  version: number;
  /** The version's document as the new draft (the draft it replaces stays in the editor's undo history). */
  onRestore(document: ArtifactDocument): void;
  onClose(): void;
}

/** A published version's document as a draft: the number is the server's to give when it is published again. */
export function asDraft<D extends ArtifactDocument>(published: D): D {
  const { version: _published, ...draft } = published;
  return draft as D;
}

/** Asks before a published version replaces the draft, then loads it: the one way every designer restores a version. */
export function RestoreVersionDialog({ kind, artifactKey, version, onRestore, onClose }: RestoreVersionDialogProps) {
  const { t } = useTranslation('shell');
  const api = useApiClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiProblem | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const stored = await api.getVersion(kind, artifactKey, version);
      onRestore(asDraft(stored.document));
    } catch (failure) {
      setError(asProblem(failure));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('versions.restoreTitle', { version })} onClose={onClose} busy={busy}>
      <p>{t('versions.restoreDetail', { version })}</p>
      {error && (
        <p role="alert" className="error-text">
          {t('versions.restoreFailed', { version, message: error.detail || error.title })}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="primary" onClick={() => void confirm()} disabled={busy}>
          {t('versions.restoreConfirm', { version })}
        </button>
        <button type="button" onClick={onClose} disabled={busy}>
          {t('versions.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
