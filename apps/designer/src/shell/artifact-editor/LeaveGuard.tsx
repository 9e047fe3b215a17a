import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router-dom';
import { Dialog } from '@bankforge/app-shell';

/**
 * Asks before an in-app navigation (a link, the browser's Back) leaves an editor with unsaved
 * changes; closing the tab is asked by the browser itself (`beforeunload`). Staying is the default.
 */
export function LeaveGuard({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation('shell');
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  if (blocker.state !== 'blocked') return null;
  return (
    <Dialog title={t('editor.leaveTitle')} onClose={() => blocker.reset()}>
      <p>{t('editor.unsavedLeave')}</p>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => blocker.reset()}>
          {t('editor.stay')}
        </button>
        <button type="button" onClick={() => blocker.proceed()}>
          {t('editor.leave')}
        </button>
      </div>
    </Dialog>
  );
}
