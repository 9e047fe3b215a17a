import type { ReportRow, ReportValue, ResultColumn } from '../result/result-types.js';

/** Replaces a column's value before it leaves the server (e.g. `王**`, `tail 1234`). */
export type MaskFunction = (value: ReportValue, row: Readonly<ReportRow>) => ReportValue;

export interface ExportOptions {
  columns: readonly ResultColumn[];
  /** Per column key; columns without one go out as they are. */
  mask?: Readonly<Partial<Record<string, MaskFunction>>>;
  /** The header row shows labels (default) or keys. */
  header?: 'label' | 'key';
  /** The language of the header's labels (the reader's); English by default. */
  language?: 'en' | 'zh-CN';
}

/** The cells of a row in column order, masked. */
export function exportCells(row: Readonly<ReportRow>, options: ExportOptions): ReportValue[] {
  return options.columns.map((c) => {
    const value = row[c.key] ?? null;
    const mask = options.mask?.[c.key];
    return mask ? mask(value, row) : value;
  });
}

export function headerCells(options: ExportOptions): string[] {
  if (options.header === 'key') return options.columns.map((c) => c.key);
  return options.columns.map((c) => (options.language === 'zh-CN' ? c.labelZh : c.label));
}
