import type { RoleDefinition, UserSummary } from '@bankforge/client';
import { asProblem, Dialog, useApiClient } from '@bankforge/app-shell';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogFooter, type DialogFailure } from '../shared/DialogFooter.js';
import { fieldProblems } from '../shared/field-problems.js';
import type { Notice } from '../shared/Notice.js';
import { OneTimeSecret } from '../shared/OneTimeSecret.js';
import { RoleChecklist } from '../shared/RoleChecklist.js';
import { PasswordChoice, type PasswordMode } from './PasswordChoice.js';
import { knownBranches, USERNAME } from './user-search.js';

export interface UserDialogProps {
  /** The user to edit; none to create one. */
  user?: UserSummary;
  users: readonly UserSummary[];
  roles: readonly RoleDefinition[];
  onClose: () => void;
  /** The change is stored: what to tell the administrator. */
  onDone: (notice: Notice) => void;
}

type Field = 'username' | 'displayName' | 'roles' | 'branch' | 'managerId' | 'password';
const FIELDS: readonly Field[] = ['username', 'displayName', 'roles', 'branch', 'managerId', 'password'];

/** Creates a user (with a typed or generated first password) or changes one's name, roles, branch and manager. */
export function UserDialog({ user, users, roles, onClose, onDone }: UserDialogProps) {
  const { t, i18n } = useTranslation('admin');
  const api = useApiClient();
  const id = useId();
  const [username, setUsername] = useState(user?.username ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [held, setHeld] = useState<string[]>(user?.roles ?? []);
  const [branch, setBranch] = useState(user?.branch ?? '');
  const [managerId, setManagerId] = useState(user?.managerId ?? '');
  const [passwordMode, setPasswordMode] = useState<PasswordMode>('generate');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<DialogFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [generated, setGenerated] = useState<{ name: string; password: string } | null>(null);

  // A person cannot report to themselves; disabled people are still offered, as they may be enabled again.
  const managers = users.filter((u) => u.id !== user?.id).sort((a, b) => a.displayName.localeCompare(b.displayName));

  const check = (): Partial<Record<Field, string>> => {
    const found: Partial<Record<Field, string>> = {};
    if (!user) {
      if (username.trim() === '') found.username = t('userDialog.usernameRequired');
      else if (!USERNAME.test(username.trim())) found.username = t('userDialog.usernameInvalid');
      if (passwordMode === 'type' && password === '') found.password = t('userDialog.passwordRequired');
    }
    if (displayName.trim() === '') found.displayName = t('userDialog.displayNameRequired');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = check();
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    const common = { displayName: displayName.trim(), roles: held, branch: branch.trim() === '' ? null : branch.trim(), managerId: managerId === '' ? null : managerId };
    try {
      if (user) {
        const saved = await api.updateUser(user.id, common);
        onDone({ key: 'users.saved', values: { name: saved.displayName } });
        return;
      }
      const created = await api.createUser({ username: username.trim(), ...common, ...(passwordMode === 'generate' ? { generatePassword: true } : { password }) });
      if (created.password) setGenerated({ name: created.displayName, password: created.password });
      else onDone({ key: 'users.created', values: { name: created.displayName } });
    } catch (error) {
      const problem = asProblem(error);
      const { byField, other } = fieldProblems(problem, FIELDS, i18n.language);
      setErrors(byField);
      if (other.length > 0 || Object.keys(byField).length === 0) setFailure({ message: problem.detail || problem.title, problems: other });
    } finally {
      setBusy(false);
    }
  };

  if (generated) {
    return (
      <Dialog key="secret" title={t('oneTime.passwordTitle', { name: generated.name })} onClose={() => onDone({ key: 'users.created', values: { name: generated.name } })}>
        <OneTimeSecret label={t('oneTime.password')} value={generated.password} note={t('oneTime.passwordNote', { name: generated.name })} />
        <div className="button-row">
          <button type="button" className="primary" onClick={() => onDone({ key: 'users.created', values: { name: generated.name } })}>
            {t('done')}
          </button>
        </div>
      </Dialog>
    );
  }

  const described = (field: Field, help?: boolean) => ({
    id: `${id}-${field}`,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `${id}-${field}-error` : help ? `${id}-${field}-help` : undefined,
  });
  const error = (field: Field) =>
    errors[field] && (
      <p id={`${id}-${field}-error`} className="field-error">
        {errors[field]}
      </p>
    );

  return (
    <Dialog key="form" title={user ? t('userDialog.editTitle', { name: user.displayName }) : t('userDialog.createTitle')} onClose={onClose} busy={busy} className="dialog-wide">
      <form onSubmit={(e) => void submit(e)} noValidate className="stack">
        {!user && (
          <div className="form-row">
            <label htmlFor={`${id}-username`}>{t('userDialog.username')}</label>
            <input {...described('username', true)} value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="off" spellCheck={false} required />
            <p id={`${id}-username-help`} className="help">
              {t('userDialog.usernameHelp')}
            </p>
            {error('username')}
          </div>
        )}
        <div className="form-row">
          <label htmlFor={`${id}-displayName`}>{t('userDialog.displayName')}</label>
          <input {...described('displayName')} value={displayName} onChange={(e) => setDisplayName(e.target.value)} autoComplete="off" required />
          {error('displayName')}
        </div>
        <RoleChecklist legend={t('userDialog.roles')} roles={roles} value={held} onChange={setHeld} error={errors.roles} help={held.length === 0 ? t('userDialog.noRoles') : undefined} />
        <div className="form-grid">
          <div className="form-row">
            <label htmlFor={`${id}-branch`}>{t('userDialog.branch')}</label>
            <input {...described('branch', true)} value={branch} onChange={(e) => setBranch(e.target.value)} list={`${id}-branches`} autoComplete="off" />
            <datalist id={`${id}-branches`}>
              {knownBranches(users).map((code) => (
                <option key={code} value={code} />
              ))}
            </datalist>
            <p id={`${id}-branch-help`} className="help">
              {t('userDialog.branchHelp')}
            </p>
            {error('branch')}
          </div>
          <div className="form-row">
            <label htmlFor={`${id}-managerId`}>{t('userDialog.manager')}</label>
            <select {...described('managerId', true)} value={managerId} onChange={(e) => setManagerId(e.target.value)}>
              <option value="">{t('userDialog.noManager')}</option>
              {managers.map((m) => (
                <option key={m.id} value={m.id}>
                  {`${m.displayName} (${m.username}${m.branch ? `, ${m.branch}` : ''})`}
                </option>
              ))}
            </select>
            <p id={`${id}-managerId-help`} className="help">
              {t('userDialog.managerHelp')}
            </p>
            {error('managerId')}
          </div>
        </div>
        {!user && (
          <PasswordChoice
            legend={t('userDialog.password')}
            generateLabel={t('userDialog.generate')}
            typeLabel={t('userDialog.type')}
            passwordLabel={t('userDialog.typed')}
            mode={passwordMode}
            onMode={setPasswordMode}
            password={password}
            onPassword={setPassword}
            error={errors.password}
          />
        )}
        <DialogFooter failure={failure} busy={busy} onCancel={onClose} submitLabel={user ? (busy ? t('saving') : t('save')) : busy ? t('userDialog.creating') : t('userDialog.create')} />
      </form>
    </Dialog>
  );
}
