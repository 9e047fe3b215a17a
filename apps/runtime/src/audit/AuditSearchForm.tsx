import type { AuditEntityLabels } from '@bankforge/client';
import { languageOf } from '@bankforge/app-shell';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../shell/localized.js';
import { AUDIT_ACTIONS, NO_FILTERS, rangeProblem, type AuditFilters } from './audit-search.js';
import { InstantInput } from './InstantInput.js';

export interface AuditSearchFormProps {
  filters: AuditFilters;
  entities: readonly AuditEntityLabels[];
  onSearch: (filters: AuditFilters) => void;
}

/** The search: a record (its type and ID), who acted, the action and a time range; sent with Search (or Enter). */
export function AuditSearchForm({ filters, entities, onSearch }: AuditSearchFormProps) {
  const { t, i18n } = useTranslation('audit');
  const language = languageOf(i18n.language);
  const id = useId();
  const [draft, setDraft] = useState<AuditFilters>(filters);
  const [invalid, setInvalid] = useState(false);
  const set = (name: 'entity' | 'recordId' | 'actor' | 'action') => (event: { target: { value: string } }) => setDraft({ ...draft, [name]: event.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong = rangeProblem(draft);
    setInvalid(wrong);
    if (!wrong) onSearch(draft);
  };

  return (
    <form className="filter-bar audit-search" onSubmit={submit} aria-label={t('search.legend')}>
      <div className="filter">
        <label htmlFor={`${id}-entity`}>{t('search.entity')}</label>
        <select id={`${id}-entity`} value={draft.entity} onChange={set('entity')}>
          <option value="">{t('search.anyEntity')}</option>
          {entities.map((entity) => (
            <option key={entity.key} value={entity.key}>
              {localized(entity.label, i18n.language)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor={`${id}-record`}>{t('search.recordId')}</label>
        <input id={`${id}-record`} value={draft.recordId} onChange={set('recordId')} spellCheck={false} autoComplete="off" aria-describedby={`${id}-record-help`} className="audit-record-id" />
        <span id={`${id}-record-help`} className="muted audit-help">
          {t('search.recordIdHelp')}
        </span>
      </div>
      <div className="filter">
        <label htmlFor={`${id}-actor`}>{t('search.actor')}</label>
        <input id={`${id}-actor`} value={draft.actor} onChange={set('actor')} spellCheck={false} autoComplete="off" aria-describedby={`${id}-actor-help`} />
        <span id={`${id}-actor-help`} className="muted audit-help">
          {t('search.actorHelp')}
        </span>
      </div>
      <div className="filter">
        <label htmlFor={`${id}-action`}>{t('search.action')}</label>
        <select id={`${id}-action`} value={draft.action} onChange={set('action')}>
          <option value="">{t('search.anyAction')}</option>
          {AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action}>
              {t(`actions.${action}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor={`${id}-from`}>{t('search.from')}</label>
        <InstantInput id={`${id}-from`} value={draft.from} onChange={(from) => setDraft({ ...draft, from })} language={language} />
      </div>
      <div className="filter">
        <label htmlFor={`${id}-to`}>{t('search.to')}</label>
        <InstantInput id={`${id}-to`} value={draft.to} onChange={(to) => setDraft({ ...draft, to })} language={language} invalid={invalid} describedBy={invalid ? `${id}-to-error` : undefined} />
        {invalid && (
          <span id={`${id}-to-error`} className="field-error">
            {t('search.invalidRange')}
          </span>
        )}
      </div>
      <div className="audit-search-actions">
        <button type="submit" className="primary">
          {t('search.submit')}
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft(NO_FILTERS);
            setInvalid(false);
            onSearch(NO_FILTERS);
          }}
        >
          {t('search.clear')}
        </button>
      </div>
    </form>
  );
}
