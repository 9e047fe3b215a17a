/**
 * The test suite of `loan_scoring`, as the analyst writes it: every credit band and every
 * loan-to-income band at its edges, and the recommendation on both sides of 50 and 70. An annual
 * income of 100,000 keeps the ratio readable (an amount of 300,000 is 3x). Points: credit 60 / 45
 * / 25 / 0 plus loan-to-income 40 / 25 / 10 / 0.
 */
import type { DecisionTestCase } from '@bankforge/rule-engine';

function scoringCase(name: string, creditScore: number, amount: number | string, score: number, recommendation: string): DecisionTestCase {
  return { name, inputs: { CreditScore: creditScore, AnnualIncome: 100_000, Amount: amount }, expected: { score, recommendation } };
}

export const loanScoringTests: DecisionTestCase[] = [
  scoringCase('credit 750 (excellent from here), exactly 3x income: 60 + 40', 750, 300_000, 100, 'approve'),
  scoringCase('credit 749 (good), just over 3x: 45 + 25 = 70 approves', 749, 300_001, 70, 'approve'),
  scoringCase('credit 650 (good from here), exactly 6x: 45 + 25', 650, 600_000, 70, 'approve'),
  scoringCase('credit 649 (fair), just over 6x: 25 + 10', 649, 600_001, 35, 'decline'),
  scoringCase('credit 550 (fair from here), exactly 10x: 25 + 10', 550, 1_000_000, 35, 'decline'),
  scoringCase('credit 600, 5x: 25 + 25 = 50, the threshold, reviews', 600, 500_000, 50, 'review'),
  scoringCase('credit 549 (poor), 2x: 0 + 40', 549, 200_000, 40, 'decline'),
  scoringCase('credit 700, just over 10x: 45 + 0 = 45, below the threshold', 700, 1_000_001, 45, 'decline'),
  scoringCase('credit 600, 2.5x: 25 + 40 = 65 reviews', 600, 250_000, 65, 'review'),
  scoringCase('credit 800, 20x: 60 + 0 = 60 reviews', 800, 2_000_000, 60, 'review'),
  scoringCase('money as decimal text: 750, 3x', 750, '300000.00', 100, 'approve'),
  {
    name: 'the score alone: credit 760, 5x is 60 + 25',
    decision: 'Score',
    inputs: { CreditScore: 760, AnnualIncome: 100_000, Amount: 500_000 },
    expected: { result: 85 },
  },
];
