/**
 * Scenario tests of the loan-approval example: the real flow engine (`execute`) drives
 * `loanApprovalFlow` through every path, with `loanScoringDecision` evaluated by the real rule
 * engine. After every command the events are replayed and must reproduce the state.
 */
import {
  addBusinessDuration,
  approvalTrail,
  decodeState,
  encodeEvent,
  encodeState,
  execute,
  flowKind,
  replay,
  validateFlowDefinition,
  type Actor,
  type DecisionAnswer,
  type Directory,
  type ExecuteContext,
  type ExecuteResult,
  type FlowCommand,
  type FlowEffect,
  type FlowEvent,
  type FlowState,
  type JsonValue,
  type StoredFlowEvent,
  type StoredFlowState,
  type TaskAction,
} from '@bankforge/flow-engine';
import { compileDecisionModel, fromFeelValue } from '@bankforge/rule-engine';
import { describe, expect, it } from 'vitest';
import {
  LOAN_SCORE_THRESHOLD,
  LOAN_SCORING_DECISION_NAME,
  loanApprovalFlow,
  loanScoringDecision,
} from './loan-approval.js';
import * as bankCrm from '../index.js';
import { cnMainlandCalendar } from '../calendars/cn-mainland.js';
import { loanApplicationEntity } from '../entities/loan-application.js';

// ---------------------------------------------------------------------------------------------
// The bank: users, roles, branches, managers
// ---------------------------------------------------------------------------------------------

interface User {
  roles: string[];
  branch: string;
  manager?: string;
}

const USERS: Record<string, User> = {
  // Relationship managers who submit applications, in two branches.
  rm1: { roles: ['relationship_manager'], branch: 'sh01', manager: 'bm_sh' },
  rm2: { roles: ['relationship_manager'], branch: 'bj01', manager: 'bm_bj' },
  // Credit officers (head office); co1 also submits applications for customers.
  co1: { roles: ['credit_officer'], branch: 'hq', manager: 'cm1' },
  co2: { roles: ['credit_officer'], branch: 'hq', manager: 'cm1' },
  cm1: { roles: ['credit_manager'], branch: 'hq', manager: 'cro' },
  // Branch managers, one per branch.
  bm_sh: { roles: ['branch_manager'], branch: 'sh01', manager: 'rd1' },
  bm_bj: { roles: ['branch_manager'], branch: 'bj01', manager: 'rd1' },
  rd1: { roles: ['regional_director'], branch: 'hq', manager: 'cro' },
  // The credit committee.
  cc1: { roles: ['credit_committee'], branch: 'hq', manager: 'cro' },
  cc2: { roles: ['credit_committee'], branch: 'hq', manager: 'cro' },
  cc3: { roles: ['credit_committee'], branch: 'hq', manager: 'cro' },
  cro: { roles: ['chief_risk_officer'], branch: 'hq' },
  // The head of risk, who takes over a committee vote left for 3 business days.
  hr1: { roles: ['head_of_risk'], branch: 'hq', manager: 'cro' },
  root: { roles: ['admin'], branch: 'hq' },
};

const directory: Directory = {
  usersInRole: (role) => Object.keys(USERS).filter((u) => USERS[u]?.roles.includes(role) === true),
  usersInRoleAtBranch: (role, branch) =>
    Object.keys(USERS).filter((u) => USERS[u]?.roles.includes(role) === true && USERS[u]?.branch === branch),
  managerOf: (userId, levels) => {
    let u: string | undefined = userId;
    for (let i = 0; i < levels && u !== undefined; i++) u = USERS[u]?.manager;
    return u;
  },
};

function actor(userId: string): Actor {
  const user = USERS[userId];
  if (user === undefined) return { userId };
  const chain: string[] = [];
  for (let m = user.manager; m !== undefined; m = USERS[m]?.manager) chain.push(m);
  return { userId, roles: user.roles, branch: user.branch, managerChain: chain, admin: user.roles.includes('admin') };
}

// ---------------------------------------------------------------------------------------------
// The decision, evaluated by the rule engine
// ---------------------------------------------------------------------------------------------

const scoringModel = compileDecisionModel(loanScoringDecision);

function isJsonObject(v: unknown): v is Record<string, JsonValue> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const decisionCalls: { key: string; inputs: Record<string, JsonValue> }[] = [];

function decide(decisionKey: string, inputs: Record<string, JsonValue>): DecisionAnswer {
  if (decisionKey !== loanScoringDecision.key) throw new Error(`unknown decision ${decisionKey}`);
  decisionCalls.push({ key: decisionKey, inputs });
  const result = fromFeelValue(scoringModel.evaluate(LOAN_SCORING_DECISION_NAME, inputs).value);
  if (!isJsonObject(result)) throw new Error(`decision ${decisionKey} did not return a context`);
  return { outputs: result };
}

/** The server's business calendar: mainland China (2025 lists no holidays, so its weekdays all count). */
const context: ExecuteContext = { directory, decide, addBusinessDuration: (from, duration) => addBusinessDuration(cnMainlandCalendar, from, duration) };

// ---------------------------------------------------------------------------------------------
// Driving one case
// ---------------------------------------------------------------------------------------------

const T0 = Date.parse('2025-03-03T09:00:00Z');
const HOUR = 3_600_000;
const iso = (ms: number): string => new Date(ms).toISOString();
/** A time as the flow writes it into the record (FEEL's date and time: whole seconds without a fraction). */
const written = (ms: number): string => iso(ms).replace('.000Z', 'Z');

type CommandInput = FlowCommand extends infer C
  ? C extends FlowCommand
    ? Omit<C, 'commandId'> & { commandId?: string }
    : never
  : never;
type CompleteExtra = Partial<Extract<FlowCommand, { type: 'completeTask' }>>;

class LoanCase {
  /** The stored form of the state (what the server keeps between commands). */
  state: StoredFlowState | null = null;
  readonly events: FlowEvent[] = [];
  /** The stored state after each command (for replaying prefixes). */
  readonly states: StoredFlowState[] = [];
  last: ExecuteResult | undefined;
  now = T0;
  private n = 0;

