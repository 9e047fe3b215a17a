import type { UserSummary } from '@bankforge/client';
import { asProblem, Dialog, useApiClient } from '@bankforge/app-shell';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogFooter, type DialogFailure } from '../shared/DialogFooter.js';
import { fieldProblems } from '../shared/field-problems.js';
import type { Notice } from '../shared/Notice.js';
import { OneTimeSecret } from '../shared/OneTimeSecret.js';
import { PasswordChoice, type PasswordMode } from './PasswordChoice.js';

export interface PasswordDialogProps {
  user: UserSummary;
  onClose: () => void;
  onDone: (notice: Notice) => void;
}

/** Resets a user's password: to one the server generates (then shown once) or one typed here. */
export function PasswordDialog({ user, onClose, onDone }: PasswordDialogProps) {
  const { t, i18n } = useTranslation('admin');
  const api = useApiClient();
  const [mode, setMode] = useState<PasswordMode>('generate');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<DialogFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const [generated, setGenerated] = useState<string | null>(null);
  const done = () => onDone({ key: 'users.passwordSetNotice', values: { name: user.displayName } });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    if (mode === 'type' && password === '') {
      setError(t('passwordDialog.passwordRequired'));
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      const reset = await api.resetPassword(user.id, mode === 'type' ? password : undefined);
      if (reset.password) setGenerated(reset.password);
      else done();
    } catch (caught) {
      const problem = asProblem(caught);
      const { byField, other } = fieldProblems(problem, ['password'], i18n.language);
      setError(byField.password);
      if (other.length > 0 || !byField.password) setFailure({ message: problem.detail || problem.title, problems: other });
    } finally {
      setBusy(false);
    }
  };

  if (generated) {
    return (
      <Dialog key="secret" title={t('oneTime.passwordTitle', { name: user.displayName })} onClose={done}>
        <OneTimeSecret label={t('oneTime.password')} value={generated} note={t('oneTime.passwordNote', { name: user.displayName })} />
        <div className="button-row">
          <button type="button" className="primary" onClick={done}>
            {t('done')}
          </button>
        </div>
      </Dialog>
    );
  }
  return (
    <Dialog key="form" title={t('passwordDialog.title', { name: user.displayName })} onClose={onClose} busy={busy}>
      <form onSubmit={(e) => void submit(e)} noValidate className="stack">
        <p>{t('passwordDialog.detail', { name: user.displayName })}</p>
        <PasswordChoice
          legend={t('userDialog.password')}
          generateLabel={t('passwordDialog.generate')}
          typeLabel={t('passwordDialog.type')}
          passwordLabel={t('passwordDialog.typed')}
          mode={mode}
          onMode={setMode}
          password={password}
          onPassword={setPassword}
          error={error}
        />
        <DialogFooter failure={failure} busy={busy} onCancel={onClose} submitLabel={busy ? t('passwordDialog.submitting') : t('passwordDialog.submit')} />
      </form>
    </Dialog>
  );
}
