import type { ApiClient, RoleDefinition, SignedIn, UserSummary } from '@bankforge/client';
import { useApiClient } from '@bankforge/app-shell';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../shell/Loading.js';
import { ConfirmDialog } from '../shared/ConfirmDialog.js';
import { LoadFailure } from '../shared/LoadFailure.js';
import { NoticeLine, type Notice } from '../shared/Notice.js';
import { roleNames } from '../shared/role-name.js';
import { useLoaded } from '../shared/useLoaded.js';
import { PasswordDialog } from './PasswordDialog.js';
import { UserDialog } from './UserDialog.js';
import { searchUsers } from './user-search.js';

export interface Directory {
  users: UserSummary[];
  roles: RoleDefinition[];
  me: SignedIn;
}

/** The people and the roles they may be given, and who is administering (who cannot disable themselves). */
export const loadDirectory = async (api: ApiClient): Promise<Directory> => {
  const [users, roles, me] = await Promise.all([api.users(), api.roles(), api.me()]);
  return { users, roles, me };
};

type Open = { kind: 'create' } | { kind: 'edit' | 'password' | 'disable' | 'enable'; user: UserSummary } | null;

/** Users: search, create, change roles, branch and manager, reset a password, disable and enable. */
export function UsersPage() {
  const { t, i18n } = useTranslation('admin');
  const { state, reload } = useLoaded(loadDirectory);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const id = useId();

  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <LoadFailure problem={state.error} onRetry={() => void reload()} />;
  const { users, roles, me } = state.data;
  const names = (user: UserSummary) => [...roleNames(user.roles, roles, 'en'), ...roleNames(user.roles, roles, 'zh-CN')];
  const shown = searchUsers(users, query, names);
  const byId = new Map(users.map((u) => [u.id, u]));
  const finish = (done: Notice) => {
    setOpen(null);
    setNotice(null);
    // The notice comes with the list that shows the change.
    void reload().then(() => setNotice(done));
  };

  return (
    <section aria-labelledby={`${id}-title`}>
      <div className="section-header">
        <h2 id={`${id}-title`}>{t('users.title')}</h2>
        <div className="search-box">
          <label htmlFor={`${id}-search`} className="visually-hidden">
            {t('users.search')}
          </label>
          <input id={`${id}-search`} type="search" placeholder={t('users.search')} value={query} onChange={(e) => setQuery(e.target.value)} aria-describedby={`${id}-search-help`} />
          <span id={`${id}-search-help`} className="visually-hidden">
            {t('users.searchHelp')}
          </span>
        </div>
        <button type="button" className="primary" onClick={() => setOpen({ kind: 'create' })}>
          {t('users.newUser')}
        </button>
      </div>
      <NoticeLine notice={notice} />
      <p className="help">{t('users.count', { count: shown.length })}</p>
      {shown.length === 0 ? (
        <p className="empty-state">{t('users.noMatch', { query })}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('users.username')}</th>
              <th scope="col">{t('users.displayName')}</th>
              <th scope="col">{t('users.roles')}</th>
              <th scope="col">{t('users.branch')}</th>
              <th scope="col">{t('users.manager')}</th>
              <th scope="col">{t('users.status')}</th>
              <th scope="col">{t('users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((user) => {
              const manager = user.managerId ? byId.get(user.managerId) : undefined;
              const self = user.id === me.userId;
              return (
                <tr key={user.id} className={user.active ? undefined : 'row-disabled'}>
                  <th scope="row">
                    <code>{user.username}</code> {self && <span className="help">{t('users.you')}</span>}
                  </th>
                  <td>{user.displayName}</td>
                  <td>{roleNames(user.roles, roles, i18n.language).join('、') || t('none')}</td>
                  <td>{user.branch ?? t('none')}</td>
                  <td>{manager ? manager.displayName : t('none')}</td>
                  <td>
                    {user.active ? <span className="badge badge-published">{t('users.active')}</span> : <span className="badge badge-removed">{t('users.disabled')}</span>}{' '}
                    {user.locked && <span className="badge badge-modified">{t('users.locked')}</span>}
                  </td>
                  <td>
                    <div className="button-row compact">
                      <button type="button" onClick={() => setOpen({ kind: 'edit', user })} aria-label={t('users.editLabel', { name: user.displayName })}>
                        {t('users.edit')}
                      </button>
                      <button type="button" onClick={() => setOpen({ kind: 'password', user })} aria-label={t('users.resetPasswordLabel', { name: user.displayName })}>
                        {t('users.resetPassword')}
                      </button>
                      {user.active ? (
                        <button type="button" onClick={() => setOpen({ kind: 'disable', user })} aria-label={t('users.disableLabel', { name: user.displayName })} disabled={self}>
                          {t('users.disable')}
                        </button>
                      ) : (
                        <button type="button" onClick={() => setOpen({ kind: 'enable', user })} aria-label={t('users.enableLabel', { name: user.displayName })}>
                          {t('users.enable')}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <UserDialogs open={open} users={users} roles={roles} onClose={() => setOpen(null)} onDone={finish} />
    </section>
  );
}

/** The dialog the administrator opened from the list, if any. */
function UserDialogs({ open, users, roles, onClose, onDone }: { open: Open; users: UserSummary[]; roles: RoleDefinition[]; onClose: () => void; onDone: (notice: Notice) => void }) {
  const { t } = useTranslation('admin');
  const api = useApiClient();
  if (!open) return null;
  if (open.kind === 'create') return <UserDialog users={users} roles={roles} onClose={onClose} onDone={onDone} />;
  const { user } = open;
  if (open.kind === 'edit') return <UserDialog user={user} users={users} roles={roles} onClose={onClose} onDone={onDone} />;
  if (open.kind === 'password') return <PasswordDialog user={user} onClose={onClose} onDone={onDone} />;
  const disable = open.kind === 'disable';
  return (
    <ConfirmDialog
      title={t(disable ? 'confirm.disableTitle' : 'confirm.enableTitle', { name: user.displayName })}
      detail={t(disable ? 'confirm.disableDetail' : 'confirm.enableDetail', { name: user.displayName })}
      confirm={t(disable ? 'confirm.disable' : 'confirm.enable')}
      danger={disable}
      onClose={onClose}
      action={async () => {
        await (disable ? api.disableUser(user.id) : api.enableUser(user.id));
        onDone({ key: disable ? 'users.disabledNotice' : 'users.enabledNotice', values: { name: user.displayName } });
      }}
    />
  );
}
