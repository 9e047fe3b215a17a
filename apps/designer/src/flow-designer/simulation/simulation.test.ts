// @vitest-environment node
import { cnMainlandCalendar, loanApprovalFlow, loanScoringDecision } from '@bankforge/example-bank-crm';
import type { FlowDefinition, JsonValue } from '@bankforge/flow-engine';
import { describe, expect, it } from 'vitest';
import { byHandDecider, decisionRef, publishedDecider, type Decider } from './simulated-decisions.js';
import { INITIATOR, simulatedPerson } from './simulated-people.js';
import {
  advanceBusinessDays,
  answerCall,
  answerTask,
  businessDaysLater,
  nextDue,
  pendingCalls,
  simulationPath,
  startSimulation,
  taskDue,
  withdrawCase,
  type Simulation,
  type SimulationSetup,
} from './simulation.js';

const scoring = new Map<string, Decider>([[decisionRef('loan_scoring'), publishedDecider(loanScoringDecision, 1)]]);
const setup = (over: Partial<SimulationSetup> = {}): SimulationSetup => ({ flow: loanApprovalFlow, calendar: cnMainlandCalendar, deciders: scoring, holders: 3, ...over });
/** Friday 6 March 2026, 16:00 in Shanghai. */
const FRIDAY_4PM = '2026-03-06T08:00:00.000Z';
const loan = (amount: string, creditScore = 780): Record<string, JsonValue> => ({ amount, creditScore, annualIncome: '1500000', purpose: 'Workshop equipment' });

function started(variables: Record<string, JsonValue>, over: Partial<SimulationSetup> = {}, at = FRIDAY_4PM): Simulation {
  const result = startSimulation(setup(over), variables, at);
  if (result.simulation === undefined) throw new Error(result.refusal.message);
  return result.simulation;
}
const openTasks = (s: Simulation) => Object.entries(s.tasks).map(([id, t]) => ({ id, ...t }));

describe('a simulated loan case', () => {
  it('starts: the published scoring decision is evaluated here, the amount routes to one credit officer, whose task waits for any of the role', () => {
    const s = started(loan('300000'));
    const decided = s.events.find((e) => e.type === 'decided');
    expect(decided?.data).toMatchObject({ decisionKey: 'loan_scoring', decisionVersion: 1, outputs: { score: 100, recommendation: 'approve' } });
    expect(s.state.variables).toMatchObject({ score: 100, recommendation: 'approve' });
    expect(openTasks(s)).toEqual([
      { id: expect.any(String), nodeId: 'officerApproval', mayAct: ['credit_officer#1', 'credit_officer#2', 'credit_officer#3'], actions: ['approve', 'reject', 'return', 'delegate', 'comment'], editableFields: ['purpose'] },
    ]);
    // The officer's 48 hours run in calendar time: Sunday 16:00.
    expect(taskDue(s, openTasks(s)[0]!.id)).toBe('2026-03-08T08:00:00.000Z');
  });

  it('collects the path: the steps and edges taken, and the step the case waits at', () => {
    const path = simulationPath(started(loan('300000')));
    expect([...path.visitedNodes]).toEqual(['start', 'scoring', 'scoreCheck', 'amountCheck', 'officerApproval']);
    expect([...path.visitedEdges]).toEqual(['toScoring', 'toScoreCheck', 'scoreOk', 'smallLoan']);
    expect([...path.currentNodes]).toEqual(['officerApproval']);
  });

  it('answers a task as a stand-in credit officer: the case ends approved at "Approved", and nothing waits', () => {
    const s = started(loan('300000'));
    const task = openTasks(s)[0]!;
    const done = answerTask(s, { taskId: task.id, actor: 'credit_officer#2', action: 'approve', comment: 'Fine' });
    expect(done.refusal).toBeUndefined();
    expect(done.state).toMatchObject({ status: 'completed', outcome: 'approved' });
    expect(done.tasks).toEqual({});
    const path = simulationPath(done);
    expect(path.visitedNodes.has('approved')).toBe(true);
    expect(path.visitedEdges.has('officerApproved')).toBe(true);
    expect(path.currentNodes.size).toBe(0);
    expect(done.events.filter((e) => e.type === 'approved').map((e) => e.actor)).toEqual(['credit_officer#2']);
  });

  it('refuses what the engine refuses, changing nothing: the initiator approving their own case (maker-checker)', () => {
    const s = started(loan('300000'));
    const refused = answerTask(s, { taskId: openTasks(s)[0]!.id, actor: INITIATOR, action: 'approve' });
    expect(refused.refusal?.code).toBe('makerChecker');
    expect(refused.state).toBe(s.state);
    expect(refused.events).toBe(s.events);
    // The next accepted command clears it.
    expect(answerTask(refused, { taskId: openTasks(s)[0]!.id, actor: 'credit_officer#1', action: 'approve' }).refusal).toBeUndefined();
  });

  it('returns the case to the initiator, who resubmits it: it is scored and routed again', () => {
    const s = started(loan('300000'));
    const returned = answerTask(s, { taskId: openTasks(s)[0]!.id, actor: 'credit_officer#1', action: 'return', returnToNodeId: 'start', comment: 'Payslips, please' });
    const resubmit = openTasks(returned)[0]!;
    expect(resubmit).toMatchObject({ nodeId: 'start', mayAct: [INITIATOR], actions: ['approve', 'comment'] });
    const again = answerTask(returned, { taskId: resubmit.id, actor: INITIATOR, action: 'approve', fields: { amount: '200000' } });
    expect(again.state.variables.amount).toBe('200000');
    expect(openTasks(again).map((t) => t.nodeId)).toEqual(['officerApproval']);
    expect(again.events.filter((e) => e.type === 'decided')).toHaveLength(2);
  });

  it('ends a low score at the automatic rejection without a task', () => {
    const s = started(loan('300000', 400));
    expect(s.state).toMatchObject({ status: 'completed', outcome: 'rejected' });
    expect([...simulationPath(s).visitedEdges]).toContain('scoreTooLow');
  });

  it('lets the initiator withdraw while nobody has acted', () => {
    expect(withdrawCase(started(loan('300000'))).state.status).toBe('withdrawn');
  });

  it('refuses a start without a required variable', () => {
    const result = startSimulation(setup(), { amount: '300000' }, FRIDAY_4PM);
    expect(result.refusal).toMatchObject({ code: 'invalidPayload', message: 'variable creditScore is required' });
  });
});

