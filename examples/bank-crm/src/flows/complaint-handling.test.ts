/** The complaint flow passes the flow kind's checks and routes each category to its department's queue. */
import { flowKind, validateFlowDefinition } from '@bankforge/flow-engine';
import { describe, expect, it } from 'vitest';
import { bankCrmRoles } from '../roles.js';
import { COMPLAINT_STATUS_OPTIONS, complaintTicketEntity } from '../entities/complaint-ticket.js';
import { COMPLAINT_DEPARTMENTS, DEFAULT_COMPLAINT_DEPARTMENT, complaintHandlingFlow } from './complaint-handling.js';

describe('the complaint flow', () => {
  it('is valid, binds fields its entity has and writes statuses the entity offers', async () => {
    expect(validateFlowDefinition(complaintHandlingFlow)).toEqual([]);
    const warnings: unknown[] = [];
    const check = await flowKind.check(complaintHandlingFlow, {
      stage: 'publish',
      warn: (w) => warnings.push(w),
      decision: () => Promise.resolve(undefined),
      entity: (key) => Promise.resolve(key === complaintTicketEntity.key ? complaintTicketEntity : undefined),
    });
    expect(check).toEqual([]);
    expect(warnings).toEqual([]);
    const statuses = Object.values(complaintHandlingFlow.record?.writes ?? {}).flatMap((w) => (w.status === undefined ? [] : [JSON.parse(w.status) as string]));
    expect(statuses.filter((s) => !COMPLAINT_STATUS_OPTIONS.some((o) => o.value === s))).toEqual([]);
  });

  it('gives every department queue and the supervisors a role of the example, with 2 business days before escalating', () => {
    const roles = new Set(bankCrmRoles.map((r) => r.key));
    for (const role of [...Object.values(COMPLAINT_DEPARTMENTS), DEFAULT_COMPLAINT_DEPARTMENT, 'service_supervisor']) expect(roles.has(role), role).toBe(true);
    for (const node of complaintHandlingFlow.nodes) {
      if (node.type !== 'approval') continue;
      expect(node.timeout).toEqual({ duration: 'P2D', businessCalendar: true, action: 'escalate', escalateTo: { role: 'service_supervisor' } });
    }
  });
});
