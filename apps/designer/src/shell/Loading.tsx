import { useTranslation } from 'react-i18next';

/** Shown while a designer's chunk or data loads. */
export function Loading() {
  const { t } = useTranslation('shell');
  return <div role="status" aria-live="polite" className="loading">{t('loading', 'Loading…')}</div>;
}
