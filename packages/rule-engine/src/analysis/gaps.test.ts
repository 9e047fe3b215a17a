import { describe, expect, it } from 'vitest';
import { analyzeDecisionTable } from './analyze.js';
import { table } from './test-tables.js';

function gaps(...args: Parameters<typeof table>): string[][] {
  const analysis = analyzeDecisionTable(table(...args));
  expect(analysis.skipped).toEqual([]);
  return analysis.gaps.map((g) => g.inputEntries);
}

describe('gaps: numbers', () => {
  it('finds none between adjacent bounds (`< 5` then `>= 5`)', () => {
    expect(
      gaps(
        'U',
        ['x'],
        [
          ['< 5', '1'],
          ['>= 5', '2'],
        ],
      ),
    ).toEqual([]);
  });

  it('finds the single value two open bounds leave (`< 5` and `> 5`)', () => {
    const analysis = analyzeDecisionTable(
      table(
        'U',
        ['x'],
        [
          ['< 5', '1'],
          ['> 5', '2'],
        ],
      ),
    );
    expect(analysis.gaps).toEqual([{ code: 'gap', inputEntries: ['5'], text: 'x: 5' }]);
  });

  it('respects open and closed range ends, merging the pieces of one gap', () => {
    expect(
      gaps(
        'U',
        ['x'],
        [
          ['[0..10)', '1'],
          ['(10..20]', '2'],
        ],
      ),
    ).toEqual([['< 0, 10, > 20']]);
    expect(
      gaps(
        'U',
        ['x'],
        [
          ['(0..10]', '1'],
          ['[10..20)', '2'],
          ['>= 20', '3'],
          ['< 0', '4'],
        ],
      ),
    ).toEqual([['0']]);
  });

  it('gives a gap as a readable box over two columns', () => {
    const analysis = analyzeDecisionTable(
      table(
        'U',
        ['credit_score', 'amount'],
        [
          ['< 600', '-', '"decline"'],
          ['[600..650)', '<= 5000000', '"review"'],
          ['>= 650', '-', '"approve"'],
        ],
      ),
    );
    expect(analysis.gaps).toEqual([
      {
        code: 'gap',
        inputEntries: ['[600..650)', '> 5000000'],
        text: 'credit_score: [600..650), amount: > 5000000',
      },
    ]);
  });

  it('reads decimals and negative numbers exactly', () => {
    expect(
      gaps(
        'U',
        ['x'],
        [
          ['< -0.5', '1'],
          ['[-0.5..0.30000000000000000001)', '2'],
          ['> 0.3', '3'],
        ],
      ),
    ).toEqual([]);
    expect(
      gaps(
        'U',
        ['x'],
        [
          ['< -0.5', '1'],
          ['[-0.5..0.3)', '2'],
          ['> 0.3', '3'],
        ],
      ),
    ).toEqual([['0.3']]);
  });

  it('bounds the domain by the input values', () => {
    const score = { expression: 'score', typeRef: 'number', inputValues: '[0..100]' };
    expect(
      gaps(
        'U',
        [score],
        [
          ['[0..50)', '1'],
          ['[50..100]', '2'],
        ],
      ),
    ).toEqual([]);
    expect(
      gaps(
        'U',
        [score],
        [
          ['[0..50)', '1'],
          ['> 50', '2'],
        ],
      ),
    ).toEqual([['50']]);
  });

  it('reports an empty table as one gap over everything', () => {
    expect(analyzeDecisionTable(table('F', ['x', 'y'], [])).gaps).toEqual([
      { code: 'gap', inputEntries: ['-', '-'], text: 'x: -, y: -' },
    ]);
  });

  it('finds no gap when a rule is all `-`, whatever the others say', () => {
    expect(
      gaps(
        'F',
        ['x', 'y'],
        [
          ['< 1', '> 3', '1'],
          ['-', '-', '2'],
        ],
      ),
    ).toEqual([]);
  });
});

describe('gaps: dates and date-times', () => {
  const applied = { expression: 'applied', typeRef: 'date' };

  it('knows there is no day between two consecutive days', () => {
    expect(
      gaps(
        'U',
        [applied],
        [
          ['<= date("2024-06-30")', '1'],
          ['>= date("2024-07-01")', '2'],
        ],
      ),
    ).toEqual([]);
    expect(
      gaps(
        'U',
        [applied],
        [
          ['<= date("2024-06-30")', '1'],
          ['> date("2024-07-01")', '2'],
        ],
      ),
    ).toEqual([['date("2024-07-01")']]);
  });

  it('joins consecutive days of a gap into one range', () => {
    expect(
      gaps(
        'U',
        [applied],
        [
          ['< date("2024-01-01")', '1'],
          ['> date("2024-01-03")', '2'],
        ],
      ),
    ).toEqual([['[date("2024-01-01")..date("2024-01-03")]']]);
  });

  it('finds the instant two open date-time bounds leave', () => {
    const at = { expression: 'at', typeRef: 'date and time' };
    expect(
      gaps(
        'U',
        [at],
        [
          ['< date and time("2024-01-01T00:00:00")', '1'],
          ['> @"2024-01-01T00:00:00"', '2'],
        ],
      ),
    ).toEqual([['date and time("2024-01-01T00:00:00")']]);
  });
});

