import type { DecisionTable } from '@bankforge/rule-engine';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowMarker } from '../analysis/row-markers.js';
import { checkFeelText, type FeelScope } from './cell-check.js';
import { HEADER_ROW, moveCursor, tabCursor, type Cursor, type GridSize } from './cursor.js';
import { GridHeader } from './GridHeader.js';
import { GridRow, type CellState } from './GridRow.js';
import { editingCommand, navigationCommand, type EditCommand, type RuleCommand } from './keymap.js';
import { problemText } from './messages.js';
import { pasteBlock } from './paste.js';
import { cellText, columnAt, columnCount, gridColumns } from './table-columns.js';
import type { TableIssues } from './table-check.js';
import { clearCell, setCell } from './table-edits.js';
import { parseTsv, tsvCell } from './tsv.js';

/** Fixed heights keep the virtual rows' offsets exact without measuring each row. */
export const ROW_HEIGHT = 34;
export const HEADER_HEIGHT = 52;

export interface DecisionGridProps {
  table: DecisionTable;
  /** The grid's accessible name. */
  label: string;
  scope: FeelScope;
  cursor: Cursor;
  onCursorChange(cursor: Cursor): void;
  issues: TableIssues;
  /** Problems the server reported, by `row:column` (row -1: a column's header). */
  serverProblems: ReadonlyMap<string, string>;
  markers: ReadonlyMap<number, readonly RowMarker[]>;
  /** Indexes of the rules the Tests tab's last evaluation matched in this table (highlighted). */
  highlightedRules: readonly number[];
  onChange(change: (table: DecisionTable) => DecisionTable): void;
  onRuleCommand(command: RuleCommand): void;
  onOpenColumn(column: number): void;
  onAnnounce(message: string): void;
  /** Changed to move the focus into the grid, onto the cursor (the problems list showing a cell). */
  focusRequest: number;
  /** The context menu of the cursor's cell, opened by a right click or Shift+F10 / the Menu key, at this place in the window. */
  onOpenMenu(at: { x: number; y: number }): void;
}

interface Editing {
  row: number;
  column: number;
  draft: string;
}

export const cellKey = (row: number, column: number) => `${row}:${column}`;

/**
 * The decision table as an ARIA grid: a header row of columns and one row per rule, only the rows
 * in view (and the cursor's) rendered. The cursor cell holds the focus (a roving tab stop); keys
 * move it, edit cells and act on rules; a block pasted from a spreadsheet fills cells from it.
 */
