import type { ProblemFieldError } from '@bankforge/client';
import { useTranslation } from 'react-i18next';
import { ProblemList } from '../../shell/publish/ProblemList.js';

/** What a refused save said that no field of the dialog shows. */
export interface DialogFailure {
  message: string;
  problems: ProblemFieldError[];
}

export interface DialogFooterProps {
  failure: DialogFailure | null;
  busy: boolean;
  onCancel(): void;
  /** The submit button's words, as it reads now (while busy too). */
  submitLabel: string;
}

/** The end of every administration dialog: what the server refused, then Cancel and the submit button. */
export function DialogFooter({ failure, busy, onCancel, submitLabel }: DialogFooterProps) {
  const { t } = useTranslation('admin');
  return (
    <>
      {failure && (
        <div role="alert" className="notice notice-error">
          <p>{t('failed', { message: failure.message })}</p>
          <ProblemList problems={failure.problems} showPaths={false} />
        </div>
      )}
      <div className="button-row">
        <button type="button" onClick={onCancel} disabled={busy}>
          {t('cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
