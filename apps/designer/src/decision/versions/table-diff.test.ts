// @vitest-environment node
import type { DecisionArtifact, DecisionTable, DecisionTableRule } from '@bankforge/rule-engine';
import { describe, expect, it } from 'vitest';
import { diffDecisionTables, diffTable, pairRules } from './table-diff.js';

const rule = (
  inputs: string[],
  outputs: string[],
  id?: string,
  annotations?: string[],
): DecisionTableRule => ({
  ...(id === undefined ? {} : { id }),
  inputEntries: inputs,
  outputEntries: outputs,
  ...(annotations ? { annotations } : {}),
});

const table = (rules: DecisionTableRule[], extra: Partial<DecisionTable> = {}): DecisionTable => ({
  kind: 'decisionTable',
  hitPolicy: 'U',
  inputs: [{ expression: 'CreditScore', label: 'Credit score' }],
  outputs: [{ name: 'points' }],
  rules,
  ...extra,
});

const artifact = (
  decisions: DecisionArtifact['decisions'],
  extra: Partial<DecisionArtifact> = {},
): DecisionArtifact => ({ kind: 'decision', key: 'scoring', title: 'Scoring', decisions, ...extra });

const withIds = [
  rule(['>= 750'], ['60'], 'excellent'),
  rule(['[650..750)'], ['45'], 'good'),
  rule(['< 650'], ['0'], 'poor'),
];
const noIds = [rule(['>= 750'], ['60']), rule(['[650..750)'], ['45']), rule(['< 650'], ['0'])];

describe('diffTable: rules with ids', () => {
  it('finds nothing between equal tables', () => {
    expect(diffTable(table(withIds), table(structuredClone(withIds)))).toEqual({ columns: [], rules: [] });
  });

  it('names the changed cells of a rule matched by id, wherever it moved', () => {
    const after = [withIds[1]!, rule(['>= 760'], ['60'], 'excellent'), withIds[2]!];
    expect(diffTable(table(withIds), table(after)).rules).toEqual([
      {
        kind: 'changed',
        before: { index: 0, id: 'excellent' },
        after: { index: 1, id: 'excellent' },
        cells: [{ part: 'input', column: 'Credit score', before: '>= 750', after: '>= 760' }],
        moved: true,
      },
    ]);
  });

  it('reports an added rule with its cells, and a removed one where it stood', () => {
    const after = [withIds[0]!, rule(['[600..650)'], ['20'], 'fair'), withIds[2]!];
    expect(diffTable(table(withIds), table(after)).rules).toEqual([
      {
        kind: 'removed',
        before: { index: 1, id: 'good' },
        cells: [
          { part: 'input', column: 'Credit score', text: '[650..750)' },
          { part: 'output', column: 'points', text: '45' },
        ],
      },
      {
        kind: 'added',
        after: { index: 1, id: 'fair' },
        cells: [
          { part: 'input', column: 'Credit score', text: '[600..650)' },
          { part: 'output', column: 'points', text: '20' },
        ],
      },
    ]);
  });

  it('never pairs two rules with different ids, even at the same place', () => {
    const after = [withIds[0]!, rule(['[650..750)'], ['45'], 'good-2'), withIds[2]!];
    expect(diffTable(table(withIds), table(after)).rules.map((r) => r.kind)).toEqual(['removed', 'added']);
  });

  it('shows one move for a rule moved to the end, not a move of each rule it passed', () => {
    const after = [withIds[1]!, withIds[2]!, withIds[0]!];
    const rules = diffTable(table(withIds), table(after)).rules;
    expect(rules).toEqual([
      {
        kind: 'changed',
        before: { index: 0, id: 'excellent' },
        after: { index: 2, id: 'excellent' },
        cells: [],
        moved: true,
      },
    ]);
  });

  it('matches a rule that lost its id by position', () => {
    const after = [withIds[0]!, rule(['[650..750)'], ['50']), withIds[2]!];
    expect(diffTable(table(withIds), table(after)).rules).toEqual([
      {
        kind: 'changed',
        before: { index: 1, id: 'good' },
        after: { index: 1 },
        cells: [{ part: 'output', column: 'points', before: '45', after: '50' }],
        moved: false,
      },
    ]);
  });
});

