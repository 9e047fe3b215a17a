import { describe, expect, it } from 'vitest';
import type { FlowDefinition } from '../definition/flow-definition.js';
import { approval, edge, node } from '../definition/sample-flows.js';
import type { Actor, FlowCommand } from '../engine/commands.js';
import { decodeEvent } from '../engine/events/event-encoding.js';
import type { FlowEvent } from '../engine/events/flow-event.js';
import type { StoredFlowEvent } from '../engine/events/stored-event.js';
import { execute } from '../engine/execute.js';
import type { FlowState } from '../engine/state/flow-state.js';
import { approvalTrail } from './approval-trail.js';

const user = (userId: string): Actor => ({ userId, roles: [] });

/** A command without its id (distributed over the union). */
type Cmd = FlowCommand extends infer C ? (C extends FlowCommand ? Omit<C, 'commandId'> : never) : never;

/** start → officer (o1) → manager (m1, all of m1 and m2) → end */
function twoStep(): FlowDefinition {
  return {
    kind: 'flow',
    key: 'loan',
    title: 'Loan',
    version: 1,
    schemaVersion: 1,
    variables: [{ name: 'amount', type: 'number' }],
    nodes: [
      node('start', 'start'),
      { ...approval('officer', { assignees: [{ kind: 'user', userId: 'o1' }], actions: ['approve', 'reject', 'return', 'delegate', 'comment'] }), name: { en: 'Credit officer', 'zh-CN': '信贷员' } },
      approval('manager', { assignees: [{ kind: 'user', userId: 'm1' }, { kind: 'user', userId: 'm2' }], mode: 'all', actions: ['approve', 'reject', 'return', 'addApprover'] }),
      node('end', 'end', { outcome: 'approved' }),
    ],
    edges: [edge('e1', 'start', 'officer'), edge('e2', 'officer', 'manager'), edge('e3', 'manager', 'end')],
  };
}

class Driver {
  state: FlowState | null = null;
  events: FlowEvent[] = [];
  private n = 0;
  private t = Date.parse('2025-03-03T09:00:00Z');
  constructor(private readonly def: FlowDefinition) {}

  run(command: Cmd): void {
    this.n++;
    this.t += 60_000;
    const result = execute(this.def, this.state, { ...command, commandId: `c${this.n}` } as FlowCommand, this.t, { history: this.events });
    this.state = result.state;
    this.events.push(...result.events);
  }

  task(nodeId: string): string {
    const t = this.state?.tasks?.find((x) => x.nodeId === nodeId);
    if (t === undefined) throw new Error(`no open task at ${nodeId}`);
    return t.id;
  }
}

