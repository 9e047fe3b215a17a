import { csvChunks, type CsvOptions } from '@bankforge/data-model';
import type { ReportRow } from '../result/result-types.js';
import { exportCells, headerCells, type ExportOptions } from './export-options.js';

export interface ReportCsvOptions extends ExportOptions, Omit<CsvOptions, 'header'> {}

/**
 * A report's rows as CSV text chunks (the data model's CSV: RFC 4180, formula-safe cells): a header
 * of labels (or keys), then each row masked, in column order. Pulls one row at a time.
 */
export function reportCsvChunks(
  rows: AsyncIterable<ReportRow> | Iterable<ReportRow>,
  options: ReportCsvOptions,
): AsyncGenerator<string> {
  async function* cells(): AsyncGenerator<unknown[]> {
    for await (const row of rows) yield exportCells(row, options);
  }
  return csvChunks(cells(), { ...options, header: headerCells(options) });
}
