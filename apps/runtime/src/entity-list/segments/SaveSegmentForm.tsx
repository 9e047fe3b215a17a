import type { ApiProblem, SegmentSharing } from '@bankforge/client';
import { languageOf } from '@bankforge/app-shell';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const SHARINGS: readonly SegmentSharing[] = ['private', 'team', 'branch'];

export interface SaveSegmentFormProps {
  onSave(name: string, sharing: SegmentSharing): void;
  onCancel(): void;
  busy: boolean;
  /** The server's refusal of the last try: shown at the name when it names it. */
  problem: ApiProblem | null;
}

/** Name and sharing of a new segment; focus starts in the name, Escape cancels. */
export function SaveSegmentForm({ onSave, onCancel, busy, problem }: SaveSegmentFormProps) {
  const { t, i18n } = useTranslation('segments');
  const chinese = languageOf(i18n.language) === 'zh-CN';
  const [name, setName] = useState('');
  const [sharing, setSharing] = useState<SegmentSharing>('private');
  const nameBox = useRef<HTMLInputElement>(null);
  const titleId = useId();
  const errorId = useId();
  useEffect(() => nameBox.current?.focus(), []);
  const nameError = problem?.errors.find((e) => e.path === '/name');
  const said = (error: { message: string; messageZh?: string }) => (chinese ? (error.messageZh ?? error.message) : error.message);
  const other = problem && !nameError ? (problem.errors.length > 0 ? problem.errors.map(said).join(' ') : problem.detail) : null;

  return (
    <form
      role="dialog"
      aria-labelledby={titleId}
      className="segment-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim() !== '') onSave(name.trim(), sharing);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h2 id={titleId}>{t('saveTitle')}</h2>
      <label>
        {t('name')}
        <input ref={nameBox} value={name} maxLength={100} required aria-invalid={nameError ? true : undefined} aria-describedby={nameError ? errorId : undefined} onChange={(event) => setName(event.target.value)} />
      </label>
      {nameError && (
        <span id={errorId} className="field-error">
          {said(nameError)}
        </span>
      )}
      <fieldset>
        <legend>{t('sharing')}</legend>
        {SHARINGS.map((choice) => (
          <label key={choice}>
            <input type="radio" name="sharing" value={choice} checked={sharing === choice} onChange={() => setSharing(choice)} />
            {t(choice)}
          </label>
        ))}
      </fieldset>
      {other && (
        <p role="alert" className="field-error">
          {t('saveFailed')} {other}
        </p>
      )}
      <div className="segment-form-actions">
        <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
          {t('confirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
