import { languageOf } from '@bankforge/app-shell';
import type { ApprovalAction, ReturnTarget, TaskActionRequest } from '@bankforge/client';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseText } from '../../approval/case-text.js';
import { Dialog } from '@bankforge/app-shell';
import { actionRequest, commentKind, EMPTY_INPUT, needsUser, type ActionInput } from './action-request.js';
import { PersonPicker } from './PersonPicker.js';

export interface ActionDialogProps {
  action: ApprovalAction;
  /** The record's title, for the dialog's title. */
  record: string;
  /** `return`: where the case may go back to, the default first. */
  returnTargets: readonly ReturnTarget[];
  /** `delegate`, `addApprover`: people not to offer (the task's assignees and its initiator). */
  exclude: readonly string[];
  /** The server refused the person chosen: why, until another is chosen. */
  refusal?: { userId: string; message: string } | null;
  busy: boolean;
  /** Approving the initiator's task on a returned case resubmits it. */
  resubmit?: boolean;
  onConfirm(request: TaskActionRequest): void;
  onCancel(): void;
}

/**
 * Confirms an action with its comment box: a reason for reject and return (which chooses where the
 * case goes back to), a colleague from the people picker for delegate and add approver. Nothing is
 * sent until it checks.
 */
export function ActionDialog({ action, record, returnTargets, exclude, refusal, busy, onConfirm, onCancel, resubmit = false }: ActionDialogProps) {
  const named = resubmit && action === 'approve' ? 'resubmit' : action;
  const { t, i18n } = useTranslation('task');
  const language = languageOf(i18n.language);
  const id = useId();
  const [input, setInput] = useState<ActionInput>({ ...EMPTY_INPUT, returnTo: returnTargets[0]?.nodeId ?? '' });
  const [error, setError] = useState<{ field: 'comment' | 'userId'; message: string } | null>(null);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const userRef = useRef<HTMLDivElement>(null);
  const nowhere = action === 'return' && returnTargets.length === 0;
  const kind = commentKind(action);
  const change = (next: Partial<ActionInput>) => {
    setInput((current) => ({ ...current, ...next }));
    setError(null);
  };

  const submit = () => {
    const checked = actionRequest(action, input);
    if (checked.ok) {
      onConfirm(checked.request);
      return;
    }
    setError({ field: checked.field, message: t(`dialog.${checked.error}`) });
    if (checked.field === 'comment') commentRef.current?.focus();
    else userRef.current?.querySelector('input')?.focus();
  };

  const errorFor = (field: 'comment' | 'userId') =>
    error?.field === field ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-${field}-error` } : {};
  const errorText = (field: 'comment' | 'userId') =>
    error?.field === field && (
      <span id={`${id}-${field}-error`} className="field-error">
        {error.message}
      </span>
    );
  const personError = error?.field === 'userId' ? error.message : refusal && refusal.userId === input.userId ? refusal.message : undefined;

  const userField = needsUser(action) && (
    <PersonPicker ref={userRef} label={t('dialog.person')} value={input.userId} onChange={(userId) => change({ userId })} exclude={exclude} disabled={busy} {...(personError ? { error: personError } : {})} />
  );

  return (
    <Dialog title={t(`dialog.title.${named}`, { record })} onClose={onCancel} busy={busy}>
      <form
        noValidate
        className="action-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) submit();
        }}
      >
        {userField}
        {action === 'addApprover' && (
          <fieldset className="dialog-field">
            <legend>{t('dialog.position')}</legend>
            {(['before', 'after'] as const).map((position) => (
              <label key={position} className="filter-check">
                <input type="radio" name={`${id}-position`} value={position} checked={input.position === position} onChange={() => change({ position })} />
                {t(`dialog.${position}`)}
              </label>
            ))}
          </fieldset>
        )}
        {action === 'return' &&
          (nowhere ? (
            <p className="notice">{t('dialog.nowhereToReturn')}</p>
          ) : (
            <div className="dialog-field">
              <label htmlFor={`${id}-step`}>{t('dialog.returnTo')}</label>
              <select id={`${id}-step`} value={input.returnTo} onChange={(event) => change({ returnTo: event.target.value })}>
                {returnTargets.map((target) => (
                  <option key={target.nodeId} value={target.nodeId}>
                    {caseText(target.name, language)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        <div className="dialog-field">
          <label htmlFor={`${id}-comment`}>{t(kind === 'reason' ? 'dialog.reason' : kind === 'comment' ? 'dialog.yourComment' : 'dialog.comment')}</label>
          <textarea
            ref={commentRef}
            id={`${id}-comment`}
            rows={4}
            value={input.comment}
            aria-required={kind === 'optional' ? undefined : true}
            onChange={(event) => change({ comment: event.target.value })}
            {...errorFor('comment')}
          />
          {errorText('comment')}
        </div>
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={busy || nowhere} aria-busy={busy || undefined}>
            {busy ? t('dialog.sending') : t(`dialog.confirm.${named}`)}
          </button>
          <button type="button" onClick={onCancel} disabled={busy}>
            {t('dialog.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
