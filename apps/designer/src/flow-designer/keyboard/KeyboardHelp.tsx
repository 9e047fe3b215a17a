import { useTranslation } from 'react-i18next';

/** The canvas's keys, always on the page (every node is described by it, so a screen reader tells them too). */
export function KeyboardHelp({ id }: { id: string }) {
  const { t } = useTranslation('flowDesigner');
  return (
    <details className="flow-keyboard-help">
      <summary>{t('keys.title')}</summary>
      <p id={id}>{t('keys.summary')}</p>
      <ul>
        {(['arrows', 'shiftArrows', 'enter', 'add', 'connect', 'delete', 'copy', 'undo', 'escape'] as const).map((key) => (
          <li key={key}>{t(`keys.${key}`)}</li>
        ))}
      </ul>
    </details>
  );
}
