import type { RoleDefinition, WebhookSubscription, WebhookSubscriptionWithSecret } from '@bankforge/client';
import { asProblem, Dialog, useApiClient } from '@bankforge/app-shell';
import { useCallback, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FeelEditor } from '../../form-designer/feel-editor/FeelEditor.js';
import { DialogFooter, type DialogFailure } from '../shared/DialogFooter.js';
import { fieldProblems } from '../shared/field-problems.js';
import { RoleChecklist } from '../shared/RoleChecklist.js';
import {
  changeRequest,
  createRequest,
  emptyForm,
  EVENT_TYPE_GROUPS,
  FILTER_NAMES,
  formOf,
  missingFields,
  toggleType,
  typeLabelKey,
  type WebhookForm,
} from './webhook-form.js';

export interface WebhookDialogProps {
  /** The subscription to edit; none: a new one. */
  subscription?: WebhookSubscription;
  /** The roles a receiving system may read through (administrator roles are not offered: the server refuses them). */
  roles: readonly RoleDefinition[];
  onClose: () => void;
  /** A new one comes with its secret, to be shown once. */
  onSaved: (saved: WebhookSubscription | WebhookSubscriptionWithSecret) => void;
}

/** The server's field paths (first segment) as the dialog's fields. */
const FIELD_OF: Record<string, keyof WebhookForm> = {
  key: 'key',
  name: 'nameEn',
  url: 'url',
  eventTypes: 'eventTypes',
  filter: 'filter',
  roles: 'roles',
};

/** Creates or edits a webhook subscription: names, URL, event types, FEEL filter (the server's syntax errors at it), the roles its receiver reads through. */
export function WebhookDialog({ subscription, roles, onClose, onSaved }: WebhookDialogProps) {
  const { t, i18n } = useTranslation('admin');
  const api = useApiClient();
  const id = useId();
  const creating = subscription === undefined;
  const unknownName = useCallback((name: string) => t('webhooks.filterUnknownName', { name }), [t]);
  const [form, setForm] = useState<WebhookForm>(() => (subscription ? formOf(subscription) : emptyForm()));
  const [errors, setErrors] = useState<Partial<Record<keyof WebhookForm, string>>>({});
  const [failure, setFailure] = useState<DialogFailure | null>(null);
  const [busy, setBusy] = useState(false);
  // A field's error goes once it is edited: it spoke of what was there before.
  const set = <K extends keyof WebhookForm>(field: K, value: WebhookForm[K]) => {
    setForm((f) => ({ ...f, [field]: value }));
    setErrors((e) => (e[field] === undefined ? e : { ...e, [field]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found: Partial<Record<keyof WebhookForm, string>> = {};
    for (const field of missingFields(form, creating))
      found[field] = field === 'eventTypes' ? t('webhooks.chooseType') : t('webhooks.required');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      onSaved(
        creating
          ? await api.createWebhook(createRequest(form))
          : await api.updateWebhook(subscription.key, changeRequest(form, subscription.version)),
      );
    } catch (error) {
      const problem = asProblem(error);
      if (problem.status === 409 && problem.code === 'staleVersion') {
        setFailure({ message: t('webhooks.stale'), problems: [] });
        return;
      }
      const { byField, other } = fieldProblems(problem, Object.keys(FIELD_OF), i18n.language);
      const mapped: Partial<Record<keyof WebhookForm, string>> = {};
      for (const [field, message] of Object.entries(byField)) mapped[FIELD_OF[field]!] = message;
      setErrors(mapped);
      if (other.length > 0 || Object.keys(mapped).length === 0)
        setFailure({ message: problem.detail || problem.title, problems: other });
    } finally {
      setBusy(false);
    }
  };

  const described = (name: keyof WebhookForm, help: boolean) => {
    const fieldId = `${id}-${name}`;
    const describedBy = [help ? `${fieldId}-help` : '', errors[name] ? `${fieldId}-error` : '']
      .filter(Boolean)
      .join(' ');
    return {
      id: fieldId,
      ...(errors[name] ? { 'aria-invalid': true as const } : {}),
      ...(describedBy ? { 'aria-describedby': describedBy } : {}),
    };
  };
  const notes = (name: keyof WebhookForm, help?: string): ReactNode => (
    <>
      {help && (
        <p id={`${id}-${name}-help`} className="help">
          {help}
        </p>
      )}
      {errors[name] && (
        <p id={`${id}-${name}-error`} className="field-error">
          {errors[name]}
        </p>
      )}
    </>
  );
  const text = (name: 'key' | 'nameEn' | 'nameZh' | 'url', label: string, help?: string) => (
    <div className="form-row">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        {...described(name, help !== undefined)}
        value={form[name]}
        onChange={(e) => set(name, e.target.value)}
        autoComplete="off"
      />
      {notes(name, help)}
    </div>
  );

  return (
    <Dialog
      title={creating ? t('webhooks.createTitle') : t('webhooks.editTitle', { name: subscription.name.en })}
      onClose={onClose}
      busy={busy}
      className="dialog-wide"
    >
      <form onSubmit={(e) => void submit(e)} noValidate className="stack">
        {creating ? text('key', t('webhooks.key'), t('webhooks.keyHelp')) : null}
        {text('nameEn', t('webhooks.nameEn'))}
        {text('nameZh', t('webhooks.nameZh'))}
        {text('url', t('webhooks.url'), t('webhooks.urlHelp'))}
        <fieldset
          className="webhook-types"
          aria-describedby={`${id}-eventTypes-help${errors.eventTypes ? ` ${id}-eventTypes-error` : ''}`}
        >
          <legend>{t('webhooks.eventTypes')}</legend>
          {EVENT_TYPE_GROUPS.map((group) => {
            const family = group[0]!;
            const all = form.eventTypes.includes(family);
            return (
              <div key={family} className="webhook-type-family">
                {group.map((type) => (
                  <label key={type} className="check">
                    <input
                      type="checkbox"
                      checked={form.eventTypes.includes(type) || (all && type !== family)}
                      disabled={all && type !== family}
                      onChange={(e) => set('eventTypes', toggleType(form.eventTypes, type, e.target.checked))}
                    />
                    {t(typeLabelKey(type))}
                  </label>
                ))}
              </div>
            );
          })}
          {notes('eventTypes', t('webhooks.eventTypesHelp'))}
        </fieldset>
        <div className="form-row">
          {/* The platform's FEEL editor: its own check marks a syntax error or a name the event lacks as it is typed. */}
          <FeelEditor
            label={t('webhooks.filter')}
            value={form.filter}
            onChange={(value) => set('filter', value)}
            names={FILTER_NAMES}
            unknownNameText={unknownName}
            describedBy={[`${id}-filter-help`, errors.filter ? `${id}-filter-error` : '']
              .filter(Boolean)
              .join(' ')}
            invalid={errors.filter !== undefined}
          />
          {notes('filter', t('webhooks.filterHelp'))}
        </div>
        <RoleChecklist
          legend={t('webhooks.roles')}
          roles={roles.filter((role) => role.admin !== true)}
          value={form.roles}
          onChange={(keys) => set('roles', keys)}
          help={t('webhooks.rolesHelp')}
          error={errors.roles}
        />
        <DialogFooter
          failure={failure}
          busy={busy}
          onCancel={onClose}
          submitLabel={
            creating ? (busy ? t('webhooks.creating') : t('webhooks.create')) : busy ? t('saving') : t('save')
          }
        />
      </form>
    </Dialog>
  );
}
