import type { ApiProblem, RecordTransfer } from '@bankforge/client';
import { Dialog, asProblem, languageOf, useApiClient } from '@bankforge/app-shell';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemNotice } from '../../shell/ProblemNotice.js';
import { PersonPicker } from '../../task/actions/PersonPicker.js';

export interface TransferDialogProps {
  entity: string;
  ids: readonly string[];
  onDone(answer: RecordTransfer): void;
  onCancel(): void;
}

/** The shortest reason the server takes. */
const MIN_REASON = 4;

/**
 * Hands one or more records to another owner: the person from the people search, a reason the
 * audit log keeps. Checked before sending; the server's refusal (a record or person outside the
 * reader's transfer scope) is shown as it says it, and changes nothing.
 */
export function TransferDialog({ entity, ids, onDone, onCancel }: TransferDialogProps) {
  const { t, i18n } = useTranslation('transfer');
  const api = useApiClient();
  const id = useId();
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const zh = languageOf(i18n.language) === 'zh-CN';
  const ownerMissing = to === '';
  const reasonShort = reason.trim().length < MIN_REASON;
  const fieldError = (path: string): string | undefined => {
    const error = problem?.errors.find((e) => e.path === path);
    return error ? ((zh ? error.messageZh : undefined) ?? error.message) : undefined;
  };

  const submit = async () => {
    setTried(true);
    if (ownerMissing || reasonShort || busy) return;
    setBusy(true);
    setProblem(null);
    try {
      onDone(await api.transferRecords(entity, ids, to, reason.trim()));
    } catch (error) {
      setProblem(asProblem(error));
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('title')} onClose={onCancel} busy={busy}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        noValidate
      >
        <p id={`${id}-detail`}>{t('detail', { count: ids.length })}</p>
        <PersonPicker label={t('to')} value={to} onChange={setTo} exclude={[]} disabled={busy} error={(tried && ownerMissing ? t('chooseOwner') : undefined) ?? fieldError('/to')} />
        <div className="dialog-field">
          <label htmlFor={`${id}-reason`}>{t('reason')}</label>
          <textarea
            id={`${id}-reason`}
            rows={3}
            maxLength={500}
            value={reason}
            required
            aria-invalid={(tried && reasonShort) || undefined}
            aria-describedby={`${id}-hint`}
            disabled={busy}
            onChange={(event) => setReason(event.target.value)}
          />
          <p id={`${id}-hint`} className={tried && reasonShort ? 'field-error' : 'hint'} role={tried && reasonShort ? 'alert' : undefined}>
            {tried && reasonShort ? t('giveReason') : (fieldError('/reason') ?? t('reasonHint'))}
          </p>
        </div>
        {/* A refusal the fields show (the person, the reason) is said there; anything else in full. */}
        {problem && (fieldError('/to') || fieldError('/reason') ? <p className="notice">{t('failed')}</p> : <ProblemNotice message={t('failed')} problem={problem} />)}
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={busy} aria-busy={busy || undefined}>
            {busy ? t('working') : t('confirm')}
          </button>
          <button type="button" onClick={onCancel} disabled={busy}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
