import { describe, expect, it } from 'vitest';
import type { ReportRow, ResultColumn } from '../result/result-types.js';
import { reportCsvChunks, type ReportCsvOptions } from './report-csv.js';

const COLUMNS: ResultColumn[] = [
  { key: 'name', label: 'Name, full', labelZh: '姓名，全称', role: 'dimension', type: 'text' },
  { key: 'amount', label: '金额', labelZh: '金额', role: 'measure', type: 'number' },
];

async function text(rows: Iterable<ReportRow>, extra: Partial<ReportCsvOptions> = {}): Promise<string> {
  let out = '';
  for await (const chunk of reportCsvChunks(rows, { columns: COLUMNS, ...extra })) out += chunk;
  return out;
}

describe("a report's CSV export", () => {
  it('writes a header of labels (or keys), masks per column, and a BOM when asked', async () => {
    const rows = [
      { name: '王小明', amount: 10 },
      { name: '=cmd', amount: null },
    ];
    expect(
      await text(rows, {
        mask: { name: (v) => (typeof v === 'string' ? `${v.slice(0, 1)}**` : v) },
        bom: true,
      }),
    ).toBe('\uFEFF"Name, full",金额\r\n王**,10\r\n\'=**,\r\n');
    expect(await text(rows, { header: 'key' })).toBe("name,amount\r\n王小明,10\r\n'=cmd,\r\n");
  });

  it("writes the header in the reader's language", async () => {
    expect(await text([{ name: '王小明', amount: 10 }], { language: 'zh-CN' })).toBe('姓名，全称,金额\r\n王小明,10\r\n');
    expect(await text([{ name: '王小明', amount: 10 }], { language: 'zh-CN', header: 'key' })).toBe('name,amount\r\n王小明,10\r\n');
  });

  it('yields chunks as rows arrive, never the whole result at once', async () => {
    let produced = 0;
    async function* rows(): AsyncGenerator<ReportRow> {
      for (let i = 0; i < 1000; i++) {
        produced++;
        yield { name: `n${i}`, amount: i };
      }
    }
    const seenAtChunk: number[] = [];
    for await (const _chunk of reportCsvChunks(rows(), { columns: COLUMNS, linesPerChunk: 100 }))
      seenAtChunk.push(produced);
    expect(seenAtChunk.slice(0, 3)).toEqual([100, 200, 300]);
  });
});
