import type { AutomationDefinition } from '@bankforge/flow-engine';
import { text } from '../entities/labels.js';

/**
 * A new lead is routed to its team by the `lead_routing` decision (region, industry). Handing it to
 * one member of the team in turn (round-robin) is not here: an automation cannot change a record's
 * owner, and keeps no counter to take turns by (see the issue note).
 */
export const leadRoutingAutomation: AutomationDefinition = {
  kind: 'automation',
  key: 'lead_routing',
  title: 'Route a new lead to its team',
  label: text('Route a new lead to its team', '新线索按规则分派团队'),
  description: text('A new lead gets its team from the lead-routing decision (region, industry).', '新线索按线索分派决策（区域、行业）确定承接团队。'),
  trigger: { type: 'record', entity: 'lead', on: ['created'], condition: 'new.team = null' },
  actions: [{ id: 'route', type: 'evaluateDecision', as: 'routed', decision: 'lead_routing', inputs: { Region: 'record.region', Industry: 'record.industry' }, write: { team: 'result' } }],
};
