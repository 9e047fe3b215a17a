import { describe, expect, it } from 'vitest';
import { actor, approval, Case, chain, directory, e, flow, n } from './harness.test.js';
import type { Directory } from './context.js';
import { execute } from './execute.js';
import { COMMAND_WINDOW } from './state/flow-state.js';
import { decodeState } from './state/state-encoding.js';

const committee = [{ kind: 'role', role: 'committee' }];

/** start → a (approval, reject edge to `rework`) → end; rework → end2. */
function withRejectEdge(extra: Record<string, unknown> = {}) {
  return flow(
    [n('start', 'start'), approval('a', { rejectEdge: 'a-rework', ...extra }), n('end', 'end'), approval('rework', { assignees: [{ kind: 'user', userId: 'o2' }] }), n('declined', 'end', { outcome: 'rejected' })],
    [e('start', 'a'), e('a', 'end'), e('a', 'rework'), e('rework', 'declined')],
  );
}

describe('reject edge', () => {
  it('a rejection follows the reject edge instead of ending the case', () => {
    const c = new Case(withRejectEdge());
    c.start();
    c.act(c.task('a').id, 'o1', 'reject', { comment: 'missing payslips' });
    expect(c.state?.st).toBe('running');
    expect(c.task('rework').who).toEqual(['o2']);
    expect(c.effects('closeTask')).toEqual([{ type: 'closeTask', taskId: expect.any(String) as string, result: 'rejected' }]);
    c.approve('rework', 'o2');
    expect(c.state).toMatchObject({ st: 'completed', out: 'rejected' });
  });

  it('an approval still takes the normal edge', () => {
    const c = new Case(withRejectEdge());
    c.start();
    c.approve('a', 'o1');
    expect(c.state).toMatchObject({ st: 'completed', out: 'approved' });
  });

  it('autoReject on timeout follows the reject edge too', () => {
    const c = new Case(withRejectEdge({ timeout: { duration: 'PT1H', action: 'autoReject' } }));
    c.start();
    c.fire('timeout');
    expect(c.task('rework').n).toBe('rework');
  });
});

describe('reject votes by mode', () => {
  it('percentage 2 of 3: one reject leaves the vote open, a second decides it', () => {
    const c = new Case(chain([approval('a', { assignees: committee, mode: 'percentage', percentage: 66.67 })]));
    c.start();
    const id = c.task('a').id;
    c.act(id, 'c1', 'reject');
    expect(c.state?.st).toBe('running');
    expect(c.task('a')).toMatchObject({ who: ['c2', 'c3'], no: ['c1'], req: 2 });
    expect(c.effects('updateTask')[0]?.assignees).toEqual(['c2', 'c3']);
    c.rejects({ type: 'completeTask', taskId: id, actor: actor('c1'), action: 'approve' }, 'notAssignee');
    c.act(id, 'c2', 'reject');
    expect(c.state).toMatchObject({ st: 'completed', out: 'rejected' });
  });

  it('percentage 2 of 3: one reject and two approvals approve', () => {
    const c = new Case(chain([approval('a', { assignees: committee, mode: 'percentage', percentage: 66.67 })]));
    c.start();
    c.act(c.task('a').id, 'c2', 'reject');
    c.approve('a', 'c1');
    expect(c.state?.st).toBe('running');
    c.approve('a', 'c3');
    expect(c.state).toMatchObject({ st: 'completed', out: 'approved' });
  });

  it('percentage 100%: the first reject decides', () => {
    const c = new Case(chain([approval('a', { assignees: committee, mode: 'percentage', percentage: 100 })]));
    c.start();
    c.act(c.task('a').id, 'c3', 'reject');
    expect(c.state?.out).toBe('rejected');
  });

  it('all (会签): any reject decides, even after approvals', () => {
    const c = new Case(chain([approval('a', { assignees: committee, mode: 'all' })]));
    c.start();
    c.approve('a', 'c1');
    c.approve('a', 'c2');
    c.act(c.task('a').id, 'c3', 'reject');
    expect(c.state?.out).toBe('rejected');
  });

  it('any (或签): the first action decides, a reject as well as an approval', () => {
    const c = new Case(chain([approval('a', { assignees: committee, mode: 'any' })]));
    c.start();
    c.act(c.task('a').id, 'c2', 'reject');
    expect(c.state?.out).toBe('rejected');
  });

  it('sequential (依次): the reject of whoever is on turn decides', () => {
    const c = new Case(chain([approval('a', { assignees: committee, mode: 'sequential' })]));
    c.start();
    c.approve('a', 'c1');
    c.act(c.task('a').id, 'c2', 'reject');
    expect(c.state?.out).toBe('rejected');
  });
});

