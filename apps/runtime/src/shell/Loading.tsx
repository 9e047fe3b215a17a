import { useTranslation } from 'react-i18next';

/** A page or part still loading: announced politely, shown as a progress bar. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation('shell');
  const text = label ?? t('loading');
  return (
    <div role="status" className="loading">
      <progress aria-label={text} />
      <span>{text}</span>
    </div>
  );
}
