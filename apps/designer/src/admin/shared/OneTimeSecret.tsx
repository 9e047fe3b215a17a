import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface OneTimeSecretProps {
  /** "New password", "Key". */
  label: string;
  value: string;
  /** Why it is shown once, and what to do with it. */
  note: string;
}

/**
 * A password or key the server made and answered once: shown selected in a read-only box, with a
 * copy button. Nothing keeps it once the dialog closes.
 */
export function OneTimeSecret({ label, value, note }: OneTimeSecretProps) {
  const { t } = useTranslation('admin');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copyIt = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(value);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };
  return (
    <div className="one-time-secret">
      <p id={`${id}-note`} className="notice notice-warning">
        {note}
      </p>
      <label htmlFor={id}>{label}</label>
      <div className="one-time-secret-row">
        <input ref={input} id={id} readOnly value={value} aria-describedby={`${id}-note`} spellCheck={false} onFocus={(e) => e.target.select()} className="secret" />
        <button type="button" onClick={() => void copyIt()}>
          {copy === 'copied' ? t('oneTime.copied') : t('oneTime.copy')}
        </button>
      </div>
      <p role="status" aria-live="polite" className="help">
        {copy === 'failed' ? t('oneTime.copyFailed') : ''}
      </p>
    </div>
  );
}
