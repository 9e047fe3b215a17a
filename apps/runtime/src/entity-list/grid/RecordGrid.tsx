import type { RecordData, RecordPage } from '@bankforge/client';
import type { FieldDefinition } from '@bankforge/data-model';
import {
  columnVisibilityFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnVisibilityState,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useMemo, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { languageOf } from '@bankforge/app-shell';
import { localized } from '../../shell/localized.js';
import { formatValue, type FormatOptions } from '../format/format-value.js';
import { CellValue } from '../format/CellValue.js';
import { isSortable } from './sortable.js';

const features = tableFeatures({ columnVisibilityFeature, rowSortingFeature });
type GridColumn = ColumnDef<typeof features, RecordData, unknown>;

export interface RecordGridProps {
  /** The grid's accessible name (the entity's plural label). */
  label: string;
  fields: readonly FieldDefinition[];
  rows: readonly RecordData[];
  /** The titles of the records the rows refer to (the page's). */
  titles?: RecordPage['titles'];
  sorting: SortingState;
  onSortingChange(sorting: SortingState): void;
  visibility: ColumnVisibilityState;
  /** Columns the reader may not sort on although the field is indexed (masked for them). */
  fixedOrder?: ReadonlySet<string>;
  /** Drawn in the header row under each column's title (the filter row). */
  filterFor(field: FieldDefinition): ReactNode;
  onOpen(record: RecordData): void;
  busy: boolean;
  /** Rows chosen for an action on several records (a transfer): a checkbox column when given. */
  selection?: { selected: ReadonlySet<string>; onChange(selected: ReadonlySet<string>): void };
}

function resolve<T>(updater: Updater<T>, current: T): T {
  return typeof updater === 'function' ? (updater as (old: T) => T)(current) : updater;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/**
 * The records of one page as a table: sortable column headers (server-side; aria-sort says the
 * order), a filter row, and rows that open their record on click or Enter.
 */
export function RecordGrid(props: RecordGridProps) {
  const { t, i18n } = useTranslation('list');
  const language = languageOf(i18n.language);
  const format: FormatOptions = { language, yes: t('yes'), no: t('no'), titles: props.titles, unseen: t('unseenRecord') };
  const fieldsByKey = useMemo(() => new Map(props.fields.map((field) => [field.key, field])), [props.fields]);

  const columns = useMemo<GridColumn[]>(
    () =>
      props.fields.map((field) => ({
        id: field.key,
        accessorFn: (row: RecordData) => row[field.key],
        enableSorting: isSortable(field) && !props.fixedOrder?.has(field.key),
        sortDescFirst: false,
      })),
    [props.fields, props.fixedOrder],
  );
  const data = useMemo(() => [...props.rows], [props.rows]);
  const table = useTable({
    features,
    columns,
    data,
    getRowId: (row) => row.id,
    manualSorting: true,
    enableMultiSort: false,
    state: { sorting: props.sorting, columnVisibility: props.visibility },
    onSortingChange: (updater) => props.onSortingChange(resolve(updater, props.sorting)),
    // Visibility is chosen outside the grid (the column chooser) and handed in.
    onColumnVisibilityChange: () => undefined,
  });

  const { selection } = props;
  // A row named for the screen reader by its first shown value (a customer's name), else its position.
  const rowName = (record: RecordData): string => {
    const first = props.fields.find((f) => props.visibility[f.key] !== false);
    const text = first ? formatValue(record[first.key], first, format) : '';
    return text || String(props.rows.indexOf(record) + 1);
  };
  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, record: RecordData) => {
    if (event.key === 'Enter') props.onOpen(record);
  };
  const headers = table.getHeaderGroups()[0]?.headers ?? [];

  return (
    <table className="record-grid" aria-label={props.label} aria-busy={props.busy || undefined}>
      <thead>
        <tr>
          {selection && (
            <th scope="col" className="select-cell">
              <input
                type="checkbox"
                aria-label={t('selectPage')}
                checked={props.rows.length > 0 && props.rows.every((row) => selection.selected.has(row.id))}
                onChange={(event) => selection.onChange(new Set(event.target.checked ? props.rows.map((row) => row.id) : []))}
              />
            </th>
          )}
          {headers.map((header) => {
            const field = fieldsByKey.get(header.column.id)!;
            const title = localized(field.label, language);
            const sorted = header.column.getIsSorted();
            return (
              <th key={header.id} scope="col" aria-sort={sorted ? ARIA_SORT[sorted] : header.column.getCanSort() ? 'none' : undefined}>
                {header.column.getCanSort() ? (
                  <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                    {title}
                    <span aria-hidden="true" className="sort-mark">
                      {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ' ↕'}
                    </span>
                  </button>
                ) : (
                  title
                )}
              </th>
            );
          })}
        </tr>
        <tr className="filter-row">
          {selection && <td />}
          {headers.map((header) => (
            <td key={header.id}>{props.filterFor(fieldsByKey.get(header.column.id)!)}</td>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr
            key={row.id}
            tabIndex={0}
            className="record-row"
            onClick={() => props.onOpen(row.original)}
            onKeyDown={(event) => onRowKey(event, row.original)}
          >
            {selection && (
              // The box chooses the row; it does not open it (a click or Space stays here).
              <td className="select-cell" onClick={(event) => event.stopPropagation()} onKeyDown={(event) => event.stopPropagation()}>
                <input
                  type="checkbox"
                  aria-label={t('selectRow', { row: rowName(row.original) })}
                  checked={selection.selected.has(row.id)}
                  onChange={(event) => {
                    const next = new Set(selection.selected);
                    if (event.target.checked) next.add(row.id);
                    else next.delete(row.id);
                    selection.onChange(next);
                  }}
                />
              </td>
            )}
            {row.getVisibleCells().map((cell) => (
              <td key={cell.id}>
                <CellValue value={cell.getValue()} field={fieldsByKey.get(cell.column.id)!} format={format} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
