import type { ColumnPresentation } from '@bankforge/client';
import type { ChartData, ResultColumn } from '@bankforge/report-engine';
import { columnLabel, formatReportValue, type ReportValue, type ValueWords } from './report-format.js';
import { DimensionValue, type PickProps } from './ReportTable.js';

type PivotTable = Extract<ChartData, { type: 'pivot' }>['pivot'];

export interface PivotViewProps extends PickProps {
  pivot: PivotTable;
  columns: readonly ResultColumn[];
  presentation: Readonly<Record<string, ColumnPresentation>> | undefined;
  words: ValueWords;
  caption: string;
}

/** A cross table: row dimensions down the side (picked by button), column-dimension values across, each with its measures. */
export function PivotView({ pivot, columns, presentation, words, caption, onPick, selected, pickable }: PivotViewProps) {
  const column = (key: string): ResultColumn => columns.find((c) => c.key === key) ?? { key, label: key, labelZh: key, role: 'dimension', type: 'text' };
  const header = (key: string): string => columnLabel(column(key), words.language);
  const text = (key: string, value: ReportValue) => formatReportValue(value, column(key), presentation?.[key], words);
  const tupleText = (keys: readonly string[], tuple: readonly ReportValue[]) =>
    keys.map((key, i) => text(key, tuple[i] ?? null)).join(' / ');
  const measureRow = pivot.values.length > 1 || pivot.columnKeys.length === 0;
  return (
    <table className="report-table report-pivot">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        {pivot.columnKeys.length > 0 && (
          <tr>
            {pivot.rowKeys.map((key) => (
              <th key={key} scope="col" rowSpan={measureRow ? 2 : 1}>
                {header(key)}
              </th>
            ))}
            {pivot.columns.map((c, i) => (
              <th key={i} scope="colgroup" colSpan={pivot.values.length}>
                {tupleText(pivot.columnKeys, c.key)}
              </th>
            ))}
          </tr>
        )}
        {measureRow && (
          <tr>
            {pivot.columnKeys.length === 0 &&
              pivot.rowKeys.map((key) => (
                <th key={key} scope="col">
                  {header(key)}
                </th>
              ))}
            {pivot.columns.flatMap((_, i) =>
              pivot.values.map((value) => (
                <th key={`${i}:${value}`} scope="col" className="report-measure">
                  {header(value)}
                </th>
              )),
            )}
          </tr>
        )}
      </thead>
      <tbody>
        {pivot.rows.map((row, r) => (
          <tr key={r}>
            {pivot.rowKeys.map((key, k) => (
              <th key={key} scope="row">
                <DimensionValue dimension={key} value={row.key[k] ?? null} text={text(key, row.key[k] ?? null)} onPick={onPick} selected={selected} pickable={pickable} />
              </th>
            ))}
            {row.cells.flatMap((cell, c) =>
              pivot.values.map((value) => {
                const v = cell?.[value] ?? null;
                return (
                  <td key={`${c}:${value}`} className="report-measure">
                    {v === null ? '' : text(value, v)}
                  </td>
                );
              }),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
