import type { ApiProblem } from '@bankforge/client';
import { useTranslation } from 'react-i18next';

/** A page's data could not be loaded: a 403 says only administrators may be here; anything else says why, with a retry. */
export function LoadFailure({ problem, onRetry }: { problem: ApiProblem; onRetry: () => void }) {
  const { t } = useTranslation('admin');
  if (problem.status === 403) {
    return (
      <p role="alert" className="notice notice-warning">
        {t('forbidden')}
      </p>
    );
  }
  return (
    <div role="alert" className="notice notice-error">
      <p>{t('loadFailed', { message: problem.detail || problem.title })}</p>
      <button type="button" onClick={onRetry}>
        {t('retry')}
      </button>
    </div>
  );
}
