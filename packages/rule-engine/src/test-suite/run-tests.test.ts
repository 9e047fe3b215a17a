import { describe, expect, it } from 'vitest';
import type { DecisionArtifact } from '../dmn/model.js';
import type { DecisionTestCase } from './test-case.js';
import { runDecisionTests } from './run-tests.js';
import { decisionTestProblems } from './test-problems.js';

/** A small scoring model: points by a Collect/SUM table, a grade from the points, both in a context. */
function scoring(tests: DecisionTestCase[]): DecisionArtifact {
  return {
    kind: 'decision',
    key: 'scoring',
    title: 'Scoring',
    inputData: [
      { name: 'Score', typeRef: 'number' },
      { name: 'Amount', typeRef: 'number' },
      { name: 'Id number', typeRef: 'string', sensitive: true },
    ],
    decisions: [
      {
        name: 'Points',
        requirements: { inputs: ['Score', 'Amount'] },
        logic: {
          kind: 'decisionTable',
          hitPolicy: 'C',
          aggregation: 'SUM',
          inputs: [{ expression: 'Score' }, { expression: 'Amount' }],
          outputs: [{ name: 'points', typeRef: 'number' }],
          rules: [
            { id: 'high-score', inputEntries: ['>= 700', '-'], outputEntries: ['60'] },
            { id: 'low-score', inputEntries: ['< 700', '-'], outputEntries: ['20'] },
            { id: 'small-loan', inputEntries: ['-', '<= 100000'], outputEntries: ['40'] },
            { id: 'large-loan', inputEntries: ['-', '> 100000'], outputEntries: ['10'] },
          ],
        },
      },
      {
        name: 'Grade',
        requirements: { decisions: ['Points'] },
        logic: {
          kind: 'decisionTable',
          hitPolicy: 'U',
          inputs: [{ expression: 'Points' }],
          outputs: [{ typeRef: 'string' }],
          rules: [
            { inputEntries: ['>= 80'], outputEntries: ['"A"'] },
            { inputEntries: ['< 80'], outputEntries: ['"B"'] },
          ],
        },
      },
      {
        name: 'Result',
        requirements: { decisions: ['Points', 'Grade'] },
        logic: {
          kind: 'context',
          entries: [
            { name: 'points', value: { kind: 'literalExpression', text: 'Points' } },
            { name: 'grade', value: { kind: 'literalExpression', text: 'Grade' } },
          ],
        },
      },
    ],
    tests,
  };
}

describe('runDecisionTests', () => {
  it('passes cases whose expected outputs match, and reports what each table matched', () => {
    const report = runDecisionTests(
      scoring([
        { name: 'prime', inputs: { Score: 720, Amount: 50000 }, expected: { points: 100, grade: 'A' } },
        // A number input given as decimal text (as money travels in JSON) is that number.
        { name: 'money as text', inputs: { Score: 720, Amount: '250000.00' }, expected: { grade: 'B' } },
      ]),
    );
    expect(report).toMatchObject({ passed: 2, failed: 0 });
    expect(report.results[0]).toMatchObject({
      index: 0,
      name: 'prime',
      decision: 'Result',
      passed: true,
      actual: { points: 100, grade: 'A' },
      differences: [],
      matchedRules: [
        { table: 'Points', matchedRules: [0, 2], matchedRuleIds: ['high-score', 'small-loan'] },
        { table: 'Grade', matchedRules: [0], matchedRuleIds: [null] },
      ],
    });
    expect(report.results[1]?.actual).toEqual({ points: 70, grade: 'B' });
  });

  it('fails a case on each differing output and names them, in English and Chinese', () => {
    const report = runDecisionTests(
      scoring([
        { name: 'ok', inputs: { Score: 720, Amount: 50000 }, expected: { grade: 'A' } },
        { name: 'wrong', inputs: { Score: 650, Amount: 50000 }, expected: { points: 70, grade: 'A' } },
      ]),
    );
    expect(report).toMatchObject({ passed: 1, failed: 1 });
    expect(report.results[1]).toMatchObject({ passed: false, actual: { points: 60, grade: 'B' } });
    expect(report.results[1]?.differences).toEqual([
      { output: 'points', expected: 70, actual: 60 },
      { output: 'grade', expected: 'A', actual: 'B' },
    ]);
    expect(decisionTestProblems(report)).toEqual([
      {
        path: '/tests/1',
        code: 'decisionTestFailed',
        message: 'Test "wrong" failed: points is 60, expected 70; grade is "B", expected "A".',
        messageZh: '测试“wrong”未通过：points 为 60，期望 70；grade 为 "B"，期望 "A"。',
      },
    ]);
  });

  it('tests a named decision, whose plain value is its `result`', () => {
    const report = runDecisionTests(scoring([{ name: 'points only', decision: 'Points', inputs: { Score: 500, Amount: 500000 }, expected: { result: 30 } }]));
    expect(report.results[0]).toMatchObject({ passed: true, decision: 'Points', actual: { result: 30 }, matchedRules: [{ table: 'Points', matchedRules: [1, 3] }] });
  });

  it('fails a case naming a decision the model does not have, with the reason', () => {
    const report = runDecisionTests(scoring([{ name: 'ghost', decision: 'Nope', inputs: {}, expected: { result: 1 } }]));
    expect(report.results[0]).toMatchObject({ passed: false, actual: {}, error: expect.stringContaining('Nope') });
    expect(decisionTestProblems(report)[0]).toMatchObject({ path: '/tests/0', message: expect.stringMatching(/^Test "ghost" could not run: /) });
  });

  it('compares numbers by value and only the outputs a case names; a missing output is null', () => {
    const report = runDecisionTests(
      scoring([
        { name: 'decimal text', inputs: { Score: 720, Amount: 50000 }, expected: { points: '100.0' } },
        { name: 'unknown output', inputs: { Score: 720, Amount: 50000 }, expected: { reason: null } },
        { name: 'missing output', inputs: { Score: 720, Amount: 50000 }, expected: { reason: 'x' } },
      ]),
    );
    expect(report.results.map((r) => r.passed)).toEqual([true, true, false]);
    expect(report.results[2]?.differences).toEqual([{ output: 'reason', expected: 'x', actual: null }]);
  });

  it('answers an empty report without cases, every rule uncovered', () => {
    const report = runDecisionTests(scoring([]));
    expect(report).toMatchObject({ passed: 0, failed: 0, results: [], coverage: { rules: 6, uncoveredRules: 6 } });
  });
});

