import { describe, expect, it } from 'vitest';
import type { FlowDefinition } from '../definition/flow-definition.js';
import { approval, edge, everyNodeType, loanApproval, node } from '../definition/sample-flows.js';
import { planInstanceMigration } from './migrate-instance.js';

function v(def: FlowDefinition, version: number): FlowDefinition {
  return { ...structuredClone(def), version };
}

describe('planInstanceMigration', () => {
  const v1 = v(loanApproval(), 1);

  it('maps waiting nodes that still exist with the same type', () => {
    const v2 = v(loanApproval(), 2);
    v2.nodes.push(approval('extra'));
    expect(planInstanceMigration(v1, v2, ['officerLarge', 'committee'])).toEqual({ ok: true, mapping: { officerLarge: 'officerLarge', committee: 'committee' } });
  });

  it('accepts an instance that waits on nothing', () => {
    expect(planInstanceMigration(v1, v(loanApproval(), 2), [])).toEqual({ ok: true, mapping: {} });
  });

  it('refuses when a waiting node was removed, naming it', () => {
    const v2 = v(loanApproval(), 2);
    v2.nodes = v2.nodes.filter((n) => n.id !== 'branchManager');
    const plan = planInstanceMigration(v1, v2, ['branchManager', 'officerSmall']);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.reasons).toHaveLength(1);
    expect(plan.reasons[0]).toMatchObject({ nodeId: 'branchManager' });
    expect(plan.reasons[0]?.message).toMatch(/version 2 removed/);
  });

  it('refuses when a waiting node changed type', () => {
    const v2 = v(loanApproval(), 2);
    v2.nodes = v2.nodes.map((n) => (n.id === 'officerSmall' ? node('officerSmall', 'timer', { duration: 'PT1H' }) : n));
    const plan = planInstanceMigration(v1, v2, ['officerSmall']);
    expect(plan).toEqual({ ok: false, reasons: [{ nodeId: 'officerSmall', message: expect.stringMatching(/approval node and is a timer node/) as unknown as string }] });
  });

  it('refuses when a waiting approval changed its mode', () => {
    const v2 = v(loanApproval(), 2);
    v2.nodes = v2.nodes.map((n) => (n.id === 'committee' ? approval('committee', { mode: 'all' }) : n));
    const plan = planInstanceMigration(v1, v2, ['committee']);
    expect(plan.ok).toBe(false);
  });

  it('refuses when a waiting subflow calls another flow', () => {
    const a = v(everyNodeType(), 1);
    const b = v(everyNodeType(), 2);
    b.nodes = b.nodes.map((n) => (n.type === 'subflow' ? { ...n, flowKey: 'other' } : n));
    expect(planInstanceMigration(a, b, ['sf']).ok).toBe(false);
    expect(planInstanceMigration(a, b, ['c', 't'])).toEqual({ ok: true, mapping: { c: 'c', t: 't' } });
  });

  it('refuses when a waiting join lost an incoming edge', () => {
    const a = v(everyNodeType(), 1);
    const b = v(everyNodeType(), 2);
    b.edges = b.edges.map((e) => (e.id === 'e6' ? { ...e, id: 'e6b' } : e));
    const plan = planInstanceMigration(a, b, ['j']);
    expect(plan).toMatchObject({ ok: false, reasons: [{ nodeId: 'j' }] });
    b.edges.push(edge('e6', 't', 'j'));
    expect(planInstanceMigration(a, b, ['j']).ok).toBe(true);
  });

  it('lists every blocking node, and refuses another flow', () => {
    const other = { ...v(loanApproval(), 2), key: 'card-application', nodes: [] };
    const plan = planInstanceMigration(v1, other, ['officerSmall', 'ghost', 'officerSmall']);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.reasons.map((r) => r.nodeId)).toEqual([undefined, 'officerSmall', 'ghost']);
  });
});