describe('escalation', () => {
  const chainOfManagers: Record<string, string> = { c1: 'boss', c2: 'boss', c3: 'mgr3', o1: 'bm1', bm1: 'd1', boss: 'ceo' };
  const dir: Directory = { ...directory, managerOf: (u, levels) => (levels === 1 ? chainOfManagers[u] : undefined) };
  const escalate = { duration: 'PT48H', action: 'escalate', escalateTo: { manager: true } };

  it('gives the escalated task a fresh deadline, so a manager who sits on it is escalated one level further', () => {
    const c = new Case(chain([approval('a', { timeout: escalate })]));
    c.start();
    c.fire('timeout');
    expect(c.task('a')).toMatchObject({ who: ['bm1'], esc: 1 });
    const timer = c.state?.timers?.find((t) => t.p === 'timeout');
    expect(timer?.due).toBe('2025-01-10T09:00:00.000Z');
    c.fire('timeout');
    expect(c.task('a')).toMatchObject({ who: ['d1'], esc: 2 });
  });

  it('two committee members escalated to one manager: the 2-of-3 still needs two different people', () => {
    const c = new Case(chain([approval('a', { assignees: committee, mode: 'percentage', percentage: 66.67, timeout: escalate })]), { directory: dir });
    c.start();
    c.fire('timeout');
    // c1 and c2 both report to boss; c3's manager mgr3 takes c3's seat
    expect(c.task('a').who).toEqual(['boss', 'mgr3']);
    c.approve('a', 'boss');
    expect(c.state?.st).toBe('running');
    c.approve('a', 'mgr3');
    expect(c.state).toMatchObject({ st: 'completed', out: 'approved' });
  });

  it('when escalation leaves fewer people than required, every remaining person must approve', () => {
    const c = new Case(chain([approval('a', { assignees: [{ kind: 'user', userId: 'c1' }, { kind: 'user', userId: 'c2' }, { kind: 'user', userId: 'c3' }], mode: 'percentage', percentage: 66.67, timeout: escalate })]), { directory: dir });
    c.start();
    c.approve('a', 'c3');
    c.fire('timeout');
    expect(c.task('a')).toMatchObject({ who: ['boss'], ok: ['c3'], req: 2 });
    c.approve('a', 'boss');
    expect(c.state?.out).toBe('approved');
  });
});

describe('processed command ids', () => {
  it(`keeps only the last ${COMMAND_WINDOW} in the state; the history still catches older repeats`, () => {
    const def = chain([approval('a')]);
    const c = new Case(def);
    c.start();
    const taskId = c.task('a').id;
    for (let i = 0; i < COMMAND_WINDOW + 4; i++) c.act(taskId, 'o1', 'comment', { commandId: `note${i}`, comment: `note ${i}` });
    const ids = Object.keys(c.state?.cmds ?? {});
    expect(ids).toHaveLength(COMMAND_WINDOW);
    expect(ids).not.toContain('note0');
    expect(ids).toContain(`note${COMMAND_WINDOW + 3}`);
    expect(Buffer.byteLength(JSON.stringify(c.state))).toBeLessThan(2048);
    const repeat = { type: 'completeTask' as const, commandId: 'note0', taskId, actor: actor('o1'), action: 'comment' as const, comment: 'note 0' };
    const live = c.state === null ? null : decodeState(c.state);
    const again = execute(def, live, repeat, c.now, { directory, history: c.events });
    expect(again.state).toBe(live);
    expect(again.events).toHaveLength(1);
    expect(again.events[0]).toMatchObject({ type: 'commented', comment: 'note 0' });
    // a recent repeat is caught from the state alone
    const recent = execute(def, live, { ...repeat, commandId: `note${COMMAND_WINDOW + 3}` }, c.now, { directory });
    expect(recent.duplicate).toBeDefined();
  });
});
