import { useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';

export interface ConflictDialogProps {
  expectedVersion: number | undefined;
  currentVersion: number | undefined;
  onReload(): void;
  onKeepEditing(): void;
}

/**
 * A stale save (409 `staleVersion`): someone else saved the record after it was opened. The
 * reader chooses to reload the latest (losing their edits) or to keep editing. Escape keeps editing;
 * Tab moves between the two choices only.
 */
export function ConflictDialog(props: ConflictDialogProps) {
  const { t } = useTranslation('record');
  const titleId = useId();
  const detailId = useId();
  const reloadRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const returnTo = document.activeElement as HTMLElement | null;
    reloadRef.current?.focus();
    return () => returnTo?.focus();
  }, []);
  return createPortal(
    <div className="dialog-backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={detailId}
        className="dialog"
        onKeyDown={(event) => {
          if (event.key === 'Escape') props.onKeepEditing();
          // Tab stays on the dialog's two choices while it is open.
          if (event.key === 'Tab') {
            event.preventDefault();
            (document.activeElement === reloadRef.current ? keepRef : reloadRef).current?.focus();
          }
        }}
      >
        <h2 id={titleId}>{t('conflict.title')}</h2>
        <p id={detailId}>
          {t('conflict.detail', { expected: props.expectedVersion ?? '?', current: props.currentVersion ?? '?' })}
        </p>
        <div className="dialog-actions">
          <button ref={reloadRef} type="button" className="primary" onClick={props.onReload}>
            {t('conflict.reload')}
          </button>
          <button ref={keepRef} type="button" onClick={props.onKeepEditing}>
            {t('conflict.keepEditing')}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}
