// @vitest-environment node
import { analyzeDecisionTable, type DecisionTable } from '@bankforge/rule-engine';
import { describe, expect, it } from 'vitest';
import { tierTable } from '../testing/tables.js';
import { problemPlace } from './problem-cells.js';
import { rowMarkers } from './row-markers.js';

describe('rowMarkers', () => {
  it('marks both rules of an overlap, each naming the other', () => {
    const table: DecisionTable = { ...tierTable(), rules: [...tierTable().rules, { inputEntries: ['> 60', '-'], outputEntries: ['"senior"'] }] };
    const markers = rowMarkers(analyzeDecisionTable(table));
    expect(markers.get(1)).toEqual([{ kind: 'overlap', other: 3 }]);
    expect(markers.get(3)).toEqual([
      { kind: 'overlap', other: 1 },
      { kind: 'overlap', other: 2 },
    ]);
    expect(markers.has(0)).toBe(false);
  });

  it('marks a shadowed rule of a FIRST table and a rule that never matches', () => {
    const table: DecisionTable = {
      ...tierTable(),
      hitPolicy: 'F',
      inputs: [{ expression: 'Age', typeRef: 'number', inputValues: '[0..150]' }, tierTable().inputs[1]!],
      rules: [...tierTable().rules, { inputEntries: ['< 20', '-'], outputEntries: ['"kid"'] }, { inputEntries: ['> 200', '-'], outputEntries: ['"none"'] }],
    };
    const markers = rowMarkers(analyzeDecisionTable(table));
    expect(markers.get(3)).toEqual([{ kind: 'shadowed', by: [0] }]);
    expect(markers.get(4)).toEqual([{ kind: 'neverMatches' }]);
  });
});

describe('problemPlace', () => {
  const table = tierTable();
  const at = (path: string) => problemPlace({ path, code: 'doesNotCompile', message: '' }, '/decisions/0/logic', table);

  it('places a problem on a rule cell of the decision shown', () => {
    expect(at('/decisions/0/logic/rules/2/inputEntries/1')).toEqual({ row: 2, column: 1 });
    expect(at('/decisions/0/logic/rules/0/outputEntries/0')).toEqual({ row: 0, column: 2 });
    expect(at('/decisions/0/logic/rules/1/annotations/0')).toEqual({ row: 1, column: 3 });
  });

  it('places a problem with a column on its header', () => {
    expect(at('/decisions/0/logic/inputs/1/expression')).toEqual({ row: -1, column: 1 });
    expect(at('/decisions/0/logic/outputs/0')).toEqual({ row: -1, column: 2 });
  });

  it('places nothing of another decision, the tests, or a rule that is gone', () => {
    expect(at('/decisions/1/logic/rules/0/inputEntries/0')).toBeNull();
    expect(at('/tests/0')).toBeNull();
    expect(at('/decisions/0/logic/rules/9/inputEntries/0')).toBeNull();
    expect(at('/decisions/0/logic/hitPolicy')).toBeNull();
  });
});
