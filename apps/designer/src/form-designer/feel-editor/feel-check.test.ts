// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { checkFeel } from './feel-check.js';

const fields = new Set(['occupation', 'income', 'contacts']);

describe('checkFeel', () => {
  it('accepts an empty rule and a valid rule over known fields', () => {
    expect(checkFeel('  ', fields)).toEqual([]);
    expect(checkFeel('occupation = "employed" and income > 1000', fields)).toEqual([]);
    expect(checkFeel('some c in contacts satisfies c.phone != null', fields)).toEqual([]);
  });

  it('marks a syntax error where the parser found it', () => {
    const [problem, ...rest] = checkFeel('occupation =', fields);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ severity: 'error', kind: 'syntax', at: { line: 1, column: 13 }, line: 1, column: 12, endColumn: 13 });
    expect(problem!.message).toMatch(/end of expression/i);
  });

  it('spans an unterminated string and counts lines', () => {
    expect(checkFeel('income > 1\nand x = "abc', fields)[0]).toMatchObject({ kind: 'syntax', line: 2, column: 9 });
  });

  it('warns about every use of a name that is not a field', () => {
    const problems = checkFeel('ocupation = "employed" or ocupation = null', fields);
    expect(problems.map((p) => [p.severity, p.name, p.column, p.endColumn])).toEqual([
      ['warning', 'ocupation', 1, 10],
      ['warning', 'ocupation', 27, 36],
    ]);
  });

  it('does not take built-in functions or bound names for unknown names', () => {
    expect(checkFeel('string length(occupation) > 3 and count(for c in contacts return c) > 0', fields)).toEqual([]);
  });

  it('reads a declared name with spaces as one name; undeclared, it is no FEEL', () => {
    const names = new Set(['Applicant Age', 'Monthly Income']);
    const declared = { names: ['Applicant Age', 'Monthly Income'] };
    expect(checkFeel('Applicant Age >= 18 and Monthly Income > 1000', names, declared)).toEqual([]);
    expect(checkFeel('Applicant Age >= 18', names)[0]).toMatchObject({ severity: 'error', kind: 'syntax' });
    expect(checkFeel('Applicant Ages >= 18', names, declared)[0]?.severity).toBe('error');
  });
});
