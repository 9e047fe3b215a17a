import { Dialog } from '@bankforge/app-shell';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REVEAL_REASON, reasonLength } from './revealable.js';

export interface RevealDialogProps {
  /** The field's label in the reader's language. */
  field: string;
  busy: boolean;
  /** What the server said about the reason, or why it refused (already in the reader's language). */
  problem: string | null;
  onReveal(reason: string): void;
  onCancel(): void;
}

/** Asks why the reader reveals a masked value: the reason goes to the audit log with the reveal. */
export function RevealDialog({ field, busy, problem, onReveal, onCancel }: RevealDialogProps) {
  const { t } = useTranslation('record');
  const id = useId();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const length = reasonLength(reason);
  const short = length < REVEAL_REASON.min || length > REVEAL_REASON.max;
  const message = tried && short ? t('reveal.reasonLength', REVEAL_REASON) : problem;
  return (
    <Dialog title={t('reveal.title', { field })} onClose={onCancel} busy={busy}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (!busy && !short) onReveal(reason.trim());
        }}
      >
        <p id={`${id}-detail`}>{t('reveal.detail')}</p>
        <div className="dialog-field">
          <label htmlFor={`${id}-reason`}>{t('reveal.reason')}</label>
          <textarea
            id={`${id}-reason`}
            rows={3}
            value={reason}
            required
            aria-invalid={message ? true : undefined}
            aria-describedby={`${id}-detail ${id}-count${message ? ` ${id}-problem` : ''}`}
            onChange={(event) => setReason(event.target.value)}
          />
          <span id={`${id}-count`} className="muted reveal-count">
            {t('reveal.count', { count: length, max: REVEAL_REASON.max })}
          </span>
          {message && (
            <p id={`${id}-problem`} className="field-error" role="alert">
              {message}
            </p>
          )}
        </div>
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={busy} aria-busy={busy || undefined}>
            {t('reveal.confirm')}
          </button>
          <button type="button" onClick={onCancel} disabled={busy}>
            {t('reveal.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