  run(cmd: CommandInput): ExecuteResult {
    const command = { commandId: `cmd${++this.n}`, ...cmd } as FlowCommand;
    const r = execute(loanApprovalFlow, this.live(), command, this.now, context);
    this.state = encodeState(r.state);
    this.events.push(...r.events);
    this.states.push(this.state);
    this.last = r;
    for (const e of r.events) expect(e.commandId).toBe(command.commandId);
    expect(encodeState(replay(loanApprovalFlow, this.events))).toEqual(this.state);
    return r;
  }

  /** The state as the engine takes it (decoded from the stored form). */
  live(): FlowState | null {
    return this.state === null ? null : decodeState(this.state);
  }

  start(variables: Record<string, JsonValue>, by = 'rm1'): ExecuteResult {
    return this.run({ type: 'start', actor: actor(by), variables, subject: 'LA-2025-0001' });
  }

  /** The open task on `nodeId` (throws when none). */
  taskId(nodeId: string): string {
    const t = this.state?.tasks?.find((x) => x.n === nodeId);
    if (t === undefined) throw new Error(`no open task on ${nodeId}; open: ${JSON.stringify(this.state?.tasks ?? [])}`);
    return t.id;
  }

  act(nodeId: string, userId: string, action: TaskAction, extra: CompleteExtra = {}): ExecuteResult {
    return this.run({ type: 'completeTask', taskId: this.taskId(nodeId), actor: actor(userId), action, ...extra });
  }

  /** The command is refused with `code`, and neither the state nor the event list changes. */
  refuses(cmd: CommandInput, code: string): void {
    const before = structuredClone(this.state);
    const command = { commandId: `bad${++this.n}`, ...cmd } as FlowCommand;
    expect(() => execute(loanApprovalFlow, this.live(), command, this.now, context)).toThrowError(
      expect.objectContaining({ name: 'FlowCommandError', code }) as Error,
    );
    expect(this.state).toEqual(before);
  }

  refusesAct(nodeId: string, userId: string, action: TaskAction, code: string, extra: CompleteExtra = {}): void {
    this.refuses({ type: 'completeTask', taskId: this.taskId(nodeId), actor: actor(userId), action, ...extra }, code);
  }

  /** The timer of `purpose` on `nodeId`, fired at `at` (epoch ms). */
  fire(nodeId: string, at: number): ExecuteResult {
    const t = this.state?.timers?.find((x) => x.n === nodeId && x.p === 'timeout');
    if (t === undefined) throw new Error(`no timeout timer on ${nodeId}`);
    expect(Date.parse(t.due)).toBe(at);
    this.now = at;
    return this.run({ type: 'timerFired', timerId: t.id });
  }

  get status(): string | undefined {
    return this.state?.st;
  }

  get outcome(): string | undefined {
    return this.state?.out;
  }
}

/** An event as the server stores it (what the payload assertions below are written against). */
function stored(e: FlowEvent | undefined): StoredFlowEvent | undefined {
  return e === undefined ? undefined : encodeEvent(e);
}

/** `type@node` of each event: a compact, exact picture of what a command did. */
function steps(events: readonly FlowEvent[]): string[] {
  return events.map((e) => (e.nodeId === undefined ? e.type : `${e.type}@${e.nodeId}`));
}

function effectsOf<T extends FlowEffect['type']>(r: ExecuteResult, type: T): Extract<FlowEffect, { type: T }>[] {
  return r.effects.filter((x): x is Extract<FlowEffect, { type: T }> => x.type === type);
}

/** Who did what on which node, in order (from the approval trail; the scoring's own line aside). */
function trailOf(c: LoanCase): string[] {
  return approvalTrail(c.events, loanApprovalFlow).filter((t) => t.action !== 'decided').map((t) =>
    [t.action, t.actor ?? '-', t.nodeId ?? '-', t.detail ?? ''].join(' ').trimEnd(),
  );
}

/** Applicants: the score is credit points (60/45/25/0) plus loan-to-income points (40/25/10/0). */
const strong = { creditScore: 780, annualIncome: 2_000_000 }; // 60 + (ratio ≤ 3 → 40, up to 6M) = 100
const weak = { creditScore: 520, annualIncome: 100_000 }; // 0 + (ratio > 10 above 1M) = 0

const startSteps = ['started', 'entered@start', 'entered@scoring', 'decided@scoring', 'varsSet@scoring', 'entered@scoreCheck', 'entered@amountCheck'];

// ---------------------------------------------------------------------------------------------
// The artifacts
// ---------------------------------------------------------------------------------------------

