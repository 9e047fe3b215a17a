import type { Connector, ConnectorAuthKind } from '@bankforge/client';
import { asProblem, Dialog, languageOf, useApiClient } from '@bankforge/app-shell';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogFooter, type DialogFailure } from '../shared/DialogFooter.js';
import { fieldProblems } from '../shared/field-problems.js';
import { AUTH_KINDS, changeRequest, createRequest, emptyForm, formOf, missingFields, parseHeaders, type ConnectorForm } from './connector-form.js';
import { SecretInput } from './SecretInput.js';

export interface ConnectorDialogProps {
  /** The connector to edit; none: a new one. */
  connector?: Connector;
  onClose: () => void;
  onSaved: (connector: Connector) => void;
}

/** The server's field paths (first segment, and `auth`'s own) as the dialog's fields. */
const FIELD_OF: Record<string, keyof ConnectorForm> = { key: 'key', name: 'nameEn', baseUrl: 'baseUrl', secret: 'secret', timeoutMs: 'timeoutMs', retries: 'retries', headers: 'headers' };
const AUTH_FIELDS = ['header', 'username', 'tokenUrl', 'clientId', 'scope'] as const;

/** Creates or edits a connector: names, base URL, authentication with its secret, timeout, retries, headers. */
export function ConnectorDialog({ connector, onClose, onSaved }: ConnectorDialogProps) {
  const { t, i18n } = useTranslation('admin');
  const api = useApiClient();
  const id = useId();
  const creating = connector === undefined;
  const [form, setForm] = useState<ConnectorForm>(() => (connector ? formOf(connector) : emptyForm()));
  const [errors, setErrors] = useState<Partial<Record<keyof ConnectorForm, string>>>({});
  const [failure, setFailure] = useState<DialogFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof ConnectorForm>(field: K, value: ConnectorForm[K]) => setForm((f) => ({ ...f, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found: Partial<Record<keyof ConnectorForm, string>> = {};
    for (const field of missingFields(form, creating)) found[field] = t('connectors.required');
    const headers = parseHeaders(form.headers);
    if (!headers) found.headers = t('connectors.headersInvalid');
    setErrors(found);
    if (Object.keys(found).length > 0 || !headers) return;
    setBusy(true);
    try {
      onSaved(creating ? await api.createConnector(createRequest(form, headers)) : await api.updateConnector(connector.key, changeRequest(form, headers, connector.version)));
    } catch (error) {
      const problem = asProblem(error);
      if (problem.status === 409 && problem.code === 'staleVersion') {
        setFailure({ message: t('connectors.stale'), problems: [] });
        return;
      }
      // `/auth/header` is about the header field; the others by their first segment.
      const authErrors = problem.errors.filter((e) => e.path.startsWith('/auth/'));
      const { byField: auth } = fieldProblems({ ...problem, errors: authErrors.map((e) => ({ ...e, path: e.path.slice('/auth'.length) })) }, [...AUTH_FIELDS], i18n.language);
      const { byField, other } = fieldProblems({ ...problem, errors: problem.errors.filter((e) => !e.path.startsWith('/auth/')) }, Object.keys(FIELD_OF), i18n.language);
      const mapped: Partial<Record<keyof ConnectorForm, string>> = { ...auth };
      for (const [field, message] of Object.entries(byField)) mapped[FIELD_OF[field]!] = message;
      setErrors(mapped);
      if (other.length > 0 || Object.keys(mapped).length === 0) setFailure({ message: problem.detail || problem.title, problems: other });
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof ConnectorForm, label: string, input: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode, help?: string): ReactNode => {
    const error = errors[name];
    const fieldId = `${id}-${name}`;
    const describedBy = [help ? `${fieldId}-help` : '', error ? `${fieldId}-error` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div className="form-row">
        <label htmlFor={fieldId}>{label}</label>
        {input({ id: fieldId, ...(error ? { 'aria-invalid': true as const } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
        {help && (
          <p id={`${fieldId}-help`} className="help">
            {help}
          </p>
        )}
        {error && (
          <p id={`${fieldId}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
    );
  };
  const text = (name: 'key' | 'nameEn' | 'nameZh' | 'baseUrl' | 'header' | 'username' | 'tokenUrl' | 'clientId' | 'scope', label: string, help?: string) =>
    field(name, label, (props) => <input {...props} value={form[name]} onChange={(e) => set(name, e.target.value)} autoComplete="off" />, help);

  return (
    <Dialog title={creating ? t('connectors.createTitle') : t('connectors.editTitle', { name: connector.name[languageOf(i18n.language)] })} onClose={onClose} busy={busy} className="dialog-wide">
      <form onSubmit={(e) => void submit(e)} noValidate className="stack">
        {creating ? text('key', t('connectors.key'), t('connectors.keyHelp')) : null}
        {text('nameEn', t('connectors.nameEn'))}
        {text('nameZh', t('connectors.nameZh'))}
        {text('baseUrl', t('connectors.baseUrl'), t('connectors.baseUrlHelp'))}
        {field('kind', t('connectors.auth'), (props) => (
          <select {...props} value={form.kind} onChange={(e) => set('kind', e.target.value as ConnectorAuthKind)}>
            {AUTH_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`connectors.kind.${kind}`)}
              </option>
            ))}
          </select>
        ))}
        {form.kind === 'apiKey' && text('header', t('connectors.header'))}
        {form.kind === 'basic' && text('username', t('connectors.username'))}
        {form.kind === 'oauth2ClientCredentials' && (
          <>
            {text('tokenUrl', t('connectors.tokenUrl'))}
            {text('clientId', t('connectors.clientId'))}
            {text('scope', t('connectors.scope'))}
          </>
        )}
        {form.kind !== 'none' && (
          // A stored secret belongs to the stored kind: another kind starts without one.
          <SecretInput kind={form.kind} stored={connector?.hasSecret === true && connector.auth.kind === form.kind} value={form.secret} onChange={(choice) => set('secret', choice)} error={errors.secret} />
        )}
        {field('timeoutMs', t('connectors.timeoutMs'), (props) => <input {...props} type="number" min={100} max={60000} step={100} value={form.timeoutMs} onChange={(e) => set('timeoutMs', e.target.value)} />, t('connectors.timeoutHelp'))}
        {field('retries', t('connectors.retries'), (props) => <input {...props} type="number" min={0} max={5} value={form.retries} onChange={(e) => set('retries', e.target.value)} />, t('connectors.retriesHelp'))}
        {field('headers', t('connectors.headers'), (props) => <textarea {...props} rows={3} value={form.headers} onChange={(e) => set('headers', e.target.value)} spellCheck={false} />, t('connectors.headersHelp'))}
        <DialogFooter failure={failure} busy={busy} onCancel={onClose} submitLabel={creating ? (busy ? t('connectors.creating') : t('connectors.create')) : busy ? t('saving') : t('save')} />
      </form>
    </Dialog>
  );
}
