import type { FieldError } from '@bankforge/data-model';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface RejectedSummaryProps {
  errors: readonly FieldError[];
  /** The label of the field a JSON Pointer names, in the reader's language (undefined for the form itself). */
  labelOf(path: string): string | undefined;
  zh: boolean;
}

/** The server's 422 answer at the top of the page, each problem named by its field; focused so it is read first. */
export function RejectedSummary({ errors, labelOf, zh }: RejectedSummaryProps) {
  const { t } = useTranslation('record');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [errors]);
  return (
    <div ref={ref} role="alert" tabIndex={-1} className="notice notice-error">
      <p>
        <strong>{t('rejected.title')}</strong> {t('rejected.hint')}
      </p>
      <ul>
        {errors.map((error) => {
          const label = labelOf(error.path);
          const message = zh ? error.messageZh : error.message;
          return <li key={`${error.path} ${error.code}`}>{label ? `${label}: ${message}` : message}</li>;
        })}
      </ul>
    </div>
  );
}