describe('coverage', () => {
  it('lists the rules no case reaches, by table, index and id', () => {
    const report = runDecisionTests(
      scoring([
        { name: 'prime', inputs: { Score: 720, Amount: 50000 }, expected: { grade: 'A' } },
        { name: 'large', inputs: { Score: 720, Amount: 500000 }, expected: { grade: 'B' } },
      ]),
    );
    expect(report.coverage).toEqual({
      rules: 6,
      uncoveredRules: 1,
      tables: [
        { element: 'Points', path: '/decisions/0/logic', rules: 4, uncovered: [{ index: 1, id: 'low-score' }] },
        { element: 'Grade', path: '/decisions/1/logic', rules: 2, uncovered: [] },
      ],
    });
  });

  it('finds tables nested in boxed expressions and BKMs, and says when one element holds look-alike tables', () => {
    const table = (out: string) => ({
      kind: 'decisionTable' as const,
      hitPolicy: 'F' as const,
      inputs: [{ expression: 'x' }],
      outputs: [{}],
      rules: [
        { inputEntries: ['> 0'], outputEntries: [out] },
        { inputEntries: ['-'], outputEntries: ['0'] },
      ],
    });
    const artifact: DecisionArtifact = {
      kind: 'decision',
      key: 'nested',
      title: 'Nested',
      inputData: [{ name: 'x', typeRef: 'number' }],
      businessKnowledgeModels: [{ name: 'Twice', parameters: [{ name: 'x' }], body: table('x * 2') }],
      decisions: [
        {
          name: 'Both',
          requirements: { inputs: ['x'], knowledge: ['Twice'] },
          logic: {
            kind: 'context',
            entries: [
              { name: 'a', value: table('1') },
              { name: 'b', value: table('2') },
              { name: 'c', value: { kind: 'invocation', function: 'Twice', bindings: [{ name: 'x', value: { kind: 'literalExpression', text: 'x' } }] } },
            ],
          },
        },
      ],
      tests: [{ name: 'positive', inputs: { x: 3 }, expected: { a: 1, b: 2, c: 6 } }],
    };
    const report = runDecisionTests(artifact);
    expect(report.passed).toBe(1);
    expect(report.coverage.tables).toEqual([
      { element: 'Both', path: '/decisions/0/logic/entries/0/value', rules: 2, uncovered: [{ index: 1 }], approximate: true },
      { element: 'Both', path: '/decisions/0/logic/entries/1/value', rules: 2, uncovered: [{ index: 1 }], approximate: true },
      { element: 'Twice', path: '/businessKnowledgeModels/0/body', rules: 2, uncovered: [{ index: 1 }] },
    ]);
  });
});
