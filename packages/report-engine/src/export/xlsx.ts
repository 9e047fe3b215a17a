import type { Writable } from 'node:stream';
import { waitForDrain } from '@bankforge/data-model';
import ExcelJS from 'exceljs';
import type { ReportRow, ReportValue } from '../result/result-types.js';
import { exportCells, headerCells, type ExportOptions } from './export-options.js';

export interface XlsxOptions extends ExportOptions {
  sheetName?: string;
  /** Data rows per sheet before the next sheet starts; Excel's limit by default. */
  rowsPerSheet?: number;
}

/** Excel opens at most 1,048,576 rows per sheet; one is the header. */
export const XLSX_ROWS_PER_SHEET = 1_048_575;

/** A cell value exceljs writes as data: text stays text (never a formula), objects become JSON. */
function xlsxCell(value: ReportValue): string | number | boolean | null {
  if (value === null || typeof value !== 'object') return value;
  return JSON.stringify(value);
}

/**
 * Streams rows into an .xlsx written to `output` with exceljs's streaming WorkbookWriter: each
 * row is committed (flushed to the zip) as it comes, and the writer waits whenever the output
 * asks it to, so memory stays flat. Answers the number of data rows written.
 */
export async function writeXlsx(
  rows: AsyncIterable<ReportRow> | Iterable<ReportRow>,
  output: Writable,
  options: XlsxOptions,
): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: false,
    useSharedStrings: false,
  });
  const name = options.sheetName ?? 'Report';
  const perSheet = options.rowsPerSheet ?? XLSX_ROWS_PER_SHEET;
  let sheets = 0;
  const addSheet = (): ExcelJS.Worksheet => {
    sheets++;
    const added = workbook.addWorksheet(sheets === 1 ? name : `${name.slice(0, 25)} (${sheets})`);
    added.addRow(headerCells(options)).commit();
    return added;
  };
  let sheet = addSheet();
  let count = 0;
  for await (const row of rows) {
    if (count > 0 && count % perSheet === 0) {
      // A longer result goes on in a new sheet, which Excel can still open.
      sheet.commit();
      sheet = addSheet();
    }
    sheet.addRow(exportCells(row, options).map(xlsxCell)).commit();
    count++;
    // The zip stream keeps compressing into its own buffer when the output is slow: wait for it.
    if (count % 200 === 0 && output.writableNeedDrain) await waitForDrain(output);
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
