import type { RecordData, RecordQuery } from '@bankforge/client';
import type { EntityDefinition, FieldDefinition, RecordFilter } from '@bankforge/data-model';
import type { SortingState } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { languageOf } from '@bankforge/app-shell';
import { Loading } from '../shell/Loading.js';
import { localized } from '../shell/localized.js';
import { ProblemNotice } from '../shell/ProblemNotice.js';
import { ColumnChooser } from './columns/ColumnChooser.js';
import { deniedColumns } from './columns/denied-columns.js';
import {
  listableFields,
  loadColumnChoice,
  saveColumnChoice,
  visibleKeys,
  type ColumnVisibility,
} from './columns/column-choice.js';
import { recordFilter, type FilterInput } from './filters/column-filter.js';
import { FilterControl } from './filters/FilterControl.js';
import { RecordGrid } from './grid/RecordGrid.js';
import {
  currentCursor,
  FIRST_PAGE,
  hasPrevious,
  nextPage,
  pageNumber,
  previousPage,
} from './pagination/cursor-stack.js';
import { Pager } from './pagination/Pager.js';
import { useRecordQuery } from './useRecordQuery.js';
import type { ApiProblem, ReaderFieldAccess } from '@bankforge/client';
import { useNarrowScreen } from '../shell/layout/useNarrowScreen.js';
import { cardLayout } from './cards/card-fields.js';
import { RecordCards } from './cards/RecordCards.js';
import { ExportButton } from './export/ExportButton.js';
import { TransferAction } from '../record/transfer/TransferAction.js';
import { SegmentBar } from './segments/SegmentBar.js';

/** How long typing in a filter must pause before the list is asked for again. */
export const FILTER_DELAY_MS = 300;

export interface RecordListProps {
  app: string;
  entity: EntityDefinition;
  /** How the reader's roles restrict fields: a masked one is shown masked, never filtered or sorted on (the server refuses it). */
  fieldAccess?: ReaderFieldAccess;
  /** The reader's roles let them create records of the entity (New is offered). */
  canCreate?: boolean;
  /** The reader's roles let them export the entity's records (Export is offered). */
  canExport?: boolean;
  /** The reader's roles let them hand records to another owner (rows can be selected and transferred). */
  canTransfer?: boolean;
  /** The reader's roles grant bulk import (Import… opens the import page). */
  canImport?: boolean;
  filterDelayMs?: number;
  /** Filters the list opens with ("View all" of a record's related list: `customer` is that record). */
  initialFilters?: Readonly<Record<string, FilterInput>>;
  /** Only this user's records (a dashboard's drill from an RM to the RM's customers). */
  owner?: string;
}

const NO_FILTERS: Readonly<Record<string, FilterInput>> = {};

