import { describe, expect, it } from 'vitest';
import type { ReportRow, ResultColumn } from '../result/result-types.js';
import { csvCell, csvChunks } from './csv.js';

const COLUMNS: ResultColumn[] = [
  { key: 'name', label: 'Name, full', role: 'dimension', type: 'text' },
  { key: 'amount', label: '金额', role: 'measure', type: 'number' },
];

async function text(
  rows: Iterable<ReportRow>,
  extra: Partial<Parameters<typeof csvChunks>[1]> = {},
): Promise<string> {
  let out = '';
  for await (const chunk of csvChunks(rows, { columns: COLUMNS, ...extra })) out += chunk;
  return out;
}

describe('CSV export', () => {
  it('quotes per RFC 4180', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(undefined)).toBe('');
  });

  it('writes money as amount and currency, a list of options joined, other structures as JSON', () => {
    expect(csvCell(['payroll', 'sme'])).toBe('payroll;sme');
    expect(csvCell({ amount: '10.50', currency: 'CNY' })).toBe('10.50 CNY');
    expect(csvCell({ amount: '-3.00', currency: 'CNY' })).toBe("'-3.00 CNY");
    expect(csvCell(['=cmd', 'x'])).toBe("'=cmd;x");
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });

  it.each(['=HYPERLINK("http://x")', '+1 call', '-5 days', '@SUM(A1)', '\tcmd', '\rcmd'])(
    'neutralises a formula: %j',
    (value) => {
      expect(csvCell(value).replace(/^"/, '').startsWith("'")).toBe(true);
    },
  );

  it('leaves numbers alone, negative ones included', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(1234.5)).toBe('1234.5');
  });

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

  it('yields chunks as rows arrive, never the whole result at once', async () => {
    let produced = 0;
    async function* rows(): AsyncGenerator<ReportRow> {
      for (let i = 0; i < 1000; i++) {
        produced++;
        yield { name: `n${i}`, amount: i };
      }
    }
    const seenAtChunk: number[] = [];
    let lines = 0;
    for await (const chunk of csvChunks(rows(), { columns: COLUMNS, linesPerChunk: 100 })) {
      seenAtChunk.push(produced);
      lines += chunk.split('\r\n').length - 1;
    }
    expect(lines).toBe(1001);
    expect(seenAtChunk.slice(0, 3)).toEqual([100, 200, 300]);
  });
});
