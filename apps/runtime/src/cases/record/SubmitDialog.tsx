import { languageOf } from '@bankforge/app-shell';
import type { RuntimeEntityFlow } from '@bankforge/client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '@bankforge/app-shell';
import { localized } from '../../shell/localized.js';

export interface SubmitDialogProps {
  flow: RuntimeEntityFlow;
  busy: boolean;
  onSubmit(comment: string | undefined): void;
  onCancel(): void;
}

/** Confirms "Submit for approval", with an optional comment for the approvers. */
export function SubmitDialog({ flow, busy, onSubmit, onCancel }: SubmitDialogProps) {
  const { t, i18n } = useTranslation('cases');
  const id = useId();
  const [comment, setComment] = useState('');
  return (
    <Dialog title={t('record.dialog.title', { flow: localized(flow.name, languageOf(i18n.language)) })} onClose={onCancel} busy={busy}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) onSubmit(comment.trim() === '' ? undefined : comment.trim());
        }}
      >
        <p id={`${id}-detail`}>{t('record.dialog.detail')}</p>
        <div className="dialog-field">
          <label htmlFor={`${id}-comment`}>{t('record.dialog.comment')}</label>
          <textarea id={`${id}-comment`} rows={3} value={comment} aria-describedby={`${id}-detail`} onChange={(event) => setComment(event.target.value)} />
        </div>
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={busy} aria-busy={busy || undefined}>
            {t('record.dialog.confirm')}
          </button>
          <button type="button" onClick={onCancel} disabled={busy}>
            {t('record.dialog.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