describe('approvalTrail with the engine', () => {
  it('lists who did what, in order, with comments and times', () => {
    const d = new Driver(twoStep());
    d.run({ type: 'start', actor: user('ini'), variables: { amount: 100 } });
    d.run({ type: 'completeTask', taskId: d.task('officer'), actor: user('o1'), action: 'delegate', delegateTo: 'o2', comment: 'on leave' });
    d.run({ type: 'completeTask', taskId: d.task('officer'), actor: user('o2'), action: 'approve', comment: 'documents complete' });
    d.run({ type: 'completeTask', taskId: d.task('manager'), actor: user('m1'), action: 'return', returnToNodeId: 'officer', comment: 'check income' });
    d.run({ type: 'completeTask', taskId: d.task('officer'), actor: user('o1'), action: 'approve' });
    d.run({ type: 'completeTask', taskId: d.task('manager'), actor: user('m1'), action: 'approve' });
    d.run({ type: 'completeTask', taskId: d.task('manager'), actor: user('m2'), action: 'approve', comment: 'ok' });

    const trail = approvalTrail(d.events, twoStep());
    expect(trail.map((t) => [t.action, t.actor, t.nodeId])).toEqual([
      ['started', 'ini', undefined],
      ['delegated', 'o1', 'officer'],
      ['approved', 'o2', 'officer'],
      ['returned', 'm1', 'manager'],
      ['approved', 'o1', 'officer'],
      ['approved', 'm1', 'manager'],
      ['approved', 'm2', 'manager'],
      ['completed', undefined, undefined],
    ]);
    expect(trail[1]).toMatchObject({ users: ['o2'], comment: 'on leave' });
    expect(trail[2]?.text.en).toBe('o2 approved at "Credit officer": "documents complete"');
    expect(trail[2]?.text['zh-CN']).toBe('o2 同意（信贷员）：“documents complete”');
    expect(trail[3]).toMatchObject({ detail: 'officer', comment: 'check income' });
    expect(trail[7]).toMatchObject({ detail: 'approved' });
    const times = trail.map((t) => Date.parse(t.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(trail.map((t) => t.seq)).toEqual([...trail.map((t) => t.seq)].sort((a, b) => a - b));
  });

  it('names people by the names it is given, keeping their ids in the entries', () => {
    const d = new Driver(twoStep());
    d.run({ type: 'start', actor: user('ini'), variables: { amount: 100 } });
    d.run({ type: 'completeTask', taskId: d.task('officer'), actor: user('o1'), action: 'delegate', delegateTo: 'o2' });
    const names: Record<string, string> = { ini: '王芳', o1: '张伟', o2: '刘洋' };
    const trail = approvalTrail(d.events, twoStep(), (id) => names[id] ?? id);
    expect(trail[0]).toMatchObject({ actor: 'ini', text: { en: '王芳 started the case', 'zh-CN': '王芳 发起了申请' } });
    expect(trail[1]).toMatchObject({ actor: 'o1', users: ['o2'], text: { en: '张伟 delegated at "Credit officer" to 刘洋', 'zh-CN': '张伟 转办给 刘洋（信贷员）' } });
  });

  it('shows a rejection and the end of the case', () => {
    const d = new Driver(twoStep());
    d.run({ type: 'start', actor: user('ini') });
    d.run({ type: 'completeTask', taskId: d.task('officer'), actor: user('o1'), action: 'reject', comment: 'income too low' });
    const trail = approvalTrail(d.events);
    expect(trail.map((t) => t.action)).toEqual(['started', 'rejected', expect.stringMatching(/completed|terminated/)]);
    expect(trail[1]).toMatchObject({ actor: 'o1', nodeId: 'officer', comment: 'income too low' });
    expect(trail[1]?.text.en).toBe('o1 rejected at officer: "income too low"');
  });

  it('shows a withdrawal by the initiator', () => {
    const d = new Driver(twoStep());
    d.run({ type: 'start', actor: user('ini') });
    d.run({ type: 'withdraw', actor: user('ini'), comment: 'wrong amount' });
    const trail = approvalTrail(d.events);
    expect(trail.at(-1)).toMatchObject({ action: 'withdrawn', actor: 'ini', comment: 'wrong amount' });
  });
});

describe('approvalTrail from recorded events', () => {
  const at = (m: number): string => `2025-03-03T09:${String(m).padStart(2, '0')}:00.000Z`;
  // as a server stores them
  const stored: StoredFlowEvent[] = [
    { seq: 1, at: at(0), cmd: 'c1', actor: 'ini', type: 'started', data: { def: 'loan', ver: 1, id: 'i1', ini: { userId: 'ini' }, vars: {} } },
    { seq: 2, at: at(0), cmd: 'c1', nodeId: 'officer', type: 'entered', data: { tok: 't2' } },
    { seq: 3, at: at(0), cmd: 'c1', nodeId: 'officer', taskId: 'k3', type: 'taskCreated', data: { tok: 't2', who: ['o1'] } },
    { seq: 4, at: at(1), cmd: 'c2', actor: 'ini', taskId: 'k3', type: 'notified', data: { kind: 'urge', to: ['o1'] } },
    { seq: 5, at: at(2), cmd: 'c3', taskId: 'k3', type: 'escalated', data: { from: ['o1'], to: ['bm1'] } },
    { seq: 6, at: at(3), cmd: 'c4', actor: 'bm1', taskId: 'k3', comment: 'looking', type: 'commented', data: {} },
    { seq: 7, at: at(4), cmd: 'c5', actor: 'bm1', taskId: 'k3', type: 'approverAdded', data: { u: 'c1', p: 'before', by: 'bm1' } },
    { seq: 8, at: at(5), cmd: 'c6', actor: 'bm1', taskId: 'k3', type: 'authorityRouted', data: { to: ['d1'], by: 'bm1', limit: 5000000 } },
    { seq: 9, at: at(6), cmd: 'c7', taskId: 'k3', type: 'approved', data: { u: 'd1', auto: 1 } },
    { seq: 10, at: at(6), cmd: 'c7', taskId: 'k3', type: 'taskClosed', data: { r: 'approved', auto: 1 } },
    { seq: 11, at: at(6), cmd: 'c7', nodeId: 'cc', type: 'notified', data: { kind: 'cc', to: ['m1'], template: 't' } },
    { seq: 12, at: at(7), cmd: 'c8', taskId: 'k13', nodeId: 'manager', type: 'taskClosed', data: { r: 'rejected', auto: 1 } },
    { seq: 13, at: at(8), cmd: 'c9', actor: 'root', comment: 'duplicate case', type: 'ended', data: { st: 'cancelled' } },
  ];
  const events: FlowEvent[] = stored.map(decodeEvent);

  it('covers urge, escalation, comments, add-approver, authority routing, automatic decisions, cc and cancel', () => {
    const trail = approvalTrail(events);
    expect(trail.map((t) => [t.seq, t.action, t.actor ?? null, t.nodeId ?? null])).toEqual([
      [1, 'started', 'ini', null],
      [4, 'urged', 'ini', 'officer'],
      [5, 'escalated', null, 'officer'],
      [6, 'commented', 'bm1', 'officer'],
      [7, 'approverAdded', 'bm1', 'officer'],
      [8, 'authorityRouted', 'bm1', 'officer'],
      [9, 'autoApproved', null, 'officer'],
      [11, 'copied', null, 'cc'],
      [12, 'autoRejected', null, 'manager'],
      [13, 'cancelled', 'root', null],
    ]);
    expect(trail[2]?.users).toEqual(['bm1']);
    expect(trail[3]?.text.en).toBe('bm1 commented at officer: "looking"');
    expect(trail[4]?.text.en).toBe('bm1 added c1 as an approver before them at officer');
    expect(trail[9]?.text['zh-CN']).toBe('root 取消了申请：“duplicate case”');
  });

  it('says a case went back to its initiator (退回发起人) and was resubmitted (重新提交)', () => {
    const returned: StoredFlowEvent[] = [
      { seq: 1, at: at(0), cmd: 'c1', actor: 'rm1', type: 'started', data: { def: 'loan', ver: 1, id: 'i1', ini: { userId: 'rm1' }, vars: {} } },
      { seq: 2, at: at(0), cmd: 'c1', nodeId: 'officer', taskId: 'k2', type: 'taskCreated', data: { tok: 't1', who: ['o1'] } },
      { seq: 3, at: at(1), cmd: 'c2', actor: 'o1', nodeId: 'officer', taskId: 'k2', comment: 'payslips missing', type: 'taskClosed', data: { r: 'returned', to: 'start', ini: 1 } },
      { seq: 4, at: at(1), cmd: 'c2', nodeId: 'start', taskId: 'k4', type: 'taskCreated', data: { tok: 't1', who: ['rm1'] } },
      { seq: 5, at: at(2), cmd: 'c3', actor: 'rm1', nodeId: 'start', taskId: 'k4', type: 'taskClosed', data: { r: 'resubmitted' } },
    ];
    const trail = approvalTrail(returned.map(decodeEvent));
    expect(trail.map((t) => [t.seq, t.action, t.actor, t.nodeId, t.detail, t.users])).toEqual([
      [1, 'started', 'rm1', undefined, undefined, undefined],
      [3, 'returned', 'o1', 'officer', 'start', ['rm1']],
      [5, 'resubmitted', 'rm1', 'start', undefined, undefined],
    ]);
    expect(trail[1]?.text).toEqual({ en: 'o1 returned the case at officer to the initiator: "payslips missing"', 'zh-CN': 'o1 退回发起人（officer）：“payslips missing”' });
    expect(trail[2]?.text).toEqual({ en: 'rm1 resubmitted the case', 'zh-CN': 'rm1 重新提交了申请' });
  });

  it('is empty for no events', () => {
    expect(approvalTrail([])).toEqual([]);
  });
});
