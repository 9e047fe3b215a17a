import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ResultColumn } from '../result/result-types.js';
import { writeXlsx } from './xlsx.js';

const COLUMNS: ResultColumn[] = [
  { key: 'name', label: 'Name', labelZh: '姓名', role: 'dimension', type: 'text' },
  { key: 'amount', label: 'Amount', labelZh: '金额', role: 'measure', type: 'number' },
  { key: 'vip', label: 'VIP', labelZh: '贵宾', role: 'dimension', type: 'boolean' },
];

describe('XLSX export', () => {
  it('streams a workbook whose cells are data, masked per column', async () => {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (c: Buffer) => chunks.push(c));
    async function* rows(): AsyncGenerator<Record<string, string | number | boolean | null>> {
      yield { name: '=SUM(A1:A9)', amount: 12.5, vip: true };
      yield { name: '李娜', amount: null, vip: false };
    }
    const count = await writeXlsx(rows(), output, {
      columns: COLUMNS,
      mask: { name: (v) => (v === '李娜' ? '李*' : v) },
      sheetName: 'Loans',
    });
    expect(count).toBe(2);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Loans')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Name', 'Amount', 'VIP']);
    // A formula-looking text is a text cell, not a formula.
    expect(sheet.getCell('A2').value).toBe('=SUM(A1:A9)');
    expect(sheet.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B2').value).toBe(12.5);
    expect(sheet.getCell('C2').value).toBe(true);
    expect(sheet.getCell('A3').value).toBe('李*');
    expect(sheet.getCell('B3').value).toBeNull();
  });

  it('goes on in a new sheet when a sheet is full', async () => {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (c: Buffer) => chunks.push(c));
    const rows = Array.from({ length: 5 }, (_, i) => ({ name: `n${i}`, amount: i, vip: false }));
    expect(await writeXlsx(rows, output, { columns: COLUMNS, rowsPerSheet: 2 })).toBe(5);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => [w.name, w.rowCount])).toEqual([
      ['Report', 3],
      ['Report (2)', 3],
      ['Report (3)', 2],
    ]);
    expect(workbook.getWorksheet('Report (3)')!.getCell('A2').value).toBe('n4');
  });

  it("writes the header in the reader's language", async () => {
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on('data', (c: Buffer) => chunks.push(c));
    await writeXlsx([{ name: '李娜', amount: 1, vip: true }], output, { columns: COLUMNS, language: 'zh-CN' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Report')!.getRow(1).values).toEqual([undefined, '姓名', '金额', '贵宾']);
  });
});
