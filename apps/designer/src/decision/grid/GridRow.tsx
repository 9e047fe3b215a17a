import type { DecisionTable } from '@bankforge/rule-engine';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { RowMarker } from '../analysis/row-markers.js';
import { CellEditor } from './CellEditor.js';
import { columnName } from './messages.js';
import { cellText, type ColumnRef } from './table-columns.js';

/** What a cell shows beyond its text. */
export interface CellState {
  selected: boolean;
  /** The cell is being edited: the text typed so far, and whether it is wrong. */
  editing: { draft: string; invalid: boolean } | null;
  invalid: boolean;
  warning: boolean;
  /** The cell's problem, in words. */
  description: string | undefined;
}

interface GridRowProps {
  table: DecisionTable;
  columns: readonly ColumnRef[];
  row: number;
  /** Where the row sits in the body (the virtual list places it). */
  top: number;
  markers: readonly RowMarker[];
  /** The rule matched the inputs last evaluated in the Tests tab. */
  matched: boolean;
  cellState(row: number, column: number): CellState;
  idPrefix: string;
  /** The grid's status line, which describes the cell being edited. */
  statusId: string;
  onSelect(column: number): void;
  onEdit(column: number): void;
  onDraft(draft: string): void;
  onBlurEditor(): void;
}

/** One rule: its number and the analysis' markers, then a cell per column; a rule the test inputs matched is highlighted. */
export function GridRow({ table, columns, row, top, markers, matched, cellState, idPrefix, statusId, onSelect, onEdit, onDraft, onBlurEditor }: GridRowProps) {
  const { t } = useTranslation('decisionDesigner');
  const rule = table.rules[row]!;
  const descriptions: { id: string; text: string }[] = [];
  const markerTexts = markers.map((marker) => markerText(t, marker));
  const matchedId = `${idPrefix}-m${row}`;
  if (matched) descriptions.push({ id: matchedId, text: t('grid.matched') });
  const describedBy = (...ids: (string | undefined)[]) => ids.filter((i) => i !== undefined).join(' ') || undefined;
  const rowClass = `dg-row${markers.length > 0 ? ' dg-row--flagged' : ''}${matched ? ' dg-row--matched' : ''}`;
  return (
    <div role="row" aria-rowindex={row + 2} className={rowClass} style={{ transform: `translateY(${top}px)` }}>
      <div role="rowheader" aria-colindex={1} className="dg-rulehead" aria-describedby={describedBy(matched ? matchedId : undefined)}>
        <span>{row + 1}</span>
        {markerTexts.map((text, i) => (
          <span key={i} className={`dg-marker dg-marker--${markers[i]!.kind}`} title={text}>
            <span aria-hidden="true">!</span>
            <span className="visually-hidden">{text}</span>
          </span>
        ))}
      </div>
      {columns.map((ref, column) => {
        const state = cellState(row, column);
        const descriptionId = `${idPrefix}-d${row}-${column}`;
        if (state.description) descriptions.push({ id: descriptionId, text: state.description });
        const text = cellText(rule, ref);
        return (
          <div
            key={`${ref.part}-${ref.index}`}
            role="gridcell"
            aria-colindex={column + 2}
            aria-selected={state.selected}
            aria-invalid={state.invalid || undefined}
            aria-describedby={describedBy(state.description ? descriptionId : undefined, matched ? matchedId : undefined)}
            tabIndex={state.selected && state.editing === null ? 0 : -1}
            data-cell={`${row}:${column}`}
            title={state.description}
            className={`dg-cell dg-cell--${ref.part}${ref.part === 'output' && ref.index === 0 ? ' dg-first-output' : ''}${state.warning ? ' dg-cell--warning' : ''}`}
            onMouseDown={() => state.editing === null && onSelect(column)}
            onDoubleClick={() => onEdit(column)}
          >
            {state.editing ? (
              <CellEditor
                label={t('grid.editCell', { column: columnName(t, table, column), rule: row + 1 })}
                value={state.editing.draft}
                invalid={state.editing.invalid}
                describedBy={statusId}
                onChange={onDraft}
                onBlur={onBlurEditor}
              />
            ) : (
              text
            )}
          </div>
        );
      })}
      {descriptions.length > 0 && (
        <div hidden>
          {descriptions.map((d) => (
            <span key={d.id} id={d.id}>
              {d.text}
            </span>
          ))}
        </div>
      )}
    </div>
  );
}

function markerText(t: TFunction<'decisionDesigner'>, marker: RowMarker): string {
  switch (marker.kind) {
    case 'overlap':
    case 'conflictingOverlap':
      return t(`analysis.marker.${marker.kind}`, { other: marker.other + 1 });
    case 'shadowed':
      return t('analysis.marker.shadowed', { by: marker.by.map((r) => r + 1).join(', ') });
    case 'neverMatches':
      return t('analysis.marker.neverMatches');
  }
}