describe('diffTable: rules without ids (by position)', () => {
  it('pairs rules at the same place and names the changed cells', () => {
    const after = [noIds[0]!, rule(['[650..750)'], ['50']), noIds[2]!];
    expect(diffTable(table(noIds), table(after)).rules).toEqual([
      {
        kind: 'changed',
        before: { index: 1 },
        after: { index: 1 },
        cells: [{ part: 'output', column: 'points', before: '45', after: '50' }],
        moved: false,
      },
    ]);
  });

  it('an inserted rule is one addition: the rules below it are not changed', () => {
    const after = [rule(['> 800'], ['70']), ...noIds];
    expect(diffTable(table(noIds), table(after)).rules).toEqual([
      {
        kind: 'added',
        after: { index: 0 },
        cells: [
          { part: 'input', column: 'Credit score', text: '> 800' },
          { part: 'output', column: 'points', text: '70' },
        ],
      },
    ]);
  });

  it('a deleted rule is one removal', () => {
    const after = [noIds[0]!, noIds[2]!];
    expect(diffTable(table(noIds), table(after)).rules).toEqual([
      {
        kind: 'removed',
        before: { index: 1 },
        cells: [
          { part: 'input', column: 'Credit score', text: '[650..750)' },
          { part: 'output', column: 'points', text: '45' },
        ],
      },
    ]);
  });

  it('a deleted rule and a changed one below it', () => {
    const after = [noIds[0]!, rule(['< 650'], ['5'])];
    const rules = diffTable(table(noIds), table(after)).rules;
    expect(rules.map((r) => r.kind)).toEqual(['changed', 'removed']);
    expect(rules[0]).toMatchObject({ before: { index: 1 }, after: { index: 1 } });
    expect(rules[1]).toMatchObject({ before: { index: 2 } });
  });

  it('more rules changed than kept: pairs them in order, extra ones added', () => {
    const after = [rule(['a'], ['1']), rule(['b'], ['2']), rule(['c'], ['3']), rule(['d'], ['4'])];
    const rules = diffTable(table(noIds), table(after)).rules;
    expect(
      rules.map((r) =>
        r.kind === 'changed'
          ? `${r.before.index}->${r.after.index}`
          : `${r.kind} ${r.kind === 'added' ? r.after.index : r.before.index}`,
      ),
    ).toEqual(['0->0', '1->1', '2->2', 'added 3']);
  });

  it('reads a missing cell as an empty one: "-" for an input, nothing for an output', () => {
    const before = table([{ inputEntries: [], outputEntries: [] }]);
    expect(diffTable(before, table([rule(['-'], [''])])).rules).toEqual([]);
    expect(diffTable(before, table([rule(['-'], ['1'])])).rules[0]).toMatchObject({
      cells: [{ part: 'output', before: '', after: '1' }],
    });
  });
});

describe('diffTable: hit policy and columns', () => {
  it('reports a changed hit policy, with the aggregation', () => {
    expect(diffTable(table(noIds), table(noIds, { hitPolicy: 'F' })).hitPolicy).toEqual({
      before: 'U',
      after: 'F',
    });
    expect(
      diffTable(
        table(noIds, { hitPolicy: 'C', aggregation: 'SUM' }),
        table(noIds, { hitPolicy: 'C', aggregation: 'MAX' }),
      ).hitPolicy,
    ).toEqual({ before: 'C+', after: 'C>' });
  });

  it('an added input column is one change; cells are compared in the shared columns', () => {
    const before = table([rule(['>= 750'], ['60'])]);
    const after = table([rule(['>= 750', '<= 3'], ['60'])], {
      inputs: [
        { expression: 'CreditScore', label: 'Credit score' },
        { expression: 'Amount / AnnualIncome', label: 'Loan to income' },
      ],
    });
    expect(diffTable(before, after)).toEqual({
      columns: [{ part: 'input', kind: 'added', column: 'Loan to income', properties: [] }],
      rules: [],
    });
  });

  it('a column inserted before another keeps the cells of that one paired by expression', () => {
    const before = table([rule(['>= 750'], ['60'])]);
    const after = table([rule(['true', '>= 700'], ['60'])], {
      inputs: [
        { expression: 'Employed', label: 'Employed' },
        { expression: 'CreditScore', label: 'Credit score' },
      ],
    });
    const diff = diffTable(before, after);
    expect(diff.columns).toEqual([{ part: 'input', kind: 'added', column: 'Employed', properties: [] }]);
    expect(diff.rules).toEqual([
      {
        kind: 'changed',
        before: { index: 0 },
        after: { index: 0 },
        cells: [{ part: 'input', column: 'Credit score', before: '>= 750', after: '>= 700' }],
        moved: false,
      },
    ]);
  });

  it('a removed output column, and a renamed input column with what changed in it', () => {
    const before = table([rule(['>= 750'], ['60', '"A"'])], {
      outputs: [{ name: 'points' }, { name: 'grade' }],
    });
    const after = table([rule(['>= 750'], ['60'])], {
      inputs: [{ expression: 'Bureau.score', label: 'Bureau score', typeRef: 'number' }],
    });
    expect(diffTable(before, after).columns).toEqual([
      {
        part: 'input',
        kind: 'changed',
        column: 'Bureau score',
        properties: [
          { property: 'expression', before: 'CreditScore', after: 'Bureau.score' },
          { property: 'label', before: 'Credit score', after: 'Bureau score' },
          { property: 'typeRef', before: '', after: 'number' },
        ],
      },
      { part: 'output', kind: 'removed', column: 'grade', properties: [] },
    ]);
  });

  it('an output whose allowed values or default changed', () => {
    const before = table(noIds, { outputs: [{ name: 'points', outputValues: '0,45,60' }] });
    const after = table(noIds, {
      outputs: [{ name: 'points', outputValues: '0,45,60,70', defaultOutputEntry: '0' }],
    });
    expect(diffTable(before, after).columns).toEqual([
      {
        part: 'output',
        kind: 'changed',
        column: 'points',
        properties: [
          { property: 'outputValues', before: '0,45,60', after: '0,45,60,70' },
          { property: 'defaultOutputEntry', before: '', after: '0' },
        ],
      },
    ]);
  });

  it('annotation columns and annotation cells', () => {
    const before = table([rule(['>= 750'], ['60'], undefined, ['excellent'])], { annotations: ['Reason'] });
    const after = table([rule(['>= 750'], ['60'], undefined, ['top tier'])], {
      annotations: ['Reason', 'Owner'],
    });
    const diff = diffTable(before, after);
    expect(diff.columns).toEqual([{ part: 'annotation', kind: 'added', column: 'Owner', properties: [] }]);
    expect(diff.rules[0]).toMatchObject({
      cells: [{ part: 'annotation', column: 'Reason', before: 'excellent', after: 'top tier' }],
    });
  });
});