describe('loan-approval artifacts', () => {
  it('the flow passes the validator, and the decision compiles without diagnostics', () => {
    expect(validateFlowDefinition(loanApprovalFlow)).toEqual([]);
    expect(scoringModel.diagnostics).toEqual([]);
    expect(loanApprovalFlow).toMatchObject({ kind: 'flow', key: 'loan_approval', entity: 'loan_application', schemaVersion: 1 });
    expect(JSON.parse(JSON.stringify(loanApprovalFlow))).toEqual(loanApprovalFlow);
    expect(JSON.parse(JSON.stringify(loanScoringDecision))).toEqual(loanScoringDecision);
    for (const node of loanApprovalFlow.nodes) {
      expect(node.name.en).not.toBe('');
      expect(node.name['zh-CN']).not.toBe('');
    }
  });

  it('the officer and branch manager tasks escalate to the manager after 48 hours; the committee to the head of risk after 3 business days', () => {
    const approvals = loanApprovalFlow.nodes.filter((n) => n.type === 'approval');
    expect(approvals.map((n) => n.id)).toEqual(['officerApproval', 'officerReview', 'branchManagerApproval', 'committeeApproval']);
    for (const a of approvals.slice(0, 3)) {
      expect(a.timeout).toEqual({ duration: 'PT48H', action: 'escalate', escalateTo: { manager: true } });
    }
    expect(approvals[3]?.timeout).toEqual({ duration: 'P3D', businessCalendar: true, action: 'escalate', escalateTo: { role: 'head_of_risk' } });
  });

  it('credit officers return to the initiator; the branch manager to the credit officer; the committee does not return', () => {
    const returnTo = Object.fromEntries(loanApprovalFlow.nodes.flatMap((n) => (n.type === 'approval' ? [[n.id, n.actions.includes('return') ? (n.returnTo ?? 'previous') : 'no return']] : [])));
    expect(returnTo).toEqual({ officerApproval: 'initiator', officerReview: 'initiator', branchManagerApproval: 'previous', committeeApproval: 'no return' });
  });

  it('is bound to its loan application: what it reads, what only it writes, and when', () => {
    expect(loanApprovalFlow.record).toEqual({
      variables: { amount: 'amount', creditScore: 'credit_score', annualIncome: 'annual_income', purpose: 'purpose' },
      controlledFields: ['status', 'approved_amount', 'decided_at', 'decided_by', 'submitted_at'],
      writes: {
        started: { status: '"submitted"', submitted_at: 'at' },
        returned: { status: '"returned"' },
        resubmitted: { status: '"submitted"' },
        approved: { status: '"approved"', approved_amount: 'amount', decided_at: 'at', decided_by: 'actor' },
        rejected: { status: '"rejected"', decided_at: 'at', decided_by: 'if actor = initiator then null else actor' },
        withdrawn: { status: '"withdrawn"' },
      },
    });
  });

  it('binds fields its entity has, and writes statuses the entity offers', async () => {
    const warnings: unknown[] = [];
    const check = await flowKind.check(loanApprovalFlow, {
      stage: 'publish',
      warn: (w) => warnings.push(w),
      decision: (key) => Promise.resolve(key === loanScoringDecision.key ? { ...loanScoringDecision, version: 1 } : undefined),
      entity: (key) => Promise.resolve(key === loanApplicationEntity.key ? loanApplicationEntity : undefined),
    });
    expect(check).toEqual([]);
    expect(warnings).toEqual([]);
    const status = loanApplicationEntity.fields.find((f) => f.key === 'status');
    const options = (status?.options ?? []).map((o) => o.value);
    const statuses = Object.values(loanApprovalFlow.record?.writes ?? {}).flatMap((w) => (w.status === undefined ? [] : [JSON.parse(w.status) as string]));
    expect(statuses.filter((x) => !options.includes(x))).toEqual([]);
  });

  it('is exported from the package entry point', () => {
    expect(bankCrm.loanApprovalFlow).toBe(loanApprovalFlow);
    expect(bankCrm.loanScoringDecision).toBe(loanScoringDecision);
  });

  it.each([
    [{ CreditScore: 780, AnnualIncome: 300_000, Amount: 400_000 }, 100, 'approve'],
    [{ CreditScore: 700, AnnualIncome: 300_000, Amount: 1_500_000 }, 70, 'approve'],
    [{ CreditScore: 600, AnnualIncome: 300_000, Amount: 1_500_000 }, 50, 'review'],
    [{ CreditScore: 600, AnnualIncome: 300_000, Amount: 2_400_000 }, 35, 'decline'],
    [{ CreditScore: 520, AnnualIncome: 100_000, Amount: 2_000_000 }, 0, 'decline'],
  ])('scores %o as %d (%s)', (inputs, score, recommendation) => {
    expect(decide(loanScoringDecision.key, inputs).outputs).toEqual({ score, recommendation });
  });
});

// ---------------------------------------------------------------------------------------------
// The paths
// ---------------------------------------------------------------------------------------------

describe('loan approval: scoring', () => {
  it('auto-rejects a low score without opening a task', () => {
    const c = new LoanCase();
    const calls = decisionCalls.length;
    const r = c.start({ amount: 2_000_000, ...weak, purpose: 'working capital' });
    expect(decisionCalls.slice(calls)).toEqual([
      { key: 'loan_scoring', inputs: { CreditScore: 520, AnnualIncome: 100_000, Amount: 2_000_000 } },
    ]);
    expect(steps(r.events)).toEqual([...startSteps.slice(0, 6), 'entered@autoRejected', 'left@autoRejected', 'ended']);
    expect(stored(r.events.find((e) => e.type === 'varsSet'))?.data).toEqual({ vars: { score: 0, recommendation: 'decline' } });
    expect(stored(r.events.find((e) => e.type === 'entered' && e.nodeId === 'autoRejected'))?.data).toMatchObject({ e: 'scoreTooLow' });
    expect(stored(r.events.at(-1))?.data).toEqual({ st: 'completed', out: 'rejected' });
    expect(r.effects).toEqual([
      { type: 'updateRecord', milestone: 'started', values: { status: 'submitted', submitted_at: written(T0) } },
      // Rejected by the score in the RM's own start command: nobody is named as the decider.
      { type: 'updateRecord', milestone: 'rejected', values: { status: 'rejected', decided_at: written(T0), decided_by: null } },
      {
        type: 'instanceEnded',
        status: 'completed',
        outcome: 'rejected',
        variables: { amount: 2_000_000, creditScore: 520, annualIncome: 100_000, purpose: 'working capital', score: 0, recommendation: 'decline' },
      },
    ]);
    expect(c.status).toBe('completed');
    expect(c.outcome).toBe('rejected');
    expect(c.state?.tasks).toBeUndefined();
    expect(trailOf(c)).toEqual(['started rm1 -', 'completed - - rejected']);
    expect(approvalTrail(c.events, loanApprovalFlow).find((t) => t.action === 'decided')?.text.en).toBe('loan_scoring decided at "Score applicant": score 0, recommendation decline');
  });

  it(`a score of exactly ${LOAN_SCORE_THRESHOLD} goes on to a human`, () => {
    const c = new LoanCase();
    c.start({ amount: 1_500_000, creditScore: 600, annualIncome: 300_000 });
    expect(c.state?.vars).toMatchObject({ score: 50, recommendation: 'review' });
    expect(c.state?.tasks?.map((t) => t.n)).toEqual(['officerReview']);
  });

  it.each([
    [500_000, 'officerApproval'],
    [500_001, 'officerReview'],
    [5_000_000, 'officerReview'],
    [5_000_001, 'committeeApproval'],
  ])('routes an amount of %d to %s', (amount, nodeId) => {
    const c = new LoanCase();
    const r = c.start({ amount, ...strong });
    expect(c.state?.tasks?.map((t) => t.n)).toEqual([nodeId]);
    expect(steps(r.events)).toEqual([...startSteps, `entered@${nodeId}`, `taskCreated@${nodeId}`, `timerSet@${nodeId}`]);
  });
});

