export interface CsvOptions {
  /** The first line: column labels (or keys). They are cells too, so they are protected alike. */
  header: readonly unknown[];
  /** A UTF-8 byte order mark first, so that spreadsheet programs read Chinese text right. */
  bom?: boolean;
  /** Lines per yielded chunk: fewer, larger writes without holding more than one chunk. */
  linesPerChunk?: number;
}

/** Text a spreadsheet would run as a formula (CSV injection); OWASP lists tab and CR too. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A value as a person reads it in a cell: money as amount and currency, a list of options joined, other structures as JSON. */
function cellText(value: unknown): string {
  if (typeof value !== 'object' || value === null) return String(value);
  if (Array.isArray(value)) return value.map((item) => cellText(item)).join(';');
  if ('amount' in value && 'currency' in value) return `${String(value.amount)} ${String(value.currency)}`;
  return JSON.stringify(value);
}

/**
 * One CSV cell (RFC 4180 quoting), for every export: records and reports. Text that would start a
 * formula is prefixed with ' (numbers and booleans are data, never formulas, so -5 stays -5).
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = cellText(value);
  if (
    typeof value !== 'number' &&
    typeof value !== 'boolean' &&
    typeof value !== 'bigint' &&
    FORMULA_START.test(text)
  )
    text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly unknown[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * Streams rows of cells as CSV text chunks, one chunk at a time: a consumer that awaits each write
 * keeps memory flat however many rows come.
 */
export async function* csvChunks(
  rows: AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>,
  options: CsvOptions,
): AsyncGenerator<string> {
  const perChunk = options.linesPerChunk ?? 500;
  let chunk = (options.bom ? '\uFEFF' : '') + csvLine(options.header);
  let lines = 0;
  for await (const row of rows) {
    chunk += csvLine(row);
    if (++lines >= perChunk) {
      yield chunk;
      chunk = '';
      lines = 0;
    }
  }
  if (chunk.length > 0) yield chunk;
}