describe('gaps: strings, enumerations and booleans', () => {
  it('enumerates the allowed values when the input declares them', () => {
    const region = { expression: 'region', typeRef: 'string', inputValues: '"north","south","east"' };
    expect(
      gaps(
        'U',
        [region],
        [
          ['"north"', '1'],
          ['"south"', '2'],
        ],
      ),
    ).toEqual([['"east"']]);
    expect(
      gaps(
        'U',
        [region],
        [
          ['not("east")', '1'],
          ['"east"', '2'],
        ],
      ),
    ).toEqual([]);
  });

  it('takes the allowed values of the item definition the input is typed by', () => {
    const analysis = analyzeDecisionTable(
      table(
        'U',
        [{ expression: 'risk', typeRef: 'tRisk' }],
        [
          ['"Low"', '1'],
          ['"Medium"', '2'],
        ],
      ),
      { itemDefinitions: [{ name: 'tRisk', typeRef: 'string', allowedValues: '"Low","Medium","High"' }] },
    );
    expect(analysis.gaps.map((g) => g.inputEntries)).toEqual([['"High"']]);
    expect(analysis.columns).toEqual([{ column: 0, label: 'risk', kind: 'string', unknown: false }]);
  });

  it('without allowed values, leaves every other string uncovered', () => {
    const region = { expression: 'region', typeRef: 'string' };
    expect(
      gaps(
        'U',
        [region],
        [
          ['"north"', '1'],
          ['"south"', '2'],
        ],
      ),
    ).toEqual([['not("north", "south")']]);
    expect(
      gaps(
        'U',
        [region],
        [
          ['"north"', '1'],
          ['not("north")', '2'],
        ],
      ),
    ).toEqual([]);
  });

  it('knows booleans have two values', () => {
    const vip = { expression: 'vip', typeRef: 'boolean' };
    expect(gaps('U', [vip], [['true', '1']])).toEqual([['false']]);
    expect(
      gaps(
        'U',
        [vip],
        [
          ['true', '1'],
          ['not(true)', '2'],
        ],
      ),
    ).toEqual([]);
  });
});

describe('gaps: mixed columns', () => {
  it('sweeps numbers, an enumeration, a boolean and a date together', () => {
    const inputs = [
      'score',
      { expression: 'region', typeRef: 'string', inputValues: '"north","south"' },
      { expression: 'vip', typeRef: 'boolean' },
      { expression: 'applied', typeRef: 'date' },
    ];
    const analysis = analyzeDecisionTable(
      table('F', inputs, [
        ['< 600', '-', '-', '-', '"decline"'],
        ['>= 600', '"north"', '-', '-', '"approve"'],
        ['>= 600', '"south"', 'true', '-', '"approve"'],
        ['>= 700', '"south"', 'false', '>= date("2024-01-01")', '"review"'],
      ]),
    );
    expect(analysis.gaps).toEqual([
      {
        code: 'gap',
        inputEntries: ['[600..700)', '"south"', 'false', '-'],
        text: 'score: [600..700), region: "south", vip: false',
      },
      {
        code: 'gap',
        inputEntries: ['>= 700', '"south"', 'false', '< date("2024-01-01")'],
        text: 'score: >= 700, region: "south", vip: false, applied: < date("2024-01-01")',
      },
    ]);
    expect(analysis.columns.map((c) => c.kind)).toEqual(['number', 'string', 'boolean', 'date']);
  });

  it('infers a column kind from its literals when the input has no type', () => {
    const analysis = analyzeDecisionTable(
      table(
        'U',
        [{ expression: 'grade' }],
        [
          ['"A"', '1'],
          ['"B"', '2'],
        ],
      ),
    );
    expect(analysis.columns[0]!.kind).toBe('string');
    expect(analysis.gaps.map((g) => g.inputEntries)).toEqual([['not("A", "B")']]);
  });

  it('looks for gaps in PRIORITY and FIRST tables, not in multiple-hit ones', () => {
    const rows = [
      ['< 5', '"a"'],
      ['> 5', '"b"'],
    ];
    expect(analyzeDecisionTable(table('P', ['x'], rows, '"a","b"')).gaps).toHaveLength(1);
    expect(analyzeDecisionTable(table('F', ['x'], rows)).gaps).toHaveLength(1);
    expect(analyzeDecisionTable(table('C', ['x'], rows)).gaps).toEqual([]);
    expect(analyzeDecisionTable(table('R', ['x'], rows)).gaps).toEqual([]);
  });

  it('lists gaps up to the limit and says there are more', () => {
    const rows = [0, 1, 2].map((n) => [`${n}`, `${n}`, '1']);
    expect(analyzeDecisionTable(table('U', ['x', 'y'], rows)).gaps).toHaveLength(4);
    const analysis = analyzeDecisionTable(table('U', ['x', 'y'], rows), { maxGaps: 1 });
    expect(analysis.gaps).toHaveLength(1);
    expect(analysis.truncated).toBe(true);
  });
});