describe('loan approval: up to 500,000', () => {
  it('routes an amount given as exact decimal text (as records carry money) like the number', () => {
    const asNumber = new LoanCase().start({ amount: 300_000, ...strong });
    const asText = new LoanCase().start({ amount: '300000.00', ...strong });
    expect(asText.effects.find((e) => e.type === 'createTask')).toMatchObject({ nodeId: 'officerApproval' });
    expect(asText.state.variables.score).toBe(asNumber.state.variables.score);
  });

  it('one credit officer approves', () => {
    const c = new LoanCase();
    const r1 = c.start({ amount: 300_000, ...strong });
    expect(r1.effects).toEqual([
      { type: 'updateRecord', milestone: 'started', values: { status: 'submitted', submitted_at: written(T0) } },
      {
        type: 'createTask',
        taskId: 'k9',
        nodeId: 'officerApproval',
        assignees: ['co1', 'co2'],
        mode: 'single',
        actions: ['approve', 'reject', 'return', 'delegate', 'comment'],
        formKey: 'loan_application',
        editableFields: ['purpose'],
        dueAt: iso(T0 + 48 * HOUR),
      },
      { type: 'scheduleTimer', timerId: 'm10', nodeId: 'officerApproval', dueAt: iso(T0 + 48 * HOUR), purpose: 'timeout', duration: 'PT48H' },
    ]);

    c.now = T0 + 2 * HOUR;
    const r2 = c.act('officerApproval', 'co2', 'approve', { comment: 'documents complete', fields: { purpose: 'home renovation' } });
    expect(steps(r2.events)).toEqual([
      'varsSet@officerApproval',
      'approved@officerApproval',
      'taskClosed@officerApproval',
      'entered@approved',
      'left@approved',
      'ended',
    ]);
    expect(stored(r2.events[1])).toMatchObject({ actor: 'co2', taskId: 'k9', comment: 'documents complete', data: { u: 'co2', b: 1, x: 1 } });
    expect(r2.effects).toEqual([
      { type: 'cancelTimer', timerId: 'm10' },
      { type: 'closeTask', taskId: 'k9', result: 'approved' },
      { type: 'updateRecord', milestone: 'approved', values: { status: 'approved', approved_amount: 300_000, decided_at: written(T0 + 2 * HOUR), decided_by: 'co2' } },
      {
        type: 'instanceEnded',
        status: 'completed',
        outcome: 'approved',
        variables: { amount: 300_000, creditScore: 780, annualIncome: 2_000_000, purpose: 'home renovation', score: 100, recommendation: 'approve' },
      },
    ]);
    expect(c.status).toBe('completed');
    expect(c.outcome).toBe('approved');
    expect(trailOf(c)).toEqual(['started rm1 -', 'approved co2 officerApproval', 'completed - - approved']);

    // The case is over: the other officer can no longer act.
    c.refuses({ type: 'completeTask', taskId: 'k9', actor: actor('co1'), action: 'approve' }, 'instanceEnded');
  });

  it('a credit officer rejects', () => {
    const c = new LoanCase();
    c.start({ amount: 300_000, ...strong });
    const r = c.act('officerApproval', 'co1', 'reject', { comment: 'income not verified' });
    expect(steps(r.events)).toEqual(['taskClosed@officerApproval', 'ended']);
    expect(stored(r.events[0])).toMatchObject({ actor: 'co1', comment: 'income not verified', data: { r: 'rejected' } });
    expect(r.effects.map((e) => e.type)).toEqual(['cancelTimer', 'closeTask', 'updateRecord', 'instanceEnded']);
    expect(effectsOf(r, 'updateRecord')).toEqual([{ type: 'updateRecord', milestone: 'rejected', values: { status: 'rejected', decided_at: written(T0), decided_by: 'co1' } }]);
    expect(effectsOf(r, 'instanceEnded')[0]).toMatchObject({ status: 'completed', outcome: 'rejected' });
    expect(trailOf(c)).toEqual(['started rm1 -', 'rejected co1 officerApproval', 'completed - - rejected']);
  });
});

