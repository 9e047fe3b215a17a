import { describe, expect, it } from 'vitest';
import type { FlowDefinition } from '../definition/flow-definition.js';
import { approval, edge, everyNodeType, loanApproval, node } from '../definition/sample-flows.js';
import { execute } from '../engine/execute.js';
import { replay } from '../engine/events/apply-event.js';
import { decodeEvent, encodeEvent } from '../engine/events/event-encoding.js';
import type { FlowEvent } from '../engine/events/flow-event.js';
import { approvalTrail } from '../history/approval-trail.js';
import { migrateInstance, planInstanceMigration, waitingNodeIds } from './migrate-instance.js';

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
    expect(plan.reasons[0]).toMatchObject({ code: 'removedStep', nodeId: 'branchManager' });
    expect(plan.reasons[0]?.message).toMatch(/version 2 removed/);
  });

  it('refuses when a waiting node changed type', () => {
    const v2 = v(loanApproval(), 2);
    v2.nodes = v2.nodes.map((n) => (n.id === 'officerSmall' ? node('officerSmall', 'timer', { duration: 'PT1H' }) : n));
    const plan = planInstanceMigration(v1, v2, ['officerSmall']);
    expect(plan).toEqual({ ok: false, reasons: [{ code: 'stepTypeChanged', nodeId: 'officerSmall', message: expect.stringMatching(/approval node and is a timer node/) as unknown as string }] });
  });

  it('refuses when a waiting approval changed its mode', () => {
    const v2 = v(loanApproval(), 2);
    v2.nodes = v2.nodes.map((n) => (n.id === 'committee' ? approval('committee', { mode: 'all' }) : n));
    const plan = planInstanceMigration(v1, v2, ['committee']);
    expect(plan).toMatchObject({ ok: false, reasons: [{ code: 'approvalModeChanged', nodeId: 'committee' }] });
  });

  it('refuses when a waiting subflow calls another flow', () => {
    const a = v(everyNodeType(), 1);
    const b = v(everyNodeType(), 2);
    b.nodes = b.nodes.map((n) => (n.type === 'subflow' ? { ...n, flowKey: 'other' } : n));
    expect(planInstanceMigration(a, b, ['sf'])).toMatchObject({ ok: false, reasons: [{ code: 'subflowChanged', nodeId: 'sf' }] });
    expect(planInstanceMigration(a, b, ['c', 't'])).toEqual({ ok: true, mapping: { c: 'c', t: 't' } });
  });

  it('refuses when a waiting join lost an incoming edge', () => {
    const a = v(everyNodeType(), 1);
    const b = v(everyNodeType(), 2);
    b.edges = b.edges.map((e) => (e.id === 'e6' ? { ...e, id: 'e6b' } : e));
    const plan = planInstanceMigration(a, b, ['j']);
    expect(plan).toMatchObject({ ok: false, reasons: [{ code: 'joinPathRemoved', nodeId: 'j' }] });
    b.edges.push(edge('e6', 't', 'j'));
    expect(planInstanceMigration(a, b, ['j']).ok).toBe(true);
  });

  it('lists every blocking node, and refuses another flow', () => {
    const other = { ...v(loanApproval(), 2), key: 'card-application', nodes: [] };
    const plan = planInstanceMigration(v1, other, ['officerSmall', 'ghost', 'officerSmall']);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.reasons.map((r) => [r.code, r.nodeId])).toEqual([['otherFlow', undefined], ['removedStep', 'officerSmall'], ['unknownStep', 'ghost']]);
  });
});

