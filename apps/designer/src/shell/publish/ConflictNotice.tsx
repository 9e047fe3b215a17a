import { useTranslation } from 'react-i18next';

/** A 409 staleRevision explained, with the two ways out: take theirs, or save mine over it. */
export function ConflictNotice({ onReload, onOverwrite, busy }: { onReload: () => void; onOverwrite: () => void; busy: boolean }) {
  const { t } = useTranslation('shell');
  return (
    <div role="alert" className="notice notice-warning">
      <strong>{t('conflict.title')}</strong>
      <p>{t('conflict.detail')}</p>
      <div className="button-row">
        <button type="button" onClick={onReload} disabled={busy}>
          {t('conflict.reload')}
        </button>
        <button type="button" onClick={onOverwrite} disabled={busy}>
          {t('conflict.overwrite')}
        </button>
      </div>
    </div>
  );
}
