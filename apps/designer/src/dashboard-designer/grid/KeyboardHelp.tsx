import { useTranslation } from 'react-i18next';

/** The grid's keys, always on the page: every widget is described by its summary, so a screen reader tells it too. */
export function KeyboardHelp({ id }: { id: string }) {
  const { t } = useTranslation('dashboardDesigner');
  return (
    <details className="dashboard-keyboard-help">
      <summary>{t('keys.title')}</summary>
      <p id={id}>{t('keys.summary')}</p>
      <ul>
        {(['arrows', 'shiftArrows', 'delete', 'enter', 'undo', 'mouse'] as const).map((key) => (
          <li key={key}>{t(`keys.${key}`)}</li>
        ))}
      </ul>
    </details>
  );
}
