import { Dialog } from '@bankforge/app-shell';
import { useTranslation } from 'react-i18next';
import { OneTimeSecret } from '../shared/OneTimeSecret.js';

/** The signing secret the server answered once (create, rotate), with a copy button and the warning. */
export function WebhookSecretDialog({
  name,
  secret,
  onDone,
}: {
  name: string;
  secret: string;
  onDone: () => void;
}) {
  const { t } = useTranslation('admin');
  return (
    <Dialog title={t('webhooks.secretTitle', { name })} onClose={onDone} className="dialog-wide">
      <OneTimeSecret label={t('webhooks.secret')} value={secret} note={t('webhooks.secretNote')} />
      <div className="button-row">
        <button type="button" className="primary" onClick={onDone}>
          {t('done')}
        </button>
      </div>
    </Dialog>
  );
}
