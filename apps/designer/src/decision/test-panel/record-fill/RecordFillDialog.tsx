import type { RecordData, RecordQuery, RuntimeEntityPage } from '@bankforge/client';
import { asProblem, Dialog, useApiClient } from '@bankforge/app-shell';
import type { RecordFilter } from '@bankforge/data-model';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { designerLanguage, localized } from '../../../form-designer/workspace/localized.js';
import type { InputField } from '../input-fields.js';
import { fillFromRecord, matchCount, searchFields, titleField, type FillOutcome } from './record-fill.js';
import { useReadableEntities } from './useReadableEntities.js';

const RECORDS_SHOWN = 10;

export interface RecordFill {
  page: RuntimeEntityPage;
  record: RecordData;
  /** The record's name in lists (its title field's value). */
  recordName: string;
  outcomes: FillOutcome[];
}

export interface RecordFillDialogProps {
  fields: readonly InputField[];
  onFill(fill: RecordFill): void;
  onClose(): void;
}

type Found = { status: 'loading' } | { status: 'loaded'; items: RecordData[] } | { status: 'failed'; message: string };

/**
 * Picks a record to try the draft on: of an entity the reader may read (the one whose fields the
 * inputs name most comes first), found by a search over its plain text fields, through the records
 * query API: the server applies the reader's data scope and field masking.
 */
export function RecordFillDialog({ fields, onFill, onClose }: RecordFillDialogProps) {
  const { t, i18n } = useTranslation('decisionTests');
  const language = designerLanguage(i18n.language);
  const id = useId();
  const api = useApiClient();
  const entities = useReadableEntities();
  const ranked = useMemo(
    () => (entities.status === 'loaded' ? [...entities.pages].sort((a, b) => matchCount(fields, b.entity) - matchCount(fields, a.entity)) : []),
    [entities, fields],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const page = ranked.find((p) => p.entity.key === chosen) ?? ranked[0];
  const [text, setText] = useState('');
  const [query, setQuery] = useState<{ entity: string; text: string } | null>(null);
  const [found, setFound] = useState<Found>({ status: 'loading' });

  const access = page?.fieldAccess ?? {};
  const searchable = page === undefined ? [] : searchFields(page.entity, access);
  const title = page === undefined ? undefined : titleField(page.entity);
  const entityName = (p: RuntimeEntityPage) => localized(p.entity.label, language) || p.entity.title || p.entity.key;

  // The records of the entity shown, and of each search.
  const entityKey = page?.entity.key;
  const searchText = query !== null && query.entity === entityKey ? query.text : '';
  useEffect(() => {
    if (entityKey === undefined || page === undefined) return;
    let live = true;
    const words = searchText.trim();
    const conditions: RecordFilter[] = searchFields(page.entity, page.fieldAccess ?? {}).map((f) => ({ field: f.key, op: 'contains', value: words }));
    const request: RecordQuery = { limit: RECORDS_SHOWN, ...(words !== '' && conditions.length > 0 ? { filter: conditions.length === 1 ? conditions[0]! : { or: conditions } } : {}) };
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a new entity or search shows "loading" until its records come
    setFound({ status: 'loading' });
    api.queryRecords(entityKey, request).then(
      (result) => live && setFound({ status: 'loaded', items: result.items }),
      (error: unknown) => live && setFound({ status: 'failed', message: asProblem(error).detail || asProblem(error).title }),
    );
    return () => {
      live = false;
    };
  }, [api, entityKey, page, searchText]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    if (entityKey !== undefined) setQuery({ entity: entityKey, text });
  };
  const recordName = (record: RecordData) => {
    const value = title === undefined ? undefined : record[title.key];
    return typeof value === 'string' && value !== '' ? value : record.id;
  };
  /** What else tells records apart in the list: the other plain text fields the reader sees (a name, masked or not). */
  const recordDetail = (record: RecordData) =>
    (page?.entity.fields ?? [])
      .filter((f) => f.type === 'text' && f.key !== title?.key && access[f.key] !== 'hidden' && typeof record[f.key] === 'string' && record[f.key] !== '')
      .slice(0, 2)
      .map((f) => record[f.key] as string)
      .join(' · ');

  return (
    <Dialog title={t('fill.title')} onClose={onClose} className="dialog-wide">
      <p className="help">{t('fill.intro')}</p>
      {entities.status === 'loading' && <p className="help">{t('fill.loading')}</p>}
      {entities.status === 'failed' && <p className="field-error">{t('fill.failed', { message: entities.message })}</p>}
      {entities.status === 'loaded' && page === undefined && <p className="help">{t('fill.noEntities')}</p>}
      {page !== undefined && (
        <>
          <div className="form-row">
            <label htmlFor={`${id}-entity`}>{t('fill.entity')}</label>
            <select id={`${id}-entity`} value={page.entity.key} onChange={(event) => setChosen(event.target.value)}>
              {ranked.map((p) => (
                <option key={p.entity.key} value={p.entity.key}>
                  {t('fill.matches', { entity: entityName(p), count: matchCount(fields, p.entity) })}
                </option>
              ))}
            </select>
          </div>
          {searchable.length > 0 && (
            <form className="dt-fill__search" onSubmit={search} role="search">
              <div className="form-row">
                <label htmlFor={`${id}-search`}>{t('fill.search')}</label>
                <input id={`${id}-search`} type="search" value={text} aria-describedby={`${id}-search-help`} onChange={(event) => setText(event.target.value)} />
                <p id={`${id}-search-help`} className="help">
                  {t('fill.searchHelp', { fields: searchable.map((f) => localized(f.label, language) || f.key).join(', ') })}
                </p>
              </div>
              <button type="submit">{t('fill.searchButton')}</button>
            </form>
          )}
          <section aria-labelledby={`${id}-results`} aria-busy={found.status === 'loading'}>
            <h3 id={`${id}-results`}>{t('fill.results')}</h3>
            {found.status === 'loading' && <p className="help">{t('fill.loading')}</p>}
            {found.status === 'failed' && <p className="field-error">{t('fill.failed', { message: found.message })}</p>}
            {found.status === 'loaded' && found.items.length === 0 && <p className="help">{t('fill.none')}</p>}
            {found.status === 'loaded' && found.items.length > 0 && (
              <ul className="dt-fill__records">
                {found.items.map((record) => {
                  const name = recordName(record);
                  const outcomes = fillFromRecord(fields, page.entity, record, access);
                  // What the record would give the inputs, so the analyst picks one that fits the case tried.
                  const gives = outcomes.flatMap((o) => (o.status === 'filled' ? [`${localized(o.field.label, language) || o.field.key}: ${typeof o.value === 'string' ? o.value : JSON.stringify(o.value)}`] : []));
                  return (
                    <li key={record.id}>
                      <span className="dt-fill__record">
                        <strong>{name}</strong> {recordDetail(record)}
                        {gives.length > 0 && <span className="dt-fill__gives">{gives.join(' · ')}</span>}
                      </span>
                      <button
                        type="button"
                        aria-label={t('fill.useRecord', { record: name })}
                        onClick={() => onFill({ page, record, recordName: name, outcomes })}
                      >
                        {t('fill.use')}
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </>
      )}
      <div className="button-row">
        <button type="button" onClick={onClose}>
          {t('fill.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
