import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** A page or part still loading: announced politely, shown as a progress bar with its text. */
export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation('shell');
  const id = useId();
  return (
    <div role="status" className="loading">
      <progress aria-labelledby={id} />
      <span id={id}>{label ?? t('loading')}</span>
    </div>
  );
}
