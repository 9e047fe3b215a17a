/** A small decision the test panel's and backtest's tests share: a credit band and limit from a score and a segment. */
import type { DecisionArtifact, DecisionTestCase } from '@bankforge/rule-engine';

export function riskBand(tests?: DecisionTestCase[]): DecisionArtifact {
  return {
    kind: 'decision',
    key: 'risk_band',
    title: 'Risk band',
    itemDefinitions: [{ name: 'tSegment', typeRef: 'string', allowedValues: '"retail","private"' }],
    inputData: [
      { name: 'CreditScore', typeRef: 'number' },
      { name: 'Segment', typeRef: 'tSegment' },
    ],
    decisions: [
      {
        name: 'Band',
        requirements: { inputs: ['CreditScore', 'Segment'] },
        logic: {
          kind: 'decisionTable',
          hitPolicy: 'U',
          inputs: [{ expression: 'CreditScore', label: 'Credit score' }, { expression: 'Segment' }],
          outputs: [{ name: 'band' }, { name: 'limit' }],
          rules: [
            { id: 'high', inputEntries: ['>= 700', '-'], outputEntries: ['"A"', '100000'] },
            { id: 'mid', inputEntries: ['[600..700)', '-'], outputEntries: ['"B"', '50000'] },
            { id: 'low', inputEntries: ['< 600', '"retail"'], outputEntries: ['"C"', '10000'] },
            { id: 'private-low', inputEntries: ['< 600', '"private"'], outputEntries: ['"C"', '20000'] },
          ],
        },
      },
    ],
    ...(tests ? { tests } : {}),
  };
}