describe('loan approval: up to 5,000,000', () => {
  it('a credit officer, then the branch manager of the initiator’s branch, approve', () => {
    const c = new LoanCase();
    c.start({ amount: 2_000_000, ...strong });
    expect(c.state?.tasks).toEqual([{ id: 'k9', n: 'officerReview', tok: 't2', who: ['co1', 'co2'], all: ['co1', 'co2'] }]);

    c.now = T0 + HOUR;
    const r2 = c.act('officerReview', 'co1', 'approve', { comment: 'collateral checked' });
    expect(steps(r2.events)).toEqual([
      'approved@officerReview',
      'taskClosed@officerReview',
      'entered@branchManagerApproval',
      'taskCreated@branchManagerApproval',
      'timerSet@branchManagerApproval',
    ]);
    const bmTask = c.taskId('branchManagerApproval');
    expect(r2.effects).toEqual([
      { type: 'cancelTimer', timerId: 'm10' },
      { type: 'closeTask', taskId: 'k9', result: 'approved' },
      {
        type: 'createTask',
        taskId: bmTask,
        nodeId: 'branchManagerApproval',
        assignees: ['bm_sh'],
        mode: 'single',
        actions: ['approve', 'reject', 'return', 'delegate', 'addApprover', 'comment'],
        formKey: 'loan_application',
        dueAt: iso(T0 + 49 * HOUR),
      },
      { type: 'scheduleTimer', timerId: 'm15', nodeId: 'branchManagerApproval', dueAt: iso(T0 + 49 * HOUR), purpose: 'timeout', duration: 'PT48H' },
    ]);

    // Only the initiator's branch manager: the Beijing manager is not an assignee.
    c.refusesAct('branchManagerApproval', 'bm_bj', 'approve', 'notAssignee');

    c.now = T0 + 3 * HOUR;
    const r3 = c.act('branchManagerApproval', 'bm_sh', 'approve', { comment: 'approved' });
    expect(steps(r3.events)).toEqual(['approved@branchManagerApproval', 'taskClosed@branchManagerApproval', 'entered@approved', 'left@approved', 'ended']);
    expect(effectsOf(r3, 'instanceEnded')[0]).toMatchObject({ status: 'completed', outcome: 'approved' });
    expect(c.state?.path).toEqual(['officerReview', 'branchManagerApproval']);
    expect(c.state?.appr).toEqual([
      ['co1', 'officerReview'],
      ['bm_sh', 'branchManagerApproval'],
    ]);
    expect(trailOf(c)).toEqual([
      'started rm1 -',
      'approved co1 officerReview',
      'approved bm_sh branchManagerApproval',
      'completed - - approved',
    ]);
  });

  it('a case from another branch goes to that branch’s manager', () => {
    const c = new LoanCase();
    c.start({ amount: 2_000_000, ...strong }, 'rm2');
    c.act('officerReview', 'co2', 'approve');
    expect(c.state?.tasks?.[0]).toMatchObject({ n: 'branchManagerApproval', who: ['bm_bj'] });
    c.refusesAct('branchManagerApproval', 'bm_sh', 'approve', 'notAssignee');
    c.act('branchManagerApproval', 'bm_bj', 'approve');
    expect(c.outcome).toBe('approved');
  });

  it('the branch manager rejects', () => {
    const c = new LoanCase();
    c.start({ amount: 4_000_000, ...strong });
    c.act('officerReview', 'co1', 'approve');
    const bmTask = c.taskId('branchManagerApproval');
    const r = c.act('branchManagerApproval', 'bm_sh', 'reject', { comment: 'exposure to the sector too high' });
    expect(steps(r.events)).toEqual(['taskClosed@branchManagerApproval', 'ended']);
    expect(stored(r.events[0])).toMatchObject({ actor: 'bm_sh', taskId: bmTask, comment: 'exposure to the sector too high', data: { r: 'rejected' } });
    expect(stored(r.events[1])?.data).toEqual({ st: 'completed', out: 'rejected' });
    expect(r.effects).toEqual([
      { type: 'cancelTimer', timerId: 'm15' },
      { type: 'closeTask', taskId: bmTask, result: 'rejected' },
      { type: 'updateRecord', milestone: 'rejected', values: { status: 'rejected', decided_at: written(T0), decided_by: 'bm_sh' } },
      {
        type: 'instanceEnded',
        status: 'completed',
        outcome: 'rejected',
        variables: { amount: 4_000_000, creditScore: 780, annualIncome: 2_000_000, score: 100, recommendation: 'approve' },
      },
    ]);
    expect(c.outcome).toBe('rejected');
    expect(approvalTrail(c.events, loanApprovalFlow).at(-2)?.text).toEqual({
      en: 'bm_sh rejected at "Branch manager approval": "exposure to the sector too high"',
      'zh-CN': 'bm_sh 驳回（支行行长审批）：“exposure to the sector too high”',
    });
    expect(trailOf(c)).toEqual([
      'started rm1 -',
      'approved co1 officerReview',
      'rejected bm_sh branchManagerApproval',
      'completed - - rejected',
    ]);
  });

  it('the branch manager returns the case to the credit officer, who approves again', () => {
    const c = new LoanCase();
    c.start({ amount: 2_000_000, ...strong });
    c.act('officerReview', 'co1', 'approve');
    const r = c.act('branchManagerApproval', 'bm_sh', 'return', { comment: 'add the valuation report' });
    expect(steps(r.events)).toEqual(['taskClosed@branchManagerApproval', 'entered@officerReview', 'taskCreated@officerReview', 'timerSet@officerReview']);
    expect(stored(r.events[0])?.data).toEqual({ r: 'returned', to: 'officerReview' });
    expect(c.state?.tasks?.[0]).toMatchObject({ n: 'officerReview', who: ['co1', 'co2'] });
    c.act('officerReview', 'co1', 'approve', { comment: 'valuation attached' });
    c.act('branchManagerApproval', 'bm_sh', 'approve');
    expect(c.outcome).toBe('approved');
    expect(trailOf(c)).toEqual([
      'started rm1 -',
      'approved co1 officerReview',
      'returned bm_sh branchManagerApproval officerReview',
      'approved co1 officerReview',
      'approved bm_sh branchManagerApproval',
      'completed - - approved',
    ]);
  });

  it('distinct approvers: the officer who reviewed cannot also approve as the delegate of the branch manager', () => {
    const c = new LoanCase();
    c.start({ amount: 2_000_000, ...strong });
    c.act('officerReview', 'co1', 'approve');
    const r = c.act('branchManagerApproval', 'bm_sh', 'delegate', { delegateTo: 'co1', comment: 'on leave' });
    expect(r.effects).toEqual([{ type: 'updateTask', taskId: c.taskId('branchManagerApproval'), assignees: ['co1'] }]);
    c.refusesAct('branchManagerApproval', 'co1', 'approve', 'alreadyApproved');
    expect(c.status).toBe('running');
  });
});

