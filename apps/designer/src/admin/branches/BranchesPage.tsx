import type { RoleDefinition, UserSummary } from '@bankforge/client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../shell/Loading.js';
import { LoadFailure } from '../shared/LoadFailure.js';
import { NoticeLine, type Notice } from '../shared/Notice.js';
import { roleNames } from '../shared/role-name.js';
import { useLoaded } from '../shared/useLoaded.js';
import { UserDialog } from '../users/UserDialog.js';
import { loadDirectory } from '../users/UsersPage.js';
import { branchDirectory, type TeamMember } from './branch-directory.js';

/**
 * Branches and teams as the people carry them: each branch code with its reporting lines. The
 * server's branch and team scopes read exactly these; a person moves by editing their branch or manager.
 */
export function BranchesPage() {
  const { t } = useTranslation('admin');
  const { state, reload } = useLoaded(loadDirectory);
  const [editing, setEditing] = useState<UserSummary | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const id = useId();

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadFailure problem={state.error} onRetry={() => void reload()} />;
  const { users, roles } = state.data;

  return (
    <section aria-labelledby={`${id}-title`}>
      <div className="section-header">
        <h2 id={`${id}-title`}>{t('branches.title')}</h2>
      </div>
      <p className="help">{t('branches.help')}</p>
      <NoticeLine notice={notice} />
      <div className="branch-grid">
        {branchDirectory(users).map((branch) => (
          <section key={branch.code ?? ''} className="branch-card" aria-labelledby={`${id}-${branch.code ?? 'none'}`}>
            <h3 id={`${id}-${branch.code ?? 'none'}`}>
              {branch.code ?? t('branches.noBranch')} <span className="help">{t('branches.people', { count: branch.people })}</span>
            </h3>
            <ul className="team-tree">
              {branch.teams.map((member) => (
                <TeamNode key={member.user.id} member={member} roles={roles} onEdit={setEditing} />
              ))}
            </ul>
          </section>
        ))}
      </div>
      {editing && (
        <UserDialog
          user={editing}
          users={users}
          roles={roles}
          onClose={() => setEditing(null)}
          onDone={(done) => {
            setEditing(null);
            setNotice(null);
            void reload().then(() => setNotice(done));
          }}
        />
      )}
    </section>
  );
}

function TeamNode({ member, roles, onEdit }: { member: TeamMember; roles: readonly RoleDefinition[]; onEdit: (user: UserSummary) => void }) {
  const { t, i18n } = useTranslation('admin');
  const { user } = member;
  return (
    <li>
      <div className={`team-member${user.active ? '' : ' row-disabled'}`}>
        <span>
          <strong>{user.displayName}</strong> <code>{user.username}</code>
          <span className="help"> {roleNames(user.roles, roles, i18n.language).join('、')}</span>
          {!user.active && <span className="badge badge-removed">{t('branches.disabled')}</span>}
          {member.managerElsewhere && <span className="help"> · {t('branches.elsewhere', { name: member.managerElsewhere.displayName, branch: member.managerElsewhere.branch ?? t('branches.noBranch') })}</span>}
        </span>
        <button type="button" onClick={() => onEdit(user)} aria-label={t('branches.editLabel', { name: user.displayName })}>
          {t('branches.edit')}
        </button>
      </div>
      {member.reports.length > 0 && (
        <ul aria-label={t('branches.teamOf', { name: user.displayName })}>
          {member.reports.map((report) => (
            <TeamNode key={report.user.id} member={report} roles={roles} onEdit={onEdit} />
          ))}
        </ul>
      )}
    </li>
  );
}
