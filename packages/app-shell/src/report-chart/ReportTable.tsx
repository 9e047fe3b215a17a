import type { ColumnPresentation } from '@bankforge/client';
import type { ReportRow, ResultColumn } from '@bankforge/report-engine';
import { isPicked, type ChartPick } from './chart-option.js';
import { columnLabel, formatReportValue, type ReportValue, type ValueWords } from './report-format.js';

export interface PickProps {
  onPick?(pick: ChartPick): void;
  selected?: ChartPick;
  /** The dimensions a pick may name; all when absent. */
  pickable?: readonly string[];
}

/** Whether a value of `dimension` is offered as a pick. */
export function offersPick({ onPick, pickable }: PickProps, dimension: string): boolean {
  return onPick !== undefined && (pickable === undefined || pickable.includes(dimension));
}

/** A dimension's value as a person reads it; a button that picks it when picking is offered. */
export function DimensionValue({
  dimension,
  value,
  text,
  onPick,
  selected,
  pickable,
}: { dimension: string; value: ReportValue; text: string } & PickProps) {
  if (!onPick || !offersPick({ onPick, pickable }, dimension)) return <>{text}</>;
  return (
    <button type="button" className="report-pick" aria-pressed={isPicked(selected, dimension, value)} onClick={() => onPick({ dimension, value })}>
      {text}
    </button>
  );
}

export interface ReportTableProps extends PickProps {
  columns: readonly ResultColumn[];
  rows: readonly ReportRow[];
  presentation: Readonly<Record<string, ColumnPresentation>> | undefined;
  words: ValueWords;
  caption: string;
}

/** A result's rows as a table: labels and formatted values, measures aligned right, dimension values picked by button. */
export function ReportTable({ columns, rows, presentation, words, caption, onPick, selected, pickable }: ReportTableProps) {
  return (
    <table className="report-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.key} scope="col" className={column.role === 'measure' ? 'report-measure' : undefined}>
              {columnLabel(column, words.language)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {columns.map((column) => {
              const value = row[column.key] ?? null;
              const text = formatReportValue(value, column, presentation?.[column.key], words);
              return column.role === 'measure' ? (
                <td key={column.key} className="report-measure">
                  {value === null ? '' : text}
                </td>
              ) : (
                <td key={column.key}>
                  <DimensionValue dimension={column.key} value={value} text={text} onPick={onPick} selected={selected} pickable={pickable} />
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