describe('loan approval: above 5,000,000 (credit committee, 2 of 3)', () => {
  it('two of the three members approve', () => {
    const c = new LoanCase();
    const r1 = c.start({ amount: 8_000_000, ...strong });
    expect(effectsOf(r1, 'createTask')[0]).toMatchObject({ nodeId: 'committeeApproval', assignees: ['cc1', 'cc2', 'cc3'], mode: 'percentage', actions: ['approve', 'reject', 'comment'] });
    expect(c.state?.vars).toMatchObject({ score: 85, recommendation: 'approve' });

    c.now = T0 + HOUR;
    const r2 = c.act('committeeApproval', 'cc1', 'approve', { comment: 'agree' });
    expect(steps(r2.events)).toEqual(['approved@committeeApproval']);
    expect(stored(r2.events[0])?.data).toEqual({ u: 'cc1', b: 1 });
    expect(r2.effects).toEqual([{ type: 'updateTask', taskId: 'k9', assignees: ['cc2', 'cc3'] }]);
    expect(c.state?.tasks?.[0]).toMatchObject({ who: ['cc2', 'cc3'], all: ['cc1', 'cc2', 'cc3'], ok: ['cc1'] });
    // cc1 counted once.
    c.refusesAct('committeeApproval', 'cc1', 'approve', 'alreadyApproved');

    c.now = T0 + 2 * HOUR;
    const r3 = c.act('committeeApproval', 'cc3', 'approve', { comment: 'agree, with covenants' });
    expect(steps(r3.events)).toEqual(['approved@committeeApproval', 'taskClosed@committeeApproval', 'entered@approved', 'left@approved', 'ended']);
    expect(r3.effects).toEqual([
      { type: 'cancelTimer', timerId: 'm10' },
      { type: 'closeTask', taskId: 'k9', result: 'approved' },
      { type: 'updateRecord', milestone: 'approved', values: { status: 'approved', approved_amount: 8_000_000, decided_at: written(T0 + 2 * HOUR), decided_by: 'cc3' } },
      {
        type: 'instanceEnded',
        status: 'completed',
        outcome: 'approved',
        variables: { amount: 8_000_000, creditScore: 780, annualIncome: 2_000_000, score: 85, recommendation: 'approve' },
      },
    ]);
    expect(trailOf(c)).toEqual([
      'started rm1 -',
      'approved cc1 committeeApproval',
      'approved cc3 committeeApproval',
      'completed - - approved',
    ]);
    // cc2 never had to act.
    c.refuses({ type: 'completeTask', taskId: 'k9', actor: actor('cc2'), action: 'approve' }, 'instanceEnded');
  });

  it('one reject leaves the 2-of-3 vote open while two approvals can still be reached; the second reject decides', () => {
    const c = new LoanCase();
    c.start({ amount: 12_000_000, creditScore: 700, annualIncome: 2_000_000 });
    c.act('committeeApproval', 'cc1', 'approve');
    const r = c.act('committeeApproval', 'cc2', 'reject', { comment: 'concentration risk' });
    expect(steps(r.events)).toEqual(['voteRejected@committeeApproval']);
    expect(c.outcome).toBeUndefined();
    const last = c.act('committeeApproval', 'cc3', 'reject');
    expect(steps(last.events)).toEqual(['taskClosed@committeeApproval', 'ended']);
    expect(stored(last.events[1])?.data).toEqual({ st: 'completed', out: 'rejected' });
    expect(c.outcome).toBe('rejected');
    expect(trailOf(c)).toEqual([
      'started rm1 -',
      'approved cc1 committeeApproval',
      'rejected cc2 committeeApproval',
      'rejected cc3 committeeApproval',
      'completed - - rejected',
    ]);
  });
});

describe('loan approval: timeouts (48 hours; the committee 3 business days)', () => {
  it('an officer task left for 48 hours escalates to the officers’ manager, who approves', () => {
    const c = new LoanCase();
    c.start({ amount: 300_000, ...strong });
    const r = c.fire('officerApproval', T0 + 48 * HOUR);
    expect(steps(r.events)).toEqual(['timerDone@officerApproval', 'escalated@officerApproval', 'notified@officerApproval', 'timerSet@officerApproval']);
    expect(r.events.map((e) => encodeEvent(e).data)).toEqual([
      { id: 'm10', fired: 1 },
      { from: ['co1', 'co2'], to: ['cm1'] },
      { kind: 'escalate', to: ['cm1'] },
      { timer: { id: 'm14', n: 'officerApproval', due: new Date(T0 + 96 * HOUR).toISOString(), p: 'timeout', task: 'k9' } },
    ]);
    // the escalated task gets a fresh 48-hour deadline (escalating further if cm1 sits on it too)
    expect(r.effects).toEqual([
      { type: 'notify', kind: 'escalate', to: ['cm1'], nodeId: 'officerApproval', taskId: 'k9' },
      { type: 'updateTask', taskId: 'k9', assignees: ['cm1'] },
      { type: 'scheduleTimer', timerId: 'm14', nodeId: 'officerApproval', dueAt: new Date(T0 + 96 * HOUR).toISOString(), purpose: 'timeout', duration: 'PT48H' },
    ]);
    expect(c.state?.tasks).toEqual([{ id: 'k9', n: 'officerApproval', tok: 't2', who: ['cm1'], all: ['cm1'], esc: 1 }]);
    expect(c.state?.timers?.map((t) => t.id)).toEqual(['m14']);

    // The officers are off the task now.
    c.refusesAct('officerApproval', 'co1', 'approve', 'notAssignee');
    c.now = T0 + 50 * HOUR;
    c.act('officerApproval', 'cm1', 'approve', { comment: 'approved on escalation' });
    expect(c.outcome).toBe('approved');
    expect(trailOf(c)).toEqual([
      'started rm1 -',
      'escalated - officerApproval',
      'approved cm1 officerApproval',
      'completed - - approved',
    ]);
    expect(approvalTrail(c.events, loanApprovalFlow).find((t) => t.action === 'escalated')?.users).toEqual(['cm1']);
  });

  it('a branch manager task left for 48 hours escalates to the regional director', () => {
    const c = new LoanCase();
    c.start({ amount: 2_000_000, ...strong });
    c.now = T0 + HOUR;
    c.act('officerReview', 'co2', 'approve');
    const r = c.fire('branchManagerApproval', T0 + 49 * HOUR);
    expect(r.events.find((e) => e.type === 'escalated')?.data).toEqual({ from: ['bm_sh'], to: ['rd1'] });
    c.act('branchManagerApproval', 'rd1', 'approve');
    expect(c.outcome).toBe('approved');
    expect(trailOf(c)).toEqual([
      'started rm1 -',
      'approved co2 officerReview',
      'escalated - branchManagerApproval',
      'approved rd1 branchManagerApproval',
      'completed - - approved',
    ]);
  });

  it('after 3 business days the head of risk takes over the committee members who have not voted', () => {
    const c = new LoanCase();
    // Monday 17:00 in Shanghai: due Thursday 17:00 (2025 lists no holidays: weekdays count)
    const r1 = c.start({ amount: 8_000_000, ...strong });
    expect(effectsOf(r1, 'scheduleTimer')).toEqual([
      { type: 'scheduleTimer', timerId: 'm10', nodeId: 'committeeApproval', dueAt: iso(T0 + 72 * HOUR), purpose: 'timeout', duration: 'P3D', businessCalendar: true },
    ]);
    c.act('committeeApproval', 'cc1', 'approve');
    const r = c.fire('committeeApproval', T0 + 72 * HOUR);
    expect(r.events.find((e) => e.type === 'escalated')?.data).toEqual({ from: ['cc2', 'cc3'], to: ['hr1'] });
    expect(c.state?.tasks?.[0]).toMatchObject({ who: ['hr1'], all: ['cc1', 'hr1'], ok: ['cc1'] });
    c.act('committeeApproval', 'hr1', 'approve');
    expect(c.outcome).toBe('approved');
  });

  it('the committee’s 3 business days skip the weekend and the Spring Festival', () => {
    const c = new LoanCase();
    c.now = Date.parse('2026-02-13T02:00:00Z'); // Friday 13 February 2026, 10:00 in Shanghai
    c.start({ amount: 8_000_000, ...strong });
    // the make-up Saturday 14 February counts; 15-23 February (the Spring Festival) do not
    expect(c.state?.timers?.[0]).toMatchObject({ n: 'committeeApproval', due: '2026-02-25T02:00:00.000Z' });
  });
});

