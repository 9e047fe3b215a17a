import { asProblem, Dialog, useApiClient } from '@bankforge/app-shell';
import type { ApiProblem } from '@bankforge/client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ProblemNotice } from '../../shell/ProblemNotice.js';

export interface DeleteRecordProps {
  app: string;
  entity: string;
  id: string;
  /** The record as the reader knows it ("Wang Fang · C0000001"), named in the question. */
  title: string;
}

/** Where the list says a record was just deleted. */
export interface DeletedState {
  deleted: string;
}

/**
 * Delete, after asking: the record is soft-deleted (an administrator can restore it) and the
 * reader is back on the list, which says so.
 */
export function DeleteRecord({ app, entity, id, title }: DeleteRecordProps) {
  const { t } = useTranslation('record');
  const api = useApiClient();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<ApiProblem | null>(null);
  const remove = async () => {
    setBusy(true);
    setFailed(null);
    try {
      await api.deleteRecord(entity, id);
      navigate(`/${app}/${entity}`, { state: { deleted: title } satisfies DeletedState });
    } catch (error) {
      setBusy(false);
      setFailed(asProblem(error));
    }
  };
  return (
    <>
      <button type="button" className="danger" onClick={() => setAsking(true)}>
        {t('delete.button')}
      </button>
      {asking && (
        <Dialog title={t('delete.title', { record: title })} busy={busy} onClose={() => setAsking(false)}>
          <p>{t('delete.detail')}</p>
          {failed && <ProblemNotice message={t('delete.failed')} problem={failed} />}
          <div className="dialog-actions">
            {/* Cancel comes first, and takes the focus: a slip of Enter keeps the record. */}
            <button type="button" disabled={busy} onClick={() => setAsking(false)}>
              {t('delete.cancel')}
            </button>
            <button
              type="button"
              className="danger"
              disabled={busy}
              aria-busy={busy || undefined}
              onClick={() => void remove()}
            >
              {t('delete.confirm')}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
