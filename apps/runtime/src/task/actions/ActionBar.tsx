import type { ApprovalAction } from '@bankforge/client';
import { useTranslation } from 'react-i18next';
import { ACTION_ORDER } from './action-request.js';

/** The actions the task allows the reader now, in a fixed order (Approve first). */
export interface ActionBarProps {
  actions: readonly ApprovalAction[];
  busy: boolean;
  /** Actions not ready yet (approve while the fields to complete load). */
  waiting?: readonly ApprovalAction[];
  /** The initiator's task on a returned case: approving it resubmits the case. */
  resubmit?: boolean;
  onAction(action: ApprovalAction): void;
}

export function ActionBar({ actions, busy, waiting = [], resubmit = false, onAction }: ActionBarProps) {
  const { t } = useTranslation('task');
  const { t: ta } = useTranslation('approval');
  const shown = ACTION_ORDER.filter((action) => actions.includes(action));
  if (shown.length === 0) return null;
  return (
    <div role="group" aria-label={t('actions.label')} className="action-bar">
      {shown.map((action) => (
        <button key={action} type="button" className={action === 'approve' ? 'primary' : undefined} disabled={busy || waiting.includes(action)} onClick={() => onAction(action)}>
          {ta(resubmit && action === 'approve' ? 'action.resubmit' : `action.${action}`)}
        </button>
      ))}
    </div>
  );
}
