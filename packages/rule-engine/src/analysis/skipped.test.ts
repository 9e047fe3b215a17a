import { describe, expect, it } from 'vitest';
import { analyzeDecisionTable } from './analyze.js';
import { table } from './test-tables.js';

describe('cells the analysis cannot read', () => {
  it('claims no gap a FEEL cell might fill, and says which cell it skipped', () => {
    const analysis = analyzeDecisionTable(
      table(
        'U',
        ['x'],
        [
          ['< 5', '1'],
          ['? >= 5', '2'],
        ],
      ),
    );
    expect(analysis.gaps).toEqual([]);
    expect(analysis.skipped).toEqual([
      { code: 'unsupportedTest', part: 'input', rule: 1, column: 0, text: '? >= 5' },
    ]);
  });

  it('still finds gaps the readable cells prove', () => {
    const analysis = analyzeDecisionTable(
      table(
        'U',
        ['x', 'y'],
        [
          ['< 5', '> limit', '1'],
          ['>= 5', '< 0', '2'],
        ],
      ),
    );
    expect(analysis.gaps.map((g) => g.text)).toEqual(['x: >= 5, y: >= 0']);
  });

  it('claims no overlap with a cell it cannot read', () => {
    const analysis = analyzeDecisionTable(
      table(
        'U',
        ['x', 'y'],
        [
          ['> 3', 'count(?) > 1', '1'],
          ['< 10', '-', '2'],
          ['< 10', '-', '3'],
        ],
      ),
    );
    expect(analysis.overlaps.map((o) => o.rules)).toEqual([[1, 2]]);
  });

  it('claims shadowing through a skipped cell only when earlier rules take every value', () => {
    expect(
      analyzeDecisionTable(
        table(
          'F',
          ['x'],
          [
            ['-', '1'],
            ['? > 5', '2'],
          ],
        ),
      ).unreachable,
    ).toEqual([{ code: 'shadowedRule', rule: 1, coveredBy: [0] }]);
    expect(
      analyzeDecisionTable(
        table(
          'F',
          ['x'],
          [
            ['> 5', '1'],
            ['? > 5', '2'],
          ],
        ),
      ).unreachable,
    ).toEqual([]);
    expect(
      analyzeDecisionTable(
        table(
          'F',
          ['x'],
          [
            ['? > 5', '1'],
            ['> 5', '2'],
          ],
        ),
      ).unreachable,
    ).toEqual([]);
  });

  it('skips cells of another kind than the column, and syntax errors', () => {
    const analysis = analyzeDecisionTable(
      table(
        'U',
        ['x'],
        [
          ['< 5', '1'],
          ['"five"', '2'],
          ['[5..', '3'],
        ],
      ),
    );
    expect(analysis.skipped).toEqual([
      { code: 'typeMismatch', part: 'input', rule: 1, column: 0, text: '"five"' },
      { code: 'syntaxError', part: 'input', rule: 2, column: 0, text: '[5..' },
    ]);
    expect(analysis.gaps).toEqual([]);
  });

  it('parses cells naming multi-word names given in the options (then skips them as unread FEEL)', () => {
    const rows = [['< Monthly Income', '1']];
    expect(analyzeDecisionTable(table('U', ['x'], rows)).skipped.map((s) => s.code)).toEqual(['syntaxError']);
    expect(
      analyzeDecisionTable(table('U', ['x'], rows), { names: ['Monthly Income'] }).skipped.map((s) => s.code),
    ).toEqual(['unsupportedTest']);
  });

  it('makes a column unknown when its allowed values cannot be read', () => {
    const x = { expression: 'x', typeRef: 'number', inputValues: '[0..max]' };
    const analysis = analyzeDecisionTable(
      table(
        'U',
        [x, 'y'],
        [
          ['< 5', '< 0', '1'],
          ['> 5', '< 0', '2'],
        ],
      ),
    );
    expect(analysis.columns[0]).toEqual({ column: 0, label: 'x', kind: null, unknown: true });
    expect(analysis.skipped).toEqual([
      { code: 'unknownAllowedValues', part: 'input', rule: null, column: 0, text: '[0..max]' },
    ]);
    expect(analysis.gaps.map((g) => g.text)).toEqual(['y: >= 0']);
    expect(analysis.overlaps).toEqual([]);
  });

  it('makes a column of a type it does not read unknown (times, durations)', () => {
    const at = { expression: 'at', typeRef: 'time' };
    const analysis = analyzeDecisionTable(table('U', [at], [['< time("10:00:00")', '1']]));
    expect(analysis.columns[0]!.unknown).toBe(true);
    expect(analysis.skipped.map((s) => s.code)).toEqual(['unsupportedType']);
    expect(analysis.gaps).toEqual([]);
  });
});
