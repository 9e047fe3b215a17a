import type { ReportRow, ReportValue } from '../result/result-types.js';
import { exportCells, headerCells, type ExportOptions } from './export-options.js';

export interface CsvOptions extends ExportOptions {
  /** A UTF-8 byte order mark first, so that spreadsheet programs read Chinese text right. */
  bom?: boolean;
  /** Lines per yielded chunk: fewer, larger writes without holding more than one chunk. */
  linesPerChunk?: number;
}

/** Text a spreadsheet would run as a formula (CSV injection); OWASP lists tab and CR too. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell (RFC 4180 quoting); text that would start a formula is prefixed with '. */
export function csvCell(value: ReportValue): string {
  if (value === null) return '';
  let text: string;
  if (typeof value === 'string') text = FORMULA_START.test(value) ? `'${value}` : value;
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly ReportValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * Streams rows as CSV text chunks, one chunk at a time: a consumer that awaits each write keeps
 * memory flat however many rows come. Header labels are cells too, so they are protected alike.
 */
export async function* csvChunks(
  rows: AsyncIterable<ReportRow> | Iterable<ReportRow>,
  options: CsvOptions,
): AsyncGenerator<string> {
  const perChunk = options.linesPerChunk ?? 500;
  let chunk = (options.bom ? '\uFEFF' : '') + csvLine(headerCells(options));
  let lines = 0;
  for await (const row of rows) {
    chunk += csvLine(exportCells(row, options));
    if (++lines >= perChunk) {
      yield chunk;
      chunk = '';
      lines = 0;
    }
  }
  if (chunk.length > 0) yield chunk;
}
