import { useTranslation } from 'react-i18next';

/** Why a designer could not load its draft, with a way to try again. */
export function LoadFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation('shell');
  return (
    <main className="page">
      <div role="alert" className="notice notice-error">
        {message}{' '}
        <button type="button" onClick={onRetry}>
          {t('list.retry')}
        </button>
      </div>
    </main>
  );
}
