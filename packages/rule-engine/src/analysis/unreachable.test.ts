import { describe, expect, it } from 'vitest';
import { analyzeDecisionTable } from './analyze.js';
import { table } from './test-tables.js';

describe('rules that never decide', () => {
  it('FIRST: a rule inside an earlier one is shadowed by it', () => {
    const analysis = analyzeDecisionTable(
      table(
        'F',
        ['x'],
        [
          ['< 20', '1'],
          ['[0..10]', '2'],
          ['>= 20', '3'],
        ],
      ),
    );
    expect(analysis.unreachable).toEqual([{ code: 'shadowedRule', rule: 1, coveredBy: [0] }]);
    expect(analysis.gaps).toEqual([]);
  });

  it('FIRST: a rule covered only by several earlier rules together', () => {
    const analysis = analyzeDecisionTable(
      table(
        'F',
        ['x', { expression: 'y', typeRef: 'string' }],
        [
          ['< 5', '-', '1'],
          ['>= 5', '"a"', '2'],
          ['[3..8]', '"a"', '3'],
          ['[3..8]', '-', '4'],
        ],
      ),
    );
    expect(analysis.unreachable).toEqual([{ code: 'shadowedRule', rule: 2, coveredBy: [0, 1] }]);
  });

  it('FIRST: a catch-all after rules that cover everything is shadowed', () => {
    const analysis = analyzeDecisionTable(
      table(
        'F',
        ['x'],
        [
          ['< 5', '1'],
          ['>= 5', '2'],
          ['-', '3'],
        ],
      ),
    );
    expect(analysis.unreachable).toEqual([{ code: 'shadowedRule', rule: 2, coveredBy: [0, 1] }]);
  });

  it('FIRST: a rule earlier rules only partly cover is reachable', () => {
    expect(
      analyzeDecisionTable(
        table(
          'F',
          ['x'],
          [
            ['< 5', '1'],
            ['> 5', '2'],
            ['[0..10]', '3'],
          ],
        ),
      ).unreachable,
    ).toEqual([]);
  });

  it('PRIORITY: a rule whose inputs rules of higher priority (or equal and earlier) all take', () => {
    const analysis = analyzeDecisionTable(
      table(
        'P',
        ['x'],
        [
          ['>= 0', '"low"'],
          ['< 10', '"high"'],
          ['[2..5]', '"high"'],
          ['[0..5]', '"medium"'],
          ['[5..15]', '"medium"'],
        ],
        '"high","medium","low"',
      ),
    );
    expect(analysis.unreachable).toEqual([
      { code: 'shadowedRule', rule: 2, coveredBy: [1] },
      { code: 'shadowedRule', rule: 3, coveredBy: [1] },
    ]);
  });

  it('PRIORITY: makes no claim for a rule whose output is computed', () => {
    const analysis = analyzeDecisionTable(
      table(
        'P',
        ['x'],
        [
          ['-', '"high"'],
          ['[2..5]', 'if x > 3 then "high" else "low"'],
        ],
        '"high","low"',
      ),
    );
    expect(analysis.unreachable).toEqual([]);
    expect(analysis.skipped.map((s) => [s.code, s.rule])).toEqual([['nonLiteralOutput', 1]]);
  });

  it('any hit policy: a rule no valid input passes never matches', () => {
    const region = { expression: 'region', typeRef: 'string', inputValues: '"north","south"' };
    const analysis = analyzeDecisionTable(
      table(
        'C',
        ['x', region],
        [
          ['[5..3]', '-', '1'],
          ['-', '"west"', '2'],
          ['-', '"north"', '3'],
        ],
      ),
    );
    expect(analysis.unreachable).toEqual([
      { code: 'ruleNeverMatches', rule: 0, coveredBy: [] },
      { code: 'ruleNeverMatches', rule: 1, coveredBy: [] },
    ]);
  });

  it('does not look for shadowing under UNIQUE and ANY (overlaps say it)', () => {
    expect(
      analyzeDecisionTable(
        table(
          'U',
          ['x'],
          [
            ['< 20', '1'],
            ['[0..10]', '2'],
          ],
        ),
      ).unreachable,
    ).toEqual([]);
  });
});
