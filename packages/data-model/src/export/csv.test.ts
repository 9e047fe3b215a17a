import { describe, expect, it } from 'vitest';
import { csvCell, csvChunks, csvLine } from './csv.js';

async function text(rows: Iterable<readonly unknown[]>, bom = false): Promise<string> {
  let out = '';
  for await (const chunk of csvChunks(rows, { header: ['Name, full', '金额'], bom })) out += chunk;
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

  it('writes the header, protected like any cell, then a line per row, and a BOM when asked', async () => {
    const rows = [
      ['王小明', 10],
      ['=cmd', null],
    ];
    expect(await text(rows, true)).toBe('\uFEFF"Name, full",金额\r\n王小明,10\r\n\'=cmd,\r\n');
    expect(await text([])).toBe('"Name, full",金额\r\n');
    expect(csvLine(['@head', 'a"b'])).toBe('\'@head,"a""b"\r\n');
  });

  it('yields chunks as rows arrive, never the whole result at once', async () => {
    let produced = 0;
    async function* rows(): AsyncGenerator<unknown[]> {
      for (let i = 0; i < 1000; i++) {
        produced++;
        yield [`n${i}`, i];
      }
    }
    const seenAtChunk: number[] = [];
    let lines = 0;
    for await (const chunk of csvChunks(rows(), { header: ['name', 'amount'], linesPerChunk: 100 })) {
      seenAtChunk.push(produced);
      lines += chunk.split('\r\n').length - 1;
    }
    expect(lines).toBe(1001);
    expect(seenAtChunk.slice(0, 3)).toEqual([100, 200, 300]);
  });
});
