import { useTranslation } from 'react-i18next';

/** A done change to tell the administrator: a message key and its values, said in the language of the moment (it follows a switch). */
export interface Notice {
  key: string;
  values: Record<string, string>;
}

/** The polite live region a page announces its done changes in; present (hidden) while empty, so screen readers hear the first one. */
export function NoticeLine({ notice }: { notice: Notice | null }) {
  const { t } = useTranslation('admin');
  return (
    <p role="status" aria-live="polite" className={notice ? 'notice notice-success' : 'visually-hidden'}>
      {notice ? t(notice.key, notice.values) : ''}
    </p>
  );
}