export function DecisionGrid(props: DecisionGridProps) {
  const { table, cursor, onCursorChange, onChange, issues, scope, focusRequest } = props;
  const { t } = useTranslation('decisionDesigner');
  const id = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  // Set when an edit ends by a key or Escape: the blur that follows must not commit it again.
  const editClosed = useRef(false);
  const focusPending = useRef(false);
  const size: GridSize = { rules: table.rules.length, columns: columnCount(table) };
  const columns = useMemo(() => gridColumns(table), [table]);

  const cursorRow = cursor.row;
  // The cursor's row is always rendered, so the focused cell never unmounts while it scrolls away.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const rows = defaultRangeExtractor(range);
      return cursorRow >= 0 && cursorRow < range.count && !rows.includes(cursorRow) ? [...rows, cursorRow].sort((a, b) => a - b) : rows;
    },
    [cursorRow],
  );
  // The designer is not built with the React Compiler: the grid re-renders whenever the virtualizer's range changes.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: table.rules.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    rangeExtractor,
  });

  useEffect(() => {
    if (cursorRow >= 0 && cursorRow < table.rules.length) virtualizer.scrollToIndex(cursorRow, { align: 'auto' });
  }, [cursorRow, table.rules.length, virtualizer]);

  // After a key moved the cursor (or the problems list asked), the cursor cell takes the focus.
  const focusRequested = useRef(focusRequest);
  useLayoutEffect(() => {
    if (focusRequested.current !== focusRequest) {
      focusRequested.current = focusRequest;
      focusPending.current = true;
    }
    if (!focusPending.current || editing !== null) return;
    const cell = scrollRef.current?.querySelector<HTMLElement>(`[data-cell="${cellKey(cursor.row, cursor.column)}"]`);
    if (cell) {
      focusPending.current = false;
      cell.focus();
    }
  });

  const go = (next: Cursor) => {
    focusPending.current = true;
    onCursorChange(next);
  };

  const startEditing = (row: number, column: number, draft?: string) => {
    const ref = columnAt(table, column);
    const rule = table.rules[row];
    if (ref === undefined || rule === undefined) return;
    editClosed.current = false;
    setEditing({ row, column, draft: draft ?? cellText(rule, ref) });
  };

  const endEditing = (command: EditCommand | { kind: 'blur' }) => {
    if (editing === null || editClosed.current) return;
    editClosed.current = true;
    const ref = columnAt(table, editing.column);
    if (command.kind !== 'cancel' && ref !== undefined) onChange((current) => setCell(current, editing.row, ref, editing.draft));
    setEditing(null);
    if (command.kind === 'blur') return;
    focusPending.current = true;
    if (command.kind === 'commit') {
      const at = { row: editing.row, column: editing.column };
      const next =
        command.then === 'stay' ? at
        : command.then === 'down' ? moveCursor(at, size, 'down')
        : command.then === 'up' ? moveCursor(at, size, 'up')
        : (tabCursor(at, size, command.then === 'previous') ?? at);
      onCursorChange(next);
    }
  };

  const onGridKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    if (editing !== null) {
      const command = editingCommand(event);
      if (command === null) return;
      // Ctrl+S goes on to the page's save, which then has the text.
      if (command.kind !== 'commit' || command.then !== 'stay') event.preventDefault();
      endEditing(command);
      return;
    }
    const command = navigationCommand(event);
    if (command === null) return;
    const onHeader = cursor.row === HEADER_ROW;
    switch (command.kind) {
      case 'move':
        go(moveCursor(cursor, size, command.move));
        break;
      case 'tab': {
        const next = tabCursor(cursor, size, command.backwards);
        // Past the first or last cell Tab leaves the grid, as it leaves any control.
        if (next === null) return;
        go(next);
        break;
      }
      case 'edit':
        if (onHeader) props.onOpenColumn(cursor.column);
        else startEditing(cursor.row, cursor.column);
        break;
      case 'type':
        if (onHeader) return;
        startEditing(cursor.row, cursor.column, command.text);
        break;
      case 'clear': {
        const ref = columnAt(table, cursor.column);
        if (onHeader || ref === undefined) return;
        onChange((current) => clearCell(current, cursor.row, ref));
        break;
      }
      case 'rule':
        focusPending.current = true;
        props.onRuleCommand(command.command);
        break;
      case 'menu': {
        const cell = scrollRef.current?.querySelector<HTMLElement>(`[data-cell="${cellKey(cursor.row, cursor.column)}"]`);
        const box = cell?.getBoundingClientRect();
        props.onOpenMenu(box ? { x: box.left + 8, y: box.bottom } : { x: 0, y: 0 });
        break;
      }
    }
    event.preventDefault();
  };

  // A right click selects the cell under the pointer and opens its menu there.
  const onContextMenu = (event: MouseEvent) => {
    if (editing !== null) return;
    const place = (event.target as Element).closest<HTMLElement>('[data-cell]')?.dataset.cell;
    if (place === undefined) return;
    event.preventDefault();
    const [row, column] = place.split(':').map(Number) as [number, number];
    onCursorChange({ row, column });
    props.onOpenMenu({ x: event.clientX, y: event.clientY });
  };

  const onPaste = (event: ClipboardEvent) => {
    if (editing !== null) return;
    const block = parseTsv(event.clipboardData.getData('text/plain'));
    if (block.length === 0) return;
    event.preventDefault();
    const at = { rule: Math.max(cursor.row, 0), column: cursor.column };
    const measured = pasteBlock(table, at.rule, at.column, block);
    if (measured.columns === 0) return;
    onChange((current) => pasteBlock(current, at.rule, at.column, block).table);
    const text = t('grid.pasted', { count: measured.rules, columns: measured.columns });
    props.onAnnounce(measured.added > 0 ? t('grid.pastedAdded', { text, count: measured.added }) : `${text}.`);
  };

  const onCopy = (event: ClipboardEvent) => {
    const ref = columnAt(table, cursor.column);
    const rule = table.rules[cursor.row];
    if (editing !== null || ref === undefined || rule === undefined) return;
    event.preventDefault();
    event.clipboardData.setData('text/plain', tsvCell(cellText(rule, ref)));
  };

  const highlighted = useMemo(() => new Set(props.highlightedRules), [props.highlightedRules]);
  const cellProblems = useMemo(() => new Map(issues.cells.map((issue) => [cellKey(issue.row, issue.column), issue.problem])), [issues]);
  const draftProblem = editing === null ? null : draftCheck(table, editing, scope);
  const statusProblem = draftProblem ?? (editing === null ? (cellProblems.get(cellKey(cursor.row, cursor.column)) ?? null) : null);
  const statusId = `${id}-status`;
  const status = statusProblem !== null ? problemText(t, statusProblem) : editing === null ? (props.serverProblems.get(cellKey(cursor.row, cursor.column)) ?? '') : '';

  const cellState = (row: number, column: number): CellState => {
    const problem = cellProblems.get(cellKey(row, column)) ?? null;
    const server = props.serverProblems.get(cellKey(row, column));
    return {
      selected: cursor.row === row && cursor.column === column,
      editing: editing !== null && editing.row === row && editing.column === column ? { draft: editing.draft, invalid: draftProblem?.severity === 'error' } : null,
      invalid: problem?.severity === 'error' || server !== undefined,
      warning: problem?.severity === 'warning',
      description: problem !== null ? problemText(t, problem) : server,
    };
  };

  const template = ['var(--dg-rule-width)', ...columns.map((ref) => (ref.part === 'annotation' ? 'var(--dg-note-width)' : 'var(--dg-cell-width)'))].join(' ');
  return (
    <div className="dg-frame">
      {/* Above the grid, so the problem of the text being typed shows beside it. */}
      <p id={statusId} role="status" aria-live="polite" className={`dg-status${statusProblem?.severity === 'error' ? ' error-text' : ''}`}>
        {status}
      </p>
      <div
        ref={scrollRef}
        role="grid"
        aria-label={props.label}
        aria-rowcount={table.rules.length + 1}
        aria-colcount={columns.length + 1}
        aria-describedby={`${id}-help`}
        className="dg"
        style={{ ['--dg-columns' as string]: template }}
        onKeyDown={onGridKeyDown}
        onPaste={onPaste}
        onCopy={onCopy}
        onContextMenu={onContextMenu}
      >
        <GridHeader
          table={table}
          columns={columns}
          cursor={cursor}
          issues={issues.columns}
          serverProblems={props.serverProblems}
          onSelect={(column) => onCursorChange({ row: HEADER_ROW, column })}
          onOpenColumn={props.onOpenColumn}
        />
        <div role="rowgroup" className="dg-body" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => (
            <GridRow
              key={item.index}
              table={table}
              columns={columns}
              row={item.index}
              top={item.start - HEADER_HEIGHT}
              markers={props.markers.get(item.index) ?? []}
              matched={highlighted.has(item.index)}
              cellState={cellState}
              idPrefix={id}
              statusId={statusId}
              onSelect={(column) => onCursorChange({ row: item.index, column })}
              onEdit={(column) => {
                onCursorChange({ row: item.index, column });
                startEditing(item.index, column);
              }}
              onDraft={(draft) => setEditing((current) => (current === null ? null : { ...current, draft }))}
              onBlurEditor={() => endEditing({ kind: 'blur' })}
            />
          ))}
        </div>
      </div>
      {table.rules.length === 0 && <p className="empty-state">{t('grid.empty')}</p>}
      <p id={`${id}-help`} className="help">
        {t('grid.help')} {t('gridMenu.help')}
      </p>
    </div>
  );
}

/** The problem of the text being typed (annotations are free text). */
function draftCheck(table: DecisionTable, editing: Editing, scope: FeelScope) {
  const ref = columnAt(table, editing.column);
  if (ref === undefined || ref.part === 'annotation') return null;
  return checkFeelText(editing.draft, ref.part === 'input' ? 'unaryTests' : 'expression', scope);
}
