import { describe, expect, it } from 'vitest';
import { csvLine } from './record-csv.js';

describe('CSV lines', () => {
  it('quotes separators, quotes and line breaks, and ends with CRLF', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'two\nlines', null, 3])).toBe('a,"b,c","say ""hi""","two\nlines",,3\r\n');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvLine(['=HYPERLINK("x")', '+1', '-2', '@SUM(A1)', 'ok'])).toBe(`"'=HYPERLINK(""x"")",'+1,'-2,'@SUM(A1),ok\r\n`);
  });

  it('writes money as amount and currency, multi-selects joined, structures as JSON', () => {
    expect(csvLine([{ amount: '10.50', currency: 'CNY' }, ['payroll', 'sme'], { a: 1 }, true])).toBe('10.50 CNY,payroll;sme,"{""a"":1}",true\r\n');
  });
});
