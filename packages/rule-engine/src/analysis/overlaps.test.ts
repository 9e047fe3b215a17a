import { describe, expect, it } from 'vitest';
import { analyzeDecisionTable } from './analyze.js';
import { table } from './test-tables.js';

describe('overlaps under UNIQUE', () => {
  it('finds the shared bound of two closed ranges', () => {
    const analysis = analyzeDecisionTable(
      table(
        'U',
        ['x'],
        [
          ['[0..10]', '1'],
          ['[10..20]', '2'],
        ],
      ),
    );
    expect(analysis.overlaps).toEqual([
      { code: 'overlap', rules: [0, 1], inputEntries: ['10'], text: 'x: 10' },
    ]);
  });

  it('finds none where one range is open at the shared bound', () => {
    expect(
      analyzeDecisionTable(
        table(
          'U',
          ['x'],
          [
            ['[0..10)', '1'],
            ['[10..20]', '2'],
          ],
        ),
      ).overlaps,
    ).toEqual([]);
  });

  it('gives the region where both match, column by column, even with equal outputs', () => {
    const inputs = [
      'score',
      { expression: 'region', typeRef: 'string', inputValues: '"north","south","east"' },
    ];
    const analysis = analyzeDecisionTable(
      table('U', inputs, [
        ['>= 600', 'not("east")', '"approve"'],
        ['[650..700)', '-', '"approve"'],
        ['< 600', '-', '"decline"'],
      ]),
    );
    expect(analysis.overlaps).toEqual([
      {
        code: 'overlap',
        rules: [0, 1],
        inputEntries: ['[650..700)', '"north", "south"'],
        text: 'score: [650..700), region: "north", "south"',
      },
    ]);
  });

  it('finds overlaps of dates, enumerations and booleans', () => {
    const inputs = [
      { expression: 'applied', typeRef: 'date' },
      { expression: 'vip', typeRef: 'boolean' },
    ];
    const analysis = analyzeDecisionTable(
      table('U', inputs, [
        ['<= date("2024-06-30")', 'true', '1'],
        ['>= date("2024-06-30")', '-', '2'],
        ['> date("2024-06-30")', 'false', '3'],
      ]),
    );
    expect(analysis.overlaps.map((o) => [o.rules, o.text])).toEqual([
      [[0, 1], 'applied: date("2024-06-30"), vip: true'],
      [[1, 2], 'applied: > date("2024-06-30"), vip: false'],
    ]);
  });

  it('ignores overlaps outside the allowed values', () => {
    const region = { expression: 'region', typeRef: 'string', inputValues: '"north","south"' };
    expect(
      analyzeDecisionTable(
        table(
          'U',
          [region],
          [
            ['"north"', '1'],
            ['not("north", "south")', '2'],
          ],
        ),
      ).overlaps,
    ).toEqual([]);
  });

  it('lists overlaps up to the limit and says there are more', () => {
    const analysis = analyzeDecisionTable(
      table(
        'U',
        ['x'],
        [
          ['-', '1'],
          ['-', '2'],
          ['-', '3'],
        ],
      ),
      { maxOverlaps: 2 },
    );
    expect(analysis.overlaps.map((o) => o.rules)).toEqual([
      [0, 1],
      [0, 2],
    ]);
    expect(analysis.truncated).toBe(true);
  });
});

describe('overlaps under ANY', () => {
  it('reports only overlapping rules whose outputs differ', () => {
    const analysis = analyzeDecisionTable(
      table(
        'A',
        ['x'],
        [
          ['< 10', '"yes"'],
          ['[5..20]', '"yes"'],
          ['>= 15', '"no"'],
        ],
      ),
    );
    expect(analysis.overlaps).toEqual([
      { code: 'conflictingOverlap', rules: [1, 2], inputEntries: ['[15..20]'], text: 'x: [15..20]' },
    ]);
  });

  it('compares literal outputs by value, every output column', () => {
    const t = table(
      'A',
      ['x'],
      [
        ['< 10', '1'],
        ['[5..20]', '1.0'],
      ],
    );
    expect(analyzeDecisionTable(t).overlaps).toEqual([]);
    t.outputs = [{ name: 'a' }, { name: 'b' }];
    t.rules[0]!.outputEntries = ['1', '"x"'];
    t.rules[1]!.outputEntries = ['1', '"y"'];
    expect(analyzeDecisionTable(t).overlaps.map((o) => o.code)).toEqual(['conflictingOverlap']);
  });

  it('makes no claim when an output is computed, and says which', () => {
    const analysis = analyzeDecisionTable(
      table(
        'A',
        ['x'],
        [
          ['< 10', 'x * 2'],
          ['[5..20]', '10'],
        ],
      ),
    );
    expect(analysis.overlaps).toEqual([]);
    expect(analysis.skipped).toEqual([
      { code: 'nonLiteralOutput', part: 'output', rule: 0, column: 0, text: 'x * 2' },
    ]);
  });
});
