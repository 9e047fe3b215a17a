/** The test suite `loan_scoring` carries (run on publish): it passes and reaches every rule of both tables. */
import { runDecisionTests } from '@bankforge/rule-engine';
import { describe, expect, it } from 'vitest';
import { loanScoringDecision } from './loan-approval.js';

describe('loan_scoring test suite', () => {
  it('passes every case', () => {
    const report = runDecisionTests(loanScoringDecision);
    expect(report.results.filter((r) => !r.passed)).toEqual([]);
    expect(report.passed).toBe(loanScoringDecision.tests?.length);
  });

  it('reaches every rule of the Score and Recommendation tables', () => {
    const { coverage } = runDecisionTests(loanScoringDecision);
    expect(coverage.tables.map((t) => [t.element, t.rules, t.uncovered])).toEqual([
      ['Score', 8, []],
      ['Recommendation', 3, []],
    ]);
    expect(coverage.uncoveredRules).toBe(0);
  });

  it('tries each score band and loan-to-income band at its edges, and the recommendation at 50 and 70', () => {
    const inputs = (loanScoringDecision.tests ?? []).map((t) => t.inputs);
    const creditScores = new Set(inputs.map((i) => i.CreditScore));
    for (const edge of [750, 749, 650, 649, 550, 549]) expect(creditScores).toContain(edge);
    const ratios = new Set(inputs.map((i) => Number(i.Amount) / Number(i.AnnualIncome)));
    for (const edge of [3, 3.00001, 6, 6.00001, 10, 10.00001]) expect(ratios).toContain(edge);
    const scores = new Set((loanScoringDecision.tests ?? []).map((t) => t.expected.score));
    for (const edge of [45, 50, 65, 70]) expect(scores).toContain(edge);
  });

  it('refuses to publish a wrong expectation: a changed threshold fails its case', () => {
    const broken = structuredClone(loanScoringDecision);
    const recommendation = broken.decisions.find((d) => d.name === 'Recommendation')?.logic;
    if (recommendation?.kind !== 'decisionTable') throw new Error('Recommendation is a decision table');
    recommendation.rules = [
      { inputEntries: ['< 55'], outputEntries: ['"decline"'] },
      { inputEntries: ['[55..70)'], outputEntries: ['"review"'] },
      { inputEntries: ['>= 70'], outputEntries: ['"approve"'] },
    ];
    const failed = runDecisionTests(broken).results.filter((r) => !r.passed);
    expect(failed.map((r) => r.name)).toEqual(['credit 600, 5x: 25 + 25 = 50, the threshold, reviews']);
  });
});
