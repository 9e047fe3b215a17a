/**
 * Lead routing (线索分派): the team a new lead goes to, by region and industry; the first rule that
 * matches wins (hit policy F), the last catches everything else. Analysts change the table, not code.
 */
import type { DecisionArtifact } from '@bankforge/rule-engine';

export const LEAD_ROUTING_DECISION_NAME = 'Lead team';

export const leadRoutingDecision: DecisionArtifact = {
  kind: 'decision',
  key: 'lead_routing',
  title: 'Lead routing',
  description: 'Routes a new lead to a team by region and industry. 按区域和行业将新线索分派至承接团队。',
  inputData: [
    { name: 'Region', typeRef: 'string' },
    { name: 'Industry', typeRef: 'string' },
  ],
  decisions: [
    {
      name: LEAD_ROUTING_DECISION_NAME,
      typeRef: 'string',
      requirements: { inputs: ['Region', 'Industry'] },
      logic: {
        kind: 'decisionTable',
        hitPolicy: 'F',
        inputs: [
          { expression: 'Region', label: 'Region (区域)', typeRef: 'string' },
          { expression: 'Industry', label: 'Industry (行业)', typeRef: 'string' },
        ],
        outputs: [{ typeRef: 'string', outputValues: '"trade_finance_east","tech_sme","corporate_north","corporate_south","inclusive_finance"' }],
        rules: [
          { id: 'east-trade', inputEntries: ['"east"', '"trade","manufacturing"'], outputEntries: ['"trade_finance_east"'] },
          { id: 'tech', inputEntries: ['-', '"technology"'], outputEntries: ['"tech_sme"'] },
          { id: 'north', inputEntries: ['"north","northeast","northwest"', '"manufacturing","real_estate","trade"'], outputEntries: ['"corporate_north"'] },
          { id: 'south', inputEntries: ['"south","central","southwest"', '"manufacturing","real_estate","trade"'], outputEntries: ['"corporate_south"'] },
          { id: 'rest', inputEntries: ['-', '-'], outputEntries: ['"inclusive_finance"'] },
        ],
      },
    },
  ],
};
