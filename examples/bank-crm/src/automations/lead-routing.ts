import type { AutomationDefinition } from '@bankforge/flow-engine';
import { text } from '../entities/labels.js';

/**
 * A new lead is routed to its team by the `lead_routing` decision (region, industry), then handed
 * to the team's relationship managers in turn (round robin). A team works from one branch; the
 * branch of each team is the bank's to keep here, as its staffing changes.
 */
export const LEAD_TEAM_BRANCHES = { trade_finance_east: 'SH001', tech_sme: 'BJ002', corporate_north: 'BJ001', corporate_south: 'SZ001', inclusive_finance: 'GZ001' } as const;

const teamBranch = `get value({${Object.entries(LEAD_TEAM_BRANCHES)
  .map(([team, branch]) => `${team}: "${branch}"`)
  .join(', ')}}, record.team)`;

export const leadRoutingAutomation: AutomationDefinition = {
  kind: 'automation',
  key: 'lead_routing',
  title: 'Route a new lead to its team',
  label: text('Route a new lead to its team', '新线索按规则分派团队'),
  description: text(
    'A new lead gets its team from the lead-routing decision (region, industry), then the team’s relationship managers take it in turn.',
    '新线索按线索分派决策（区域、行业）确定承接团队，再由团队的客户经理轮流承接。',
  ),
  trigger: { type: 'record', entity: 'lead', on: ['created'], condition: 'new.team = null' },
  actions: [
    { id: 'route', type: 'evaluateDecision', as: 'routed', decision: 'lead_routing', inputs: { Region: 'record.region', Industry: 'record.industry' }, write: { team: 'result' } },
    { id: 'hand_out', as: 'assigned', type: 'assignOwner', role: 'relationship_manager', branch: teamBranch },
  ],
};
