import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { ImportFormat } from '@bankforge/client';
import { ProblemError } from '../../platform/problem/problem-error.js';
import type { CellValue } from './import-cells.js';

/** Uploads larger than this are refused while they arrive (`BANKFORGE_IMPORT_MAX_BYTES`, 1 GiB by default). */
export function maxImportBytes(env: NodeJS.ProcessEnv = process.env): number {
  const configured = Number(env.BANKFORGE_IMPORT_MAX_BYTES);
  return Number.isSafeInteger(configured) && configured > 0 ? configured : 1024 ** 3;
}

/** A data row of the file: its number in the file (the header is row 1), its cells, and for CSV the byte just after it. */
export interface SourceRow {
  number: number;
  cells: CellValue[];
  byteEnd: number;
}

/** Where a run resumes: the data rows already done and, for CSV, the byte after the last of them (0: from the start). */
export interface ReadFrom {
  rows: number;
  byte: number;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The format an upload declares by its content type or, for a generic type, its file name. */
export function uploadFormat(contentType: string | undefined, fileName: string): ImportFormat | undefined {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/csv') return 'csv';
  if (type === XLSX_TYPE) return 'xlsx';
  if (type === 'application/octet-stream' || type === '') {
    if (/\.csv$/i.test(fileName)) return 'csv';
    if (/\.xlsx$/i.test(fileName)) return 'xlsx';
  }
  return undefined;
}

/** The directory jobs' files are kept in, under DATA_DIR. */
export function importDirectory(dataDir: string): string {
  return join(dataDir, 'imports');
}

/** Streams a request body to the file, refusing (413) past `maxBytes` and removing what was written; answers the size. */
export async function receiveFile(body: Readable, path: string, maxBytes: number): Promise<number> {
  await mkdir(join(path, '..'), { recursive: true });
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) done(new ProblemError(413, 'importTooLarge', `An import file may hold at most ${maxBytes} bytes.`));
      else done(null, chunk);
    },
  });
  try {
    await pipeline(body, limit, createWriteStream(path, { flags: 'wx' }));
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  if (size === 0) {
    await rm(path, { force: true });
    throw ProblemError.invalid('The import file is empty.', [{ path: '/', code: 'emptyFile', message: 'the file has no rows', messageZh: '文件没有任何行' }], 'importFileInvalid');
  }
  return size;
}

function damaged(format: ImportFormat, error: unknown): ProblemError {
  const reason = error instanceof Error ? error.message.slice(0, 200) : 'unreadable';
  return ProblemError.invalid(`The file cannot be read as ${format.toUpperCase()}: ${reason}`, [
    { path: '/', code: 'unreadableFile', message: `the file is not valid ${format.toUpperCase()}`, messageZh: `文件不是有效的 ${format.toUpperCase()} 文件` },
  ], 'importFileInvalid');
}

/** The text of an XLSX cell's value: rich text joined, a formula's result, a hyperlink's text. */
function xlsxCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((part) => part.text).join('');
    if ('result' in v) return xlsxCell(v.result);
    if (typeof v.text === 'string') return v.text;
    if (v.error !== undefined) return null;
  }
  return String(value as string);
}

function csvRecords(path: string, start: number): AsyncIterable<{ record: string[]; info: { bytes: number } }> {
  return createReadStream(path, { start }).pipe(parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, max_record_size: 1024 * 1024 }));
}

/** The first worksheet's rows, a row at a time (shared strings are cached: one copy of each distinct text). */
async function* xlsxRows(path: string): AsyncGenerator<CellValue[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'emit' });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = (row as ExcelJS.Row).values as unknown[];
      const cells: CellValue[] = [];
      for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
      yield cells;
    }
    return;
  }
}

/** The header row's cells as text. */
export async function readHeader(path: string, format: ImportFormat): Promise<string[]> {
  try {
    const rows = format === 'csv' ? csvRecords(path, 0) : xlsxRows(path);
    for await (const row of rows) {
      const cells: CellValue[] = Array.isArray(row) ? row : (row as { record: string[] }).record;
      return cells.map((cell) => (cell === null ? '' : cell instanceof Date ? cell.toISOString() : String(cell).trim()));
    }
  } catch (error) {
    throw damaged(format, error);
  }
  throw ProblemError.invalid('The import file has no header row.', [{ path: '/', code: 'emptyFile', message: 'the file has no rows', messageZh: '文件没有任何行' }], 'importFileInvalid');
}

/**
 * The data rows after `from`, one at a time: CSV is read from the byte the checkpoint names, so a
 * resumed run neither reads nor holds what it already did; XLSX (a zip) is read again and skipped.
 */
export async function* readRows(path: string, format: ImportFormat, from: ReadFrom): AsyncGenerator<SourceRow> {
  let number = from.rows + 1;
  try {
    if (format === 'csv') {
      let skipHeader = from.byte === 0;
      for await (const { record, info } of csvRecords(path, from.byte)) {
        if (skipHeader) {
          skipHeader = false;
          continue;
        }
        yield { number: ++number, cells: record, byteEnd: from.byte + info.bytes };
      }
      return;
    }
    let header = true;
    let seen = 0;
    for await (const cells of xlsxRows(path)) {
      if (header) {
        header = false;
        continue;
      }
      if (cells.every((cell) => cell === null || cell === '')) continue;
      if (++seen <= from.rows) continue; // done before the restart
      yield { number: ++number, cells, byteEnd: 0 };
    }
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    throw damaged(format, error);
  }
}