describe('migrateInstance', () => {
  // start -> review -> end; version 2 adds a second review after the first.
  const base = (version: number, second: boolean): FlowDefinition => ({
    kind: 'flow',
    key: 'review',
    title: 'Review',
    schemaVersion: 1,
    version,
    variables: [],
    nodes: [node('start', 'start'), approval('review'), ...(second ? [approval('second')] : []), node('end', 'end', { outcome: 'approved' })],
    edges: second ? [edge('e1', 'start', 'review'), edge('e2', 'review', 'second'), edge('e3', 'second', 'end')] : [edge('e1', 'start', 'review'), edge('e2', 'review', 'end')],
  });
  const v1 = base(1, false);
  const v2 = base(2, true);
  const directory = { usersInRole: () => ['co'], usersInRoleAtBranch: () => [], managerOf: () => undefined };
  const ini = { userId: 'rm', roles: ['relationship_manager'] };
  const co = { userId: 'co', roles: ['credit_officer'] };
  const started = execute(v1, null, { type: 'start', commandId: 's', actor: ini, variables: {} }, '2026-12-01T01:00:00Z', { directory });
  const taskId = started.state.tasks![0]!.id;

  it('moves a case waiting at a node version 2 keeps, with one migrated event, and the case then runs version 2', () => {
    expect(waitingNodeIds(started.state)).toEqual(['review']);
    const moved = migrateInstance(v1, v2, started.state, { commandId: 'm', actor: 'admin', at: '2026-12-01T02:00:00Z' });
    if (!moved.ok) throw new Error(JSON.stringify(moved.reasons));
    expect(moved.events).toEqual([expect.objectContaining({ type: 'migrated', seq: started.state.lastSeq + 1, actor: 'admin', data: { fromVersion: 1, toVersion: 2 } })]);
    expect(moved.state.definitionVersion).toBe(2);
    expect(started.state.definitionVersion).toBe(1);
    // The old version refuses the next command; the new one runs it, through its new step.
    expect(() => execute(v1, moved.state, { type: 'completeTask', commandId: 'a', taskId, actor: co, action: 'approve' }, '2026-12-01T03:00:00Z', { directory })).toThrow(/v2/);
    const approved = execute(v2, moved.state, { type: 'completeTask', commandId: 'a', taskId, actor: co, action: 'approve' }, '2026-12-01T03:00:00Z', { directory });
    expect(approved.state.status).toBe('running');
    expect(approved.state.tasks?.map((t) => t.nodeId)).toEqual(['second']);
    // The history replays to the same state, and the event survives its stored form.
    const history: FlowEvent[] = [...started.events, ...moved.events, ...approved.events];
    expect(replay(v2, history)).toEqual(approved.state);
    expect(decodeEvent(JSON.parse(JSON.stringify(encodeEvent(moved.events[0]!))))).toEqual(moved.events[0]);
    const trail = approvalTrail(history, v2, (u) => u.toUpperCase());
    expect(trail.find((t) => t.action === 'migrated')?.text).toEqual({ en: 'ADMIN moved the case from version 1 to version 2 of the flow', 'zh-CN': 'ADMIN 将申请从流程第 1 版迁移到第 2 版' });
  });

  it('refuses a case waiting at a node the new version removed, an ended case, and the version it already runs', () => {
    const v3 = { ...base(3, true), nodes: base(3, true).nodes.filter((n) => n.id !== 'review'), edges: [edge('e1', 'start', 'second'), edge('e3', 'second', 'end')] };
    const removed = migrateInstance(v1, v3, started.state, { commandId: 'm', actor: 'admin', at: '2026-12-01T02:00:00Z' });
    expect(removed).toEqual({ ok: false, reasons: [expect.objectContaining({ nodeId: 'review' })] });
    expect(migrateInstance(v1, v1, started.state, { commandId: 'm', actor: 'admin', at: '2026-12-01T02:00:00Z' })).toMatchObject({ ok: false, reasons: [{ code: 'sameVersion' }] });
    const done = execute(v1, started.state, { type: 'completeTask', commandId: 'a', taskId, actor: co, action: 'approve' }, '2026-12-01T03:00:00Z', { directory });
    expect(migrateInstance(v1, v2, done.state, { commandId: 'm', actor: 'admin', at: '2026-12-01T04:00:00Z' })).toEqual({ ok: false, reasons: [{ code: 'ended', message: 'the instance has ended (completed)' }] });
  });
});
