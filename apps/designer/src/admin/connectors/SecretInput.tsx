import type { ConnectorAuthKind } from '@bankforge/client';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretChoice } from './connector-form.js';

export interface SecretInputProps {
  kind: Exclude<ConnectorAuthKind, 'none'>;
  /** Whether the server holds one (its value never reaches the browser). */
  stored: boolean;
  value: SecretChoice;
  onChange: (choice: SecretChoice) => void;
  error?: string;
}

/** The connector's secret: typed once; a stored one shows only as "Stored", to be replaced or cleared. */
export function SecretInput({ kind, stored, value, onChange, error }: SecretInputProps) {
  const { t } = useTranslation('admin');
  const id = useId();
  const label = t(`connectors.secret.${kind}`);
  const typing = value.action === 'replace' || !stored;
  const multiline = kind === 'clientCertificate';
  const describedBy = error ? `${id}-error` : `${id}-help`;
  const typed = value.action === 'replace' ? value.value : '';
  return (
    <div className="form-row">
      <label htmlFor={`${id}-input`}>{label}</label>
      {stored && (
        <p className="secret-state">
          <span className={value.action === 'clear' ? 'badge badge-removed' : 'badge badge-published'}>{value.action === 'clear' ? t('connectors.secret.cleared') : t('connectors.secret.stored')}</span>{' '}
          {value.action === 'keep' ? (
            <>
              <button type="button" onClick={() => onChange({ action: 'replace', value: '' })} aria-label={`${t('connectors.secret.replace')}: ${label}`}>
                {t('connectors.secret.replace')}
              </button>{' '}
              <button type="button" onClick={() => onChange({ action: 'clear' })} aria-label={`${t('connectors.secret.clear')}: ${label}`}>
                {t('connectors.secret.clear')}
              </button>
            </>
          ) : (
            <button type="button" onClick={() => onChange({ action: 'keep' })}>
              {t('connectors.secret.keep')}
            </button>
          )}
        </p>
      )}
      {typing &&
        (multiline ? (
          <textarea id={`${id}-input`} rows={6} value={typed} onChange={(e) => onChange({ action: 'replace', value: e.target.value })} spellCheck={false} autoComplete="off" aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
        ) : (
          <input id={`${id}-input`} type="password" value={typed} onChange={(e) => onChange({ action: 'replace', value: e.target.value })} autoComplete="new-password" aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
        ))}
      {!typing && <input id={`${id}-input`} type="password" value="" readOnly disabled aria-describedby={describedBy} placeholder={value.action === 'clear' ? t('connectors.secret.cleared') : t('connectors.secret.stored')} />}
      <p id={`${id}-help`} className="help">
        {stored ? t('connectors.secret.storedHelp') : t('connectors.secret.newHelp')}
      </p>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