/** An entity's records: a server-sorted, filtered, keyset-paged grid with a choice of columns. */
export function RecordList({
  app,
  entity,
  fieldAccess,
  canCreate = true,
  canExport = true,
  canTransfer = false,
  canImport = false,
  filterDelayMs = FILTER_DELAY_MS,
  initialFilters = NO_FILTERS,
  owner,
}: RecordListProps) {
  const { t, i18n } = useTranslation('list');
  const navigate = useNavigate();
  // On a phone the records are cards: a title and a few key fields, no columns to scroll sideways.
  const narrow = useNarrowScreen();
  const [exportProblem, setExportProblem] = useState<ApiProblem | null>(null);
  const language = languageOf(i18n.language);
  // Columns the reader's roles turned out to hide (the server refused a query naming them).
  const [denied, setDenied] = useState<ReadonlySet<string>>(new Set());
  const fields = useMemo(
    () => listableFields(entity.fields).filter((field) => !denied.has(field.key)),
    [entity, denied],
  );
  const masked = useMemo(
    () => new Set(Object.keys(fieldAccess ?? {}).filter((key) => fieldAccess?.[key] === 'masked')),
    [fieldAccess],
  );
  const plural = localized(entity.pluralLabel ?? entity.label, language);
  const items = language === 'en' ? plural.toLocaleLowerCase('en') : plural;

  const [visibility, setVisibility] = useState<ColumnVisibility>(() =>
    loadColumnChoice(localStorage, entity.key, fields),
  );
  const [drafts, setDrafts] = useState(initialFilters);
  const [filters, setFilters] = useState(initialFilters);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [pageSize, setPageSize] = useState(25);
  const [stack, setStack] = useState(FIRST_PAGE);
  // Records chosen for a transfer: only rows of the page shown (another page, filter or sort keeps those it still shows).
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [selectedOn, setSelectedOn] = useState<unknown>(null);

  // Typing settles before the list is asked again; every new filter starts from the first page.
  useEffect(() => {
    if (drafts === filters) return;
    const timer = setTimeout(() => {
      setFilters(drafts);
      setStack(FIRST_PAGE);
    }, filterDelayMs);
    return () => clearTimeout(timer);
  }, [drafts, filters, filterDelayMs]);

  const columnFilter = useMemo(() => recordFilter(fields, filters), [fields, filters]);
  // The owner is no column: it narrows the query and the export, not the filter row or a saved segment.
  const filter = useMemo(
    (): RecordFilter | undefined => {
      if (owner === undefined) return columnFilter;
      const mine: RecordFilter = { field: 'owner_id', op: 'eq', value: owner };
      return { and: columnFilter ? [columnFilter, mine] : [mine] };
    },
    [columnFilter, owner],
  );
  const shown = visibleKeys(fields, visibility);
  const cards = narrow ? cardLayout(entity, fields, shown, masked) : null;
  const cursor = currentCursor(stack);
  const query: RecordQuery = {
    ...(filter ? { filter } : {}),
    ...(sorting.length > 0
      ? {
          sort: sorting.map((s) => ({
            field: s.id,
            direction: s.desc ? ('desc' as const) : ('asc' as const),
          })),
        }
      : {}),
    fields: cards ? cards.query : shown,
    limit: pageSize,
    ...(cursor === undefined ? {} : { cursor }),
    count: true,
  };
  const { page, loading, error, failed, retry } = useRecordQuery(entity.key, query);
  const refused = error && failed ? deniedColumns(error, failed) : [];
  if (refused.length > 0 && refused.some((key) => !denied.has(key)))
    setDenied(new Set([...denied, ...refused]));
  const rows = page?.items ?? [];
  // Each answer used to clear the selection: a filter settling after the reader had ticked rows of the
  // answer before (the list seemed to reload on its own) lost their choice. Now only rows no longer shown drop out.
  if (selectedOn !== page) {
    setSelectedOn(page);
    const kept = rows.filter((row) => selected.has(row.id)).map((row) => row.id);
    if (kept.length !== selected.size) setSelected(new Set(kept));
  }

  const chooseColumns = (next: ColumnVisibility) => {
    setVisibility(next);
    saveColumnChoice(localStorage, entity.key, next);
  };
  const hrefOf = (record: RecordData) => `/${app}/${entity.key}/${encodeURIComponent(record.id)}`;
  const open = (record: RecordData) => navigate(hrefOf(record));
  const filterOf = (field: FieldDefinition) => (
    <FilterControl
      field={field}
      label={localized(field.label, language)}
      value={drafts[field.key]}
      onChange={(value) => setDrafts((current) => ({ ...current, [field.key]: value }))}
    />
  );
  // A segment is put back into the filter row and the sort, as if the reader had chosen them.
  const applySegment = (inputs: Record<string, FilterInput>, sort: NonNullable<RecordQuery['sort']>) => {
    setDrafts(inputs);
    setFilters(inputs);
    setSorting(sort.map((s) => ({ id: s.field, desc: s.direction === 'desc' })));
    setStack(FIRST_PAGE);
  };
  // Done with the chosen rows: the list is read again with its new owners, nothing chosen.
  const transferred = () => {
    setSelected(new Set());
    retry();
  };
  const clearFilters = () => {
    setDrafts(NO_FILTERS);
    setFilters(NO_FILTERS);
    setStack(FIRST_PAGE);
  };

  return (
    <section className="record-list" aria-labelledby="list-title">
      <div className="page-header">
        <h1 id="list-title">{plural}</h1>
        <span className="toolbar-spacer" />
        <SegmentBar entity={entity.key} fields={fields} filter={columnFilter} sort={query.sort} onApply={applySegment} />
        <ColumnChooser fields={fields} visibility={visibility} onChange={chooseColumns} />
        {canExport && (
          <ExportButton
            entity={entity.key}
            search={{
              ...(query.filter ? { filter: query.filter } : {}),
              ...(query.sort ? { sort: query.sort } : {}),
              fields: shown,
            }}
            onProblem={setExportProblem}
          />
        )}
        {/* Kept while the reader may transfer, so what was done is still said after the page is read again. */}
        {canTransfer && (
          <>
            {selected.size > 0 && <span className="selected-count">{t('selectedCount', { count: selected.size })}</span>}
            <TransferAction entity={entity.key} ids={[...selected]} selection onTransferred={transferred} />
          </>
        )}
        {canImport && <Link to={`/${app}/${entity.key}/import`}>{t('import')}</Link>}
        {canCreate && (
          <button type="button" className="primary" onClick={() => navigate(`/${app}/${entity.key}/new`)}>
            {t('new')}
          </button>
        )}
      </div>
      {exportProblem && <ProblemNotice message={t('exportFailed')} problem={exportProblem} />}
      {error && refused.length === 0 && (
        <ProblemNotice message={t('loadFailed')} problem={error} onRetry={retry} />
      )}
      {loading && <Loading label={t('loading')} />}
      {cards ? (
        <>
          {/* On a phone, the one filter kept is the title's first field: finding a customer by name. */}
          {cards.title[0] && !masked.has(cards.title[0].key) && (
            <div className="card-filter">
              {/* The box is named by its own label; this says the same to the eye. */}
              <span aria-hidden="true">
                {t('filter', { column: localized(cards.title[0].label, language) })}
              </span>
              {filterOf(cards.title[0])}
            </div>
          )}
          <RecordCards
            label={t('grid', { items: plural })}
            entity={entity}
            layout={cards}
            rows={rows}
            titles={page?.titles}
            hrefOf={hrefOf}
            busy={loading}
          />
        </>
      ) : (
        <div className="grid-scroller">
          <RecordGrid
            label={t('grid', { items: plural })}
            fields={fields}
            rows={rows}
            titles={page?.titles}
            sorting={sorting}
            onSortingChange={(next) => {
              setSorting(next);
              setStack(FIRST_PAGE);
            }}
            visibility={visibility}
            fixedOrder={masked}
            filterFor={(field) => (masked.has(field.key) ? null : filterOf(field))}
            onOpen={open}
            busy={loading}
            {...(canTransfer ? { selection: { selected, onChange: setSelected } } : {})}
          />
        </div>
      )}
      {!loading && !error && rows.length === 0 && (
        <div className="notice empty">
          {filter ? (
            <>
              <p>{t('noMatch', { items })}</p>
              <button type="button" onClick={clearFilters}>
                {t('clearFilters')}
              </button>
            </>
          ) : (
            <p>{t('empty', { items })}</p>
          )}
        </div>
      )}
      <Pager
        page={pageNumber(stack)}
        hasPrevious={hasPrevious(stack) && !loading}
        hasNext={Boolean(page?.nextCursor) && !loading}
        pageSize={pageSize}
        total={page?.total}
        onPrevious={() => setStack(previousPage(stack))}
        onNext={() => page?.nextCursor && setStack(nextPage(stack, page.nextCursor))}
        onPageSize={(size) => {
          setPageSize(size);
          setStack(FIRST_PAGE);
        }}
      />
    </section>
  );
}
