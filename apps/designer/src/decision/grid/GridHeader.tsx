import type { DecisionTable } from '@bankforge/rule-engine';
import { useTranslation } from 'react-i18next';
import type { ColumnIssue } from '../columns/column-check.js';
import { HEADER_ROW, type Cursor } from './cursor.js';
import { columnName } from './messages.js';
import type { ColumnRef } from './table-columns.js';

interface GridHeaderProps {
  table: DecisionTable;
  columns: readonly ColumnRef[];
  cursor: Cursor;
  issues: ReadonlyMap<number, readonly ColumnIssue[]>;
  serverProblems: ReadonlyMap<string, string>;
  onSelect(column: number): void;
  onOpenColumn(column: number): void;
}

/** The header row: each column's title, part and type; Enter (or the button) opens its properties. */
export function GridHeader({ table, columns, cursor, issues, serverProblems, onSelect, onOpenColumn }: GridHeaderProps) {
  const { t } = useTranslation('decisionDesigner');
  return (
    <div role="rowgroup" className="dg-head">
      <div role="row" aria-rowindex={1} className="dg-row dg-row--head">
        <div role="columnheader" aria-colindex={1} className="dg-rulehead">
          {t('grid.rule')}
        </div>
        {columns.map((ref, column) => {
          const title = columnName(t, table, column);
          const selected = cursor.row === HEADER_ROW && cursor.column === column;
          const invalid = (issues.get(column) ?? []).some((issue) => issue.problem.severity === 'error') || serverProblems.has(`${HEADER_ROW}:${column}`);
          const typeRef = ref.part === 'input' ? table.inputs[ref.index]?.typeRef : ref.part === 'output' ? table.outputs[ref.index]?.typeRef : undefined;
          return (
            <div
              key={`${ref.part}-${ref.index}`}
              role="columnheader"
              aria-colindex={column + 2}
              aria-label={t('grid.columnName', { title, part: t(`grid.part.${ref.part}`) })}
              aria-selected={selected}
              aria-invalid={invalid || undefined}
              tabIndex={selected ? 0 : -1}
              data-cell={`${HEADER_ROW}:${column}`}
              className={`dg-colhead dg-colhead--${ref.part}${ref.part === 'output' && ref.index === 0 ? ' dg-first-output' : ''}`}
              onMouseDown={() => onSelect(column)}
              onDoubleClick={() => onOpenColumn(column)}
            >
              <span className="dg-colhead__title">{title}</span>
              <span className="dg-colhead__meta">
                {t(`grid.part.${ref.part}`)}
                {typeRef ? ` · ${typeRef}` : ''}
              </span>
              <button type="button" tabIndex={-1} className="dg-colhead__button" aria-label={t('grid.columnProperties', { title })} onClick={() => onOpenColumn(column)}>
                ⋯
              </button>
            </div>
          );
        })}
      </div>
    </div>
  );
}