describe('loan approval: maker-checker and withdraw', () => {
  it('a credit officer who submits the case is not an assignee and cannot approve it', () => {
    const c = new LoanCase();
    const r = c.start({ amount: 300_000, ...strong }, 'co1');
    expect(effectsOf(r, 'createTask')[0]?.assignees).toEqual(['co2']);
    c.refusesAct('officerApproval', 'co1', 'approve', 'makerChecker');
    c.refusesAct('officerApproval', 'co1', 'reject', 'makerChecker');
    // Nor can they hand it to themselves through a colleague.
    c.refusesAct('officerApproval', 'co2', 'delegate', 'makerChecker', { delegateTo: 'co1' });
    c.act('officerApproval', 'co2', 'approve');
    expect(c.outcome).toBe('approved');
    expect(trailOf(c)).toEqual(['started co1 -', 'approved co2 officerApproval', 'completed - - approved']);
  });

  it('the initiator withdraws before anyone acts', () => {
    const c = new LoanCase();
    c.start({ amount: 2_000_000, ...strong });
    c.refuses({ type: 'withdraw', actor: actor('co1') }, 'notInitiator');
    c.now = T0 + HOUR;
    const r = c.run({ type: 'withdraw', actor: actor('rm1'), comment: 'customer changed their mind' });
    expect(steps(r.events)).toEqual(['ended']);
    expect(stored(r.events[0])).toMatchObject({ actor: 'rm1', comment: 'customer changed their mind', data: { st: 'withdrawn' } });
    expect(r.effects).toEqual([
      { type: 'cancelTask', taskId: 'k9' },
      { type: 'cancelTimer', timerId: 'm10' },
      { type: 'updateRecord', milestone: 'withdrawn', values: { status: 'withdrawn' } },
      {
        type: 'instanceEnded',
        status: 'withdrawn',
        variables: { amount: 2_000_000, creditScore: 780, annualIncome: 2_000_000, score: 100, recommendation: 'approve' },
      },
    ]);
    expect(c.status).toBe('withdrawn');
    expect(c.outcome).toBeUndefined();
    expect(trailOf(c)).toEqual(['started rm1 -', 'withdrawn rm1 -']);
    c.refuses({ type: 'completeTask', taskId: 'k9', actor: actor('co1'), action: 'approve' }, 'instanceEnded');
  });

  it('the initiator can no longer withdraw once an officer has approved', () => {
    const c = new LoanCase();
    c.start({ amount: 2_000_000, ...strong });
    c.act('officerReview', 'co1', 'approve');
    c.refuses({ type: 'withdraw', actor: actor('rm1') }, 'withdrawNotAllowed');
  });
});