describe('time in a simulated case', () => {
  it('advancing business days fires the committee timeout on the third business day: the head of risk takes over', () => {
    const s = started(loan('6000000'));
    const task = openTasks(s)[0]!;
    expect(task.nodeId).toBe('committeeApproval');
    // 3 business days from Friday 16:00: Wednesday 16:00, the weekend not counted.
    expect(taskDue(s, task.id)).toBe('2026-03-11T08:00:00.000Z');
    const twoDays = advanceBusinessDays(s, 2);
    expect(twoDays.now).toBe('2026-03-10T08:00:00.000Z');
    expect(twoDays.events.some((e) => e.type === 'escalated')).toBe(false);
    const third = advanceBusinessDays(twoDays, 1);
    const escalated = third.events.find((e) => e.type === 'escalated');
    expect(escalated?.at).toBe('2026-03-11T08:00:00.000Z');
    expect(escalated?.data).toEqual({ from: ['credit_committee#1', 'credit_committee#2', 'credit_committee#3'], to: ['head_of_risk#1', 'head_of_risk#2', 'head_of_risk#3'] });
    expect(third.tasks[task.id]?.mayAct).toEqual(['head_of_risk#1', 'head_of_risk#2', 'head_of_risk#3']);
    // A fresh deadline, three business days on.
    expect(taskDue(third, task.id)).toBe('2026-03-16T08:00:00.000Z');
  });

  it('fires a calendar-time timeout at its due time: the officer is escalated to their manager on Sunday', () => {
    const s = advanceBusinessDays(started(loan('300000')), 1);
    const escalated = s.events.find((e) => e.type === 'escalated');
    expect(escalated?.at).toBe('2026-03-08T08:00:00.000Z');
    expect(escalated?.data.to).toEqual(['manager:credit_officer#1', 'manager:credit_officer#2', 'manager:credit_officer#3']);
    expect(simulatedPerson('manager:credit_officer#2')).toEqual({ kind: 'manager', of: { kind: 'holder', role: 'credit_officer', n: 2 } });
    expect(s.now).toBe('2026-03-09T08:00:00.000Z');
  });

  it('counts the calendar’s holidays: a business day after Friday 3 April 2026 is Tuesday (Qingming)', () => {
    const s = started(loan('300000'), {}, '2026-04-03T02:00:00.000Z');
    expect(businessDaysLater(s, 1)).toBe('2026-04-07T02:00:00.000Z');
    // Without the server's calendar, days are calendar days.
    expect(businessDaysLater({ ...s, setup: setup({ calendar: undefined }) }, 1)).toBe('2026-04-04T02:00:00.000Z');
  });

  it('names the next deadline', () => {
    expect(nextDue(started(loan('300000')))).toEqual({ nodeId: 'officerApproval', dueAt: '2026-03-08T08:00:00.000Z', purpose: 'timeout' });
  });
});

describe('decisions and calls in a simulated case', () => {
  it('fails the case at an unpublished decision, in the server’s words', () => {
    const s = started(loan('300000'), { deciders: new Map() });
    expect(s.state).toMatchObject({ status: 'failed', error: 'decision loan_scoring failed at scoring: decision loan_scoring is not published' });
  });

  it('takes outputs entered by hand for a decision that is not published, marked so in the history', () => {
    const s = started(loan('300000'), { deciders: new Map([[decisionRef('loan_scoring'), byHandDecider({ score: 40, recommendation: 'decline' })]]) });
    expect(s.events.find((e) => e.type === 'decided')?.data).toMatchObject({ outputs: { score: 40, recommendation: 'decline' }, trace: { enteredByHand: true } });
    expect(s.state.outcome).toBe('rejected');
  });

  it('waits at a service step, sends nothing, and goes on when it is answered by hand', () => {
    const flow: FlowDefinition = {
      kind: 'flow',
      key: 'notify_core',
      title: 'Notify core banking',
      schemaVersion: 1,
      variables: [],
      nodes: [
        { id: 'start', type: 'start', name: { en: 'Start', 'zh-CN': '开始' } },
        { id: 'call', type: 'service', name: { en: 'Tell core banking', 'zh-CN': '通知核心' }, effect: 'http', config: { url: 'https://core.example/loans', method: 'POST' }, outputs: { ref: 'reference' } },
        { id: 'end', type: 'end', name: { en: 'Done', 'zh-CN': '完成' } },
      ],
      edges: [
        { id: 'e1', source: 'start', target: 'call' },
        { id: 'e2', source: 'call', target: 'end' },
      ],
    };
    const s = started({}, { flow: { ...flow, variables: [{ name: 'ref', type: 'string' }] } });
    const [call] = pendingCalls(s);
    expect(call).toMatchObject({ nodeId: 'call', kind: 'service' });
    const done = answerCall(s, call!.id, { ok: true, output: { reference: 'CB-1' } });
    expect(done.state).toMatchObject({ status: 'completed', variables: { ref: 'CB-1' } });
    expect([...simulationPath(done).visitedNodes]).toEqual(['start', 'call', 'end']);
  });
});
