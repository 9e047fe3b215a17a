import { useTranslation } from 'react-i18next';
import { approvalProblemText } from '../approval/approval-problem.js';
import { ProblemNotice } from '../shell/ProblemNotice.js';
import type { CommandNotice } from './useCommandNotice.js';

const DONE = { withdraw: 'withdrawn', urge: 'urged', migrate: 'migrate.done' } as const;

/** "You withdrew …" / "A reminder was sent …" as a status, or why the command was refused. */
export function CommandNoticeView({ notice }: { notice: CommandNotice }) {
  const { t } = useTranslation('cases');
  const { t: ta } = useTranslation('approval');
  return (
    <>
      <p role="status" className="save-status">
        {notice?.kind === 'done' ? t(DONE[notice.command], { record: notice.record, version: notice.version }) : ''}
      </p>
      {notice?.kind === 'failed' && <ProblemNotice message={approvalProblemText(notice.problem, ta, t(`failed.${notice.command}`))} problem={notice.problem} />}
    </>
  );
}