describe('loan approval: returned to the relationship manager (退回发起人)', () => {
  it('a credit officer returns the case for documents; the RM amends the record and resubmits, and the larger amount goes to the committee', () => {
    const c = new LoanCase();
    c.start({ amount: 2_000_000, ...strong, purpose: 'equipment' });
    c.now = T0 + HOUR;
    const r = c.act('officerReview', 'co1', 'return', { comment: 'attach the equipment invoices' });
    expect(steps(r.events)).toEqual(['taskClosed@officerReview', 'entered@start', 'taskCreated@start']);
    expect(stored(r.events[0])?.data).toEqual({ r: 'returned', to: 'start', ini: 1 });
    const resubmitTask = c.taskId('start');
    expect(r.effects).toEqual([
      { type: 'cancelTimer', timerId: 'm10' },
      { type: 'closeTask', taskId: 'k9', result: 'returned' },
      { type: 'updateRecord', milestone: 'returned', values: { status: 'returned' } },
      { type: 'createTask', taskId: resubmitTask, nodeId: 'start', assignees: ['rm1'], mode: 'single', actions: ['approve', 'comment'], editableFields: ['amount', 'creditScore', 'annualIncome', 'purpose'] },
    ]);
    // only the relationship manager acts on it, and only to resubmit (or withdraw the case)
    c.refusesAct('start', 'co1', 'approve', 'notAssignee');
    c.refusesAct('start', 'bm_sh', 'approve', 'notAssignee');
    c.refusesAct('start', 'rm1', 'reject', 'actionNotAllowed');

    // the RM adds two machines to the application (6,000,000) and resubmits what the record now says
    c.now = T0 + 26 * HOUR;
    const fields = { amount: '6000000.00', creditScore: 780, annualIncome: '2000000.00', purpose: 'equipment (3 machines)' };
    const r2 = c.act('start', 'rm1', 'approve', { comment: 'invoices attached; two more machines', fields });
    expect(steps(r2.events)).toEqual([
      'varsSet@start',
      'taskClosed@start',
      'entered@scoring',
      'decided@scoring',
      'varsSet@scoring',
      'entered@scoreCheck',
      'entered@amountCheck',
      'entered@committeeApproval',
      'taskCreated@committeeApproval',
      'timerSet@committeeApproval',
    ]);
    expect(effectsOf(r2, 'updateRecord')).toEqual([{ type: 'updateRecord', milestone: 'resubmitted', values: { status: 'submitted' } }]);
    expect(effectsOf(r2, 'createTask')[0]).toMatchObject({ nodeId: 'committeeApproval', assignees: ['cc1', 'cc2', 'cc3'] });
    expect(c.state?.vars).toMatchObject({ ...fields, score: 100, recommendation: 'approve' });

    c.act('committeeApproval', 'cc1', 'approve');
    c.now = T0 + 28 * HOUR;
    const r3 = c.act('committeeApproval', 'cc2', 'approve');
    expect(effectsOf(r3, 'updateRecord')).toEqual([
      { type: 'updateRecord', milestone: 'approved', values: { status: 'approved', approved_amount: 6_000_000, decided_at: written(T0 + 28 * HOUR), decided_by: 'cc2' } },
    ]);
    expect(trailOf(c)).toEqual([
      'started rm1 -',
      'returned co1 officerReview start',
      'resubmitted rm1 start',
      'approved cc1 committeeApproval',
      'approved cc2 committeeApproval',
      'completed - - approved',
    ]);
    const trail = approvalTrail(c.events, loanApprovalFlow).filter((t) => t.action !== 'decided');
    expect(trail[1]?.text).toEqual({
      en: 'co1 returned the case at "Credit officer review" to the initiator: "attach the equipment invoices"',
      'zh-CN': 'co1 退回发起人（信贷员审核）：“attach the equipment invoices”',
    });
    expect(trail[2]?.text).toEqual({ en: 'rm1 resubmitted the case: "invoices attached; two more machines"', 'zh-CN': 'rm1 重新提交了申请：“invoices attached; two more machines”' });
  });

  it('the RM withdraws the returned case', () => {
    const c = new LoanCase();
    c.start({ amount: 300_000, ...strong });
    c.act('officerApproval', 'co2', 'return');
    const resubmitTask = c.taskId('start');
    const r = c.run({ type: 'withdraw', actor: actor('rm1'), comment: 'the customer will reapply next year' });
    expect(r.effects).toEqual([
      { type: 'cancelTask', taskId: resubmitTask },
      { type: 'updateRecord', milestone: 'withdrawn', values: { status: 'withdrawn' } },
      { type: 'instanceEnded', status: 'withdrawn', variables: { amount: 300_000, creditScore: 780, annualIncome: 2_000_000, score: 100, recommendation: 'approve' } },
    ]);
    expect(trailOf(c)).toEqual(['started rm1 -', 'returned co2 officerApproval start', 'withdrawn rm1 -']);
  });

  it('the branch manager returns to the credit officer only, never to the RM', () => {
    const c = new LoanCase();
    c.start({ amount: 2_000_000, ...strong });
    c.act('officerReview', 'co1', 'approve');
    c.refusesAct('branchManagerApproval', 'bm_sh', 'return', 'invalidReturnTarget', { returnToNodeId: 'start' });
    // a plain return goes back to the credit officer
    c.act('branchManagerApproval', 'bm_sh', 'return');
    expect(c.state?.tasks?.map((t) => t.n)).toEqual(['officerReview']);
  });
});

describe('loan approval: history', () => {
  it('replaying the events reproduces the state after every command, and the trail lists the approvals in order', () => {
    const c = new LoanCase();
    c.start({ amount: 3_000_000, ...strong, purpose: 'equipment' });
    c.now = T0 + HOUR;
    c.act('officerReview', 'co2', 'comment', { comment: 'asking for the invoice' });
    c.now = T0 + 2 * HOUR;
    c.act('officerReview', 'co2', 'approve', { comment: 'invoice received', fields: { purpose: 'CNC machines' } });
    c.now = T0 + 3 * HOUR;
    c.run({ type: 'urge', actor: actor('rm1'), comment: 'customer waiting' });
    c.now = T0 + 4 * HOUR;
    c.act('branchManagerApproval', 'bm_sh', 'approve', { comment: 'ok' });
    expect(c.outcome).toBe('approved');

    // Replay of every prefix that ends at a command boundary gives the state after that command.
    let seen = 0;
    for (const state of c.states) {
      seen = state.seq;
      expect(encodeState(replay(loanApprovalFlow, c.events.filter((e) => e.seq <= seen)))).toEqual(state);
    }
    expect(c.events.map((e) => e.seq)).toEqual(c.events.map((_, i) => i + 1));
    expect(encodeState(replay(loanApprovalFlow, c.events))).toEqual(c.state);
    expect(c.state?.vars.purpose).toBe('CNC machines');

    // Repeating a command id returns the recorded result and changes nothing.
    const live = c.live();
    const again = execute(loanApprovalFlow, live, { type: 'withdraw', commandId: 'cmd2', actor: actor('rm1') }, c.now, { ...context, history: c.events });
    expect(again.duplicate).toEqual([11, 11]);
    expect(again.state).toBe(live);
    expect(steps(again.events)).toEqual(['commented@officerReview']);

    const trail = approvalTrail(c.events, loanApprovalFlow).filter((t) => t.action !== 'decided');
    expect(trail.map((t) => [t.action, t.actor, t.nodeId, t.at, t.comment])).toEqual([
      ['started', 'rm1', undefined, iso(T0), undefined],
      ['commented', 'co2', 'officerReview', iso(T0 + HOUR), 'asking for the invoice'],
      ['approved', 'co2', 'officerReview', iso(T0 + 2 * HOUR), 'invoice received'],
      ['urged', 'rm1', 'branchManagerApproval', iso(T0 + 3 * HOUR), 'customer waiting'],
      ['approved', 'bm_sh', 'branchManagerApproval', iso(T0 + 4 * HOUR), 'ok'],
      ['completed', undefined, undefined, iso(T0 + 4 * HOUR), undefined],
    ]);
    expect(trail.filter((t) => t.action === 'approved').map((t) => t.text)).toEqual([
      { en: 'co2 approved at "Credit officer review": "invoice received"', 'zh-CN': 'co2 同意（信贷员审核）：“invoice received”' },
      { en: 'bm_sh approved at "Branch manager approval": "ok"', 'zh-CN': 'bm_sh 同意（支行行长审批）：“ok”' },
    ]);
  });
});