describe('pairRules', () => {
  it('pairs by id first, then the rest by position, never two different ids', () => {
    const before = [rule([], [], 'a'), rule([], []), rule([], [], 'c')];
    const after = [rule([], [], 'c'), rule([], []), rule([], [], 'd')];
    expect(pairRules(before, after, () => false)).toEqual([
      [1, 1],
      [2, 0],
    ]);
  });

  it('pairs an older version without ids with a later one whose rules all have ids, by position', () => {
    const before = [rule(['1'], []), rule(['2'], [])];
    const after = [rule(['1'], [], 'r1'), rule(['2x'], [], 'r2')];
    const same = (b: number, a: number) => before[b]!.inputEntries[0] === after[a]!.inputEntries[0];
    expect(pairRules(before, after, same)).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('aligns equal rules so a gap pairs only the rules within it', () => {
    const before = [rule(['1'], []), rule(['2'], []), rule(['3'], [])];
    const after = [rule(['0'], []), rule(['1'], []), rule(['2x'], []), rule(['3'], [])];
    const same = (b: number, a: number) => before[b]!.inputEntries[0] === after[a]!.inputEntries[0];
    expect(pairRules(before, after, same)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });
});

describe('diffDecisionTables', () => {
  const score = (t: DecisionTable) => ({ name: 'Score', logic: t });
  const literal = { name: 'Label', logic: { kind: 'literalExpression' as const, text: '"x"' } };

  it('lists only the tables that changed, by the decision they decide', () => {
    const before = artifact([score(table(withIds)), literal]);
    const after = artifact([
      score(table(withIds, { hitPolicy: 'F' })),
      { ...literal, logic: { kind: 'literalExpression', text: '"y"' } },
    ]);
    const diffs = diffDecisionTables(before, after);
    expect(diffs).toEqual([
      {
        element: 'Score',
        kind: 'changed',
        ruleCount: { before: 3, after: 3 },
        hitPolicy: { before: 'U', after: 'F' },
        columns: [],
        rules: [],
      },
    ]);
    expect(diffDecisionTables(before, structuredClone(before))).toEqual([]);
  });

  it('a table added or removed (a decision now decided by a table, one deleted)', () => {
    const before = artifact([literal, score(table(withIds))]);
    const after = artifact([{ name: 'Label', logic: table(noIds) }]);
    expect(diffDecisionTables(before, after)).toEqual([
      { element: 'Label', kind: 'added', ruleCount: { before: 0, after: 3 }, columns: [], rules: [] },
      { element: 'Score', kind: 'removed', ruleCount: { before: 3, after: 0 }, columns: [], rules: [] },
    ]);
  });

  it('includes the tables of business knowledge models', () => {
    const bkm = (t: DecisionTable) => ({ name: 'Points', parameters: [{ name: 'CreditScore' }], body: t });
    const before = artifact([], { businessKnowledgeModels: [bkm(table(noIds))] });
    const after = artifact([], { businessKnowledgeModels: [bkm(table(noIds.slice(1)))] });
    expect(diffDecisionTables(before, after)).toMatchObject([
      { element: 'Points', kind: 'changed', rules: [{ kind: 'removed', before: { index: 0 } }] },
    ]);
  });
});
