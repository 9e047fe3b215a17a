/**
 * Automations over a real server, on SQLite and on MariaDB: a record trigger whose condition holds
 * queues a run that tags the customer (audited as `automation:<key>`), one whose condition fails
 * queues none, and an event heard twice queues one run; a wait goes on only once its time has
 * passed; a failing action is tried again, then fails, and a replay runs it again on the latest
 * version; a test run writes nothing; inbound events need a role's grant; and no sensitive value
 * reaches a run's stored context or log.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AutomationRunSummary, AutomationTestResult, DecisionEvaluationPage } from '@bankforge/client';
import { toStoredDatetime, type EntityDefinition } from '@bankforge/data-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AutomationIntake } from '../src/modules/automations/automation-intake.js';
import { AutomationRunner } from '../src/modules/automations/automation-runner.js';
import { AutomationScheduler } from '../src/modules/automations/automation-scheduler.js';
import { AutomationActions } from '../src/modules/automations/automation-actions.js';
import { PublishedArtifacts } from '../src/modules/artifacts/published-artifacts.js';
import { RecordsService } from '../src/modules/records/records.service.js';
import { DomainEventDispatcher } from '../src/modules/events/domain-event-dispatcher.js';
import type { DomainEvent } from '../src/modules/events/domain-events.js';
import { field } from './fixtures.js';
import { dialects, startTestServer, type Requester, type TestServer } from './harness.js';

const DAY_MS = 86_400_000;

const MOBILE = '13812345678';
const OTHER_MOBILE = '13900001111';
const label = (text: string): { en: string; 'zh-CN': string } => ({ en: text, 'zh-CN': text });

const customer: EntityDefinition = {
  kind: 'entity',
  key: 'customer',
  title: 'Customer',
  label: { en: 'Customer', 'zh-CN': '客户' },
  fields: [
    field('c_no', 'customer_no', 'text', { required: true, unique: true, maxLength: 20 }),
    field('c_name', 'name', 'text', { required: true, maxLength: 60 }),
    field('c_score', 'credit_score', 'integer', { min: 300, max: 850 }),
    field('c_notes', 'notes', 'text', { maxLength: 200 }),
    field('c_mobile', 'mobile', 'mobile', { sensitive: true }),
    field('c_tags', 'tags', 'multiSelect', {
      display: 'tags',
      options: [
        { value: 'high_potential', label: label('High potential') },
        { value: 'vip_watch', label: label('VIP watch') },
      ],
    }),
  ],
};

const opportunity: EntityDefinition = {
  kind: 'entity',
  key: 'opportunity',
  title: 'Opportunity',
  label: { en: 'Opportunity', 'zh-CN': '商机' },
  fields: [field('o_customer', 'customer_id', 'text', { maxLength: 36 }), field('o_title', 'title', 'text', { required: true, maxLength: 100 }), field('o_stage', 'stage', 'text', { maxLength: 20 })],
};

/** The opportunity's approval owns its stage. */
const stageFlow = {
  kind: 'flow',
  key: 'opp_approval',
  title: 'opp_approval',
  schemaVersion: 1,
  entity: 'opportunity',
  record: { controlledFields: ['stage'] },
  variables: [],
  nodes: [
    { id: 'start', type: 'start', name: label('start') },
    { id: 'done', type: 'end', name: label('done') },
  ],
  edges: [{ id: 'e1', source: 'start', target: 'done' }],
};

const staging = automation('win_opportunity', { type: 'record', entity: 'opportunity', on: ['created'] }, [{ id: 'win', type: 'updateRecord', values: { stage: '"won"' } }]);

/** A customer's review: one approval by `case_checker`. */
const review = {
  kind: 'flow',
  key: 'cust_review',
  title: 'cust_review',
  schemaVersion: 1,
  entity: 'customer',
  variables: [],
  nodes: [
    { id: 'start', type: 'start', name: label('start') },
    { id: 'check', type: 'approval', name: label('check'), assignees: [{ kind: 'user', userId: 'case_checker' }], mode: 'single', actions: ['approve', 'reject'] },
    { id: 'done', type: 'end', name: label('done') },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'check' },
    { id: 'e2', source: 'check', target: 'done' },
  ],
};

function automation(key: string, trigger: Record<string, unknown>, actions: Record<string, unknown>[]): { kind: string; key: string } & Record<string, unknown> {
  return { kind: 'automation', key, title: key, label: label(key), trigger, actions };
}

/** Tags customers whose credit score reaches 700 (names starting with T, so the other automations' customers stay out). */
const tagging = automation(
  'tag_high_score',
  { type: 'record', entity: 'customer', on: ['created', 'updated'], condition: 'starts with(new.name, "T") and new.credit_score >= 700' },
  [{ id: 'tag', type: 'setTags', field: 'tags', add: ['high_potential'] }],
);

const waiting = automation('note_later', { type: 'record', entity: 'customer', on: ['created'], condition: 'starts with(new.name, "W")' }, [
  { id: 'later', type: 'wait', duration: 'PT2H' },
  { id: 'note', type: 'updateRecord', values: { notes: '"called back"' } },
]);

/** Writes a score the entity refuses: it fails until version 2 writes one it takes. */
const failing = (score: number): { kind: string; key: string } & Record<string, unknown> =>
  automation('rescore', { type: 'record', entity: 'customer', on: ['created'], condition: 'starts with(new.name, "F")' }, [{ id: 'score', type: 'updateRecord', values: { credit_score: String(score) } }]);

/** Reads what a change laid over the record: the mobile number is never in its scope. */
const watching = automation('watch_mobile', { type: 'record', entity: 'customer', on: ['updated'], condition: 'starts with(new.name, "S")' }, [
  { id: 'mark', type: 'updateRecord', as: 'marked', values: { notes: '(if new.mobile = null then "absent" else "present") + "/" + (if old.mobile = null then "absent" else "present")' } },
  { id: 'tag', type: 'setTags', field: 'tags', add: ['vip_watch'] },
]);

const inbound = automation(
  'card_blocked',
  { type: 'inbound', event: 'card_blocked', entity: 'customer', match: { field: 'customer_no', value: 'payload.customer_no' }, condition: 'payload.reason != "test"' },
  [{ id: 'watch', type: 'setTags', field: 'tags', add: ['vip_watch'] }],
);

/** Opens a review of a new customer (names starting with K) scoring 600 or more: an opportunity, a case, a word to the RM. */
const opening = automation('open_review', { type: 'record', entity: 'customer', on: ['created'], condition: 'starts with(new.name, "K") and new.name != "Ke Hua"' }, [
  { id: 'gate', type: 'condition', when: 'record.credit_score >= 600' },
  { id: 'opp', as: 'opportunity', type: 'createRecord', entity: 'opportunity', values: { customer_id: 'record.id', title: '"Review " + record.name' } },
  { id: 'review', as: 'started', type: 'startFlow', flow: 'cust_review' },
  { id: 'tell', type: 'notify', to: { owner: true }, message: { en: 'Review opened for {name}', 'zh-CN': '已为 {name} 发起复核' } },
]);

/** A started review marks the customer. */
const onCase = automation('mark_reviewed', { type: 'case', flow: 'cust_review', events: ['started'], condition: 'case.status = "running"' }, [{ id: 'mark', type: 'setTags', field: 'tags', add: ['vip_watch'] }]);

interface Problem {
  code: string;
  errors?: { path: string; code: string; messageZh?: string }[];
}

describe.each(dialects())('automations on %s', (dialect) => {
  let server: TestServer;
  let events: DomainEventDispatcher;
  let runner: AutomationRunner;
  let numbers = 0;
  const saved = { events: process.env.BANKFORGE_EVENT_POLL_MS, automations: process.env.BANKFORGE_AUTOMATION_POLL_MS };

  /** Events to runs, runs to actions: what the background ticks do. */
  const settle = async (): Promise<void> => {
    await events.dispatchDue();
    await runner.runDue();
  };
  const newCustomer = async (values: Record<string, unknown>): Promise<{ id: string; version: number }> => {
    const created = await server.request<{ id: string; version: number }>('POST', '/api/records/customer', { customer_no: `C${dialect}${++numbers}`, ...values });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body;
  };
  const runsOf = async (key: string): Promise<AutomationRunSummary[]> => {
    const answer = await server.request<AutomationRunSummary[]>('GET', `/api/automations/${key}/runs`);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return answer.body;
  };
  const record = async (id: string): Promise<Record<string, unknown>> => (await server.request<Record<string, unknown>>('GET', `/api/records/customer/${id}`)).body;
  /** As if the run's wait or backoff had passed. */
  const makeDue = (id: string): Promise<number> => server.database.single((sql) => sql.execute('UPDATE bf_automation_run SET due_at = ? WHERE id = ?', ['2020-01-01 00:00:00.000', id]));
  /** As if an automation's versions had been published at `at` (ms). */
  const publishedBefore = (key: string, at: number): Promise<number> =>
    server.database.single((sql) => sql.execute("UPDATE bf_artifact_version SET published_at = ? WHERE kind = 'automation' AND artifact_key = ?", [toStoredDatetime(new Date(at).toISOString()), key]));
  /** Another replica's scheduler: its own memory of the slots done. */
  const newScheduler = (): AutomationScheduler => new AutomationScheduler(server.database, server.app.get(PublishedArtifacts), server.app.get(RecordsService), server.app.get(AutomationActions));
  const count = async (table: string): Promise<number> => Number((await server.database.read((sql) => sql.rows<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`)))[0]!.n);

  beforeAll(async () => {
    process.env.BANKFORGE_EVENT_POLL_MS = '0';
    process.env.BANKFORGE_AUTOMATION_POLL_MS = '0';
    server = await startTestServer(dialect);
    events = server.app.get(DomainEventDispatcher);
    runner = server.app.get(AutomationRunner);
    await server.publishEntity(customer);
    await server.publishEntity(opportunity);
    expect((await server.request('POST', '/api/auth/users', { username: 'case_checker', displayName: 'Checker', roles: [], password: 'Checker-Pass-2026' })).status).toBe(201);
    await server.publishArtifact(review);
    await server.publishArtifact(stageFlow);
    for (const document of [tagging, waiting, failing(9999), watching, inbound, opening, onCase, staging]) await server.publishArtifact(document);
  });
  afterAll(async () => {
    await server?.close();
    for (const [name, value] of [['BANKFORGE_EVENT_POLL_MS', saved.events], ['BANKFORGE_AUTOMATION_POLL_MS', saved.automations]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('refuses an automation whose FEEL does not compile or whose tags field is not a multiSelect, at its path in both languages', async () => {
    const bad = automation('bad_one', { type: 'record', entity: 'customer', on: ['updated'], condition: 'new.credit_score >' }, [{ id: 'tag', type: 'setTags', field: 'name', add: ['x'] }]);
    expect((await server.request('PUT', '/api/artifacts/automation/bad_one', bad)).status).toBe(200);
    const published = await server.request<Problem>('POST', '/api/artifacts/automation/bad_one/publish', {});
    expect(published.status).toBe(422);
    expect(published.body.errors?.map((e) => [e.path, e.code])).toEqual([['/trigger/condition', 'invalidFeel']]);
    expect(published.body.errors?.[0]?.messageZh).toMatch(/FEEL/);
    const fixed = { ...bad, trigger: { type: 'record', entity: 'customer', on: ['updated'] } };
    expect((await server.request('PUT', '/api/artifacts/automation/bad_one', fixed)).status).toBe(200);
    const again = await server.request<Problem>('POST', '/api/artifacts/automation/bad_one/publish', {});
    expect(again.body.errors?.map((e) => [e.path, e.code])).toEqual([['/actions/0/field', 'notMultiSelect']]);
  });

  it('tags a customer whose condition holds, as automation:<key> in the audit log; a customer whose condition fails queues no run', async () => {
    const high = await newCustomer({ name: 'Tang Wei', credit_score: 760 });
    const low = await newCustomer({ name: 'Tao Min', credit_score: 520 });
    await events.dispatchDue();
    const queued = await runsOf('tag_high_score');
    expect(queued.map((r) => [r.recordId, r.status, r.trigger])).toEqual([[high.id, 'pending', 'record.created']]);
    await runner.runDue();
    const [run] = await runsOf('tag_high_score');
    expect(run).toMatchObject({ status: 'succeeded', step: 1, attempts: 0, error: null, replayOf: null });
    expect(run!.steps.map((s) => [s.actionId, s.status, s.detail])).toEqual([['tag', 'done', 'tags + high_potential']]);
    // The same as a code and values, for a screen to say in its reader's language.
    expect(run!.steps[0]!.message).toEqual({ code: 'tagsChanged', params: { field: 'tags', change: '+ high_potential' } });
    expect((await record(high.id)).tags).toEqual(['high_potential']);
    expect((await record(low.id)).tags ?? []).toEqual([]);
    const audit = await server.database.read((sql) => sql.rows<{ actor_name: string; action: string }>("SELECT actor_name, action FROM bf_audit WHERE record_id = ? AND action = 'update'", [high.id]));
    expect(audit.map((a) => a.actor_name)).toEqual(['automation:tag_high_score']);
    // The automation's own write is an event too: it queues nothing (automations do not chain).
    await settle();
    expect(await runsOf('tag_high_score')).toHaveLength(1);
  });

  it('queues one run for an event heard twice', async () => {
    const customerRecord = await newCustomer({ name: 'Tian Yu', credit_score: 400 });
    await settle();
    const event: DomainEvent = {
      seq: 1,
      id: '01930000-0000-7000-8000-00000000abcd',
      type: 'record.updated',
      entity: 'customer',
      recordId: customerRecord.id,
      changes: { credit_score: { old: 400, new: 810 } },
      actor: { id: 'someone', kind: 'user' },
      occurredAt: new Date().toISOString(),
      attempt: 1,
    };
    const intake = server.app.get(AutomationIntake);
    await intake.take(event);
    await intake.take({ ...event, attempt: 2 });
    const runs = (await runsOf('tag_high_score')).filter((r) => r.recordId === customerRecord.id);
    expect(runs.map((r) => [r.status, r.trigger])).toEqual([['pending', 'record.updated']]);
    await runner.runDue();
  });

  it('runs each queued run once when two replicas claim at the same time', async () => {
    const customers: { id: string; version: number }[] = [];
    for (let i = 0; i < 6; i++) customers.push(await newCustomer({ name: `Tu ${i}`, credit_score: 800 }));
    await events.dispatchDue();
    const other = new AutomationRunner(server.database, server.app.get(PublishedArtifacts), server.app.get(AutomationActions));
    const [mine, theirs] = await Promise.all([runner.runDue(), other.runDue()]);
    expect(mine + theirs).toBe(6);
    const ids = new Set(customers.map((c) => c.id));
    const runs = (await runsOf('tag_high_score')).filter((r) => ids.has(r.recordId!));
    expect(runs.map((r) => [r.status, r.steps.length])).toEqual(customers.map(() => ['succeeded', 1]));
    const writes = await server.database.read((sql) => sql.rows<{ n: number }>(`SELECT COUNT(*) AS n FROM bf_audit WHERE action = 'update' AND actor_name = 'automation:tag_high_score' AND record_id IN (${customers.map(() => '?').join(', ')})`, customers.map((c) => c.id)));
    expect(Number(writes[0]!.n)).toBe(6);
  });

  it('goes on after a wait only once its time has passed', async () => {
    const created = await newCustomer({ name: 'Wang Fang', credit_score: 600 });
    await settle();
    const [run] = await runsOf('note_later');
    expect(run).toMatchObject({ status: 'waiting', step: 1, recordId: created.id });
    const due = Date.parse(run!.dueAt!);
    expect(due - Date.now()).toBeGreaterThan(2 * 3600_000 - 120_000);
    expect(run!.steps.map((s) => [s.actionId, s.status])).toEqual([['later', 'waiting']]);
    expect(await runner.runDue()).toBe(0);
    expect((await record(created.id)).notes ?? null).toBeNull();
    // Paused by an administrator, a due run stays waiting; resumed, it goes on.
    const paused: typeof waiting = { ...waiting, enabled: false };
    await server.publishArtifact(paused);
    await makeDue(run!.id);
    expect(await runner.runDue()).toBe(1);
    expect((await runsOf('note_later'))[0]).toMatchObject({ status: 'waiting', step: 1 });
    expect((await record(created.id)).notes ?? null).toBeNull();
    const resumed: typeof waiting = { ...waiting, enabled: true };
    await server.publishArtifact(resumed);
    await makeDue(run!.id);
    expect(await runner.runDue()).toBe(1);
    const [done] = await runsOf('note_later');
    expect(done).toMatchObject({ status: 'succeeded', step: 2, dueAt: null });
    expect((await record(created.id)).notes).toBe('called back');
  });

  it('counts a wait with a calendar in its working time', async () => {
    const year = new Date().getUTCFullYear();
    const calendar: { kind: string; key: string } & Record<string, unknown> = {
      kind: 'calendar',
      key: 'short_hours',
      title: 'One working hour a day',
      schemaVersion: 1,
      name: label('One working hour a day'),
      timeZone: 'UTC',
      workingWeekdays: [1, 2, 3, 4, 5, 6, 7],
      workingHours: [{ start: '09:00', end: '10:00' }],
      years: { [String(year)]: {}, [String(year + 1)]: {} },
    };
    await server.publishArtifact(calendar);
    await server.publishArtifact(
      automation('business_wait', { type: 'record', entity: 'customer', on: ['created'], condition: 'starts with(new.name, "B")' }, [{ id: 'later', type: 'wait', duration: 'PT2H', calendar: 'short_hours' }]),
    );
    await newCustomer({ name: 'Bai Lu', credit_score: 600 });
    await settle();
    const [run] = await runsOf('business_wait');
    expect(run).toMatchObject({ status: 'waiting', step: 1 });
    // Two working hours at one a day: past tomorrow's 09:00, and ending on a working hour's close.
    const due = new Date(run!.dueAt!);
    expect(due.getTime() - Date.now()).toBeGreaterThan(24 * 3600_000);
    expect(due.getTime() - Date.now()).toBeLessThan(3 * 24 * 3600_000);
    expect(due.getUTCHours() * 60 + due.getUTCMinutes()).toBeGreaterThanOrEqual(9 * 60);
    expect(due.getUTCHours() * 60 + due.getUTCMinutes()).toBeLessThanOrEqual(10 * 60);
  });

  it('tries a failing action again with backoff, then fails with a short reason; a replay runs it again on the latest version', async () => {
    const created = await newCustomer({ name: 'Feng Lei', credit_score: 610 });
    await settle();
    let [run] = await runsOf('rescore');
    expect(run).toMatchObject({ status: 'pending', attempts: 1, step: 0 });
    expect(run!.error).toMatch(/credit_score/);
    // The same said as a code and values for the designer to translate: the refusal's code and field paths, never the value.
    expect(run!.errorMessage).toMatchObject({ code: 'recordRefused', params: { fields: expect.stringContaining('/credit_score') } });
    expect(Date.parse(run!.dueAt!)).toBeGreaterThan(Date.now());
    expect(await runner.runDue()).toBe(0);
    await makeDue(run!.id);
    await runner.runDue();
    [run] = await runsOf('rescore');
    expect(run).toMatchObject({ status: 'pending', attempts: 2 });
    await makeDue(run!.id);
    await runner.runDue();
    [run] = await runsOf('rescore');
    expect(run).toMatchObject({ status: 'failed', attempts: 3, step: 0 });
    expect(run!.steps.map((s) => [s.actionId, s.status])).toEqual([['score', 'failed']]);
    expect(run!.error!.length).toBeLessThanOrEqual(500);
    expect(run!.error).not.toContain('9999');
    expect(run!.error).toMatch(/^failed 3 times: .*credit_score/);
    expect(run!.steps[0]!.message).toMatchObject({ code: 'recordRefused', params: { fields: expect.stringContaining('/credit_score') } });
    expect(run!.errorMessage).toMatchObject({ code: 'retriesExhausted', params: { attempts: 3, cause: 'recordRefused', fields: expect.stringContaining('/credit_score') } });
    expect(JSON.stringify(run!.errorMessage)).not.toContain('9999');

    await server.publishArtifact(failing(720));
    const replayed = await server.request<AutomationRunSummary>('POST', `/api/automations/runs/${run!.id}/replay`);
    expect(replayed.status, JSON.stringify(replayed.body)).toBe(200);
    expect(replayed.body).toMatchObject({ status: 'pending', trigger: 'replay', replayOf: run!.id, version: 2, step: 0, recordId: created.id });
    await runner.runDue();
    const [latest] = await runsOf('rescore');
    expect(latest).toMatchObject({ id: replayed.body.id, status: 'succeeded' });
    expect((await record(created.id)).credit_score).toBe(720);
    const unknown = await server.request<Problem>('POST', '/api/automations/runs/01930000-0000-7000-8000-000000000000/replay');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'automationRunNotFound']);
  });

  it('answers a test run that writes nothing: the condition, and what each action would do', async () => {
    const created = await newCustomer({ name: 'Tong Jie', credit_score: 500 });
    await settle();
    const version = (await record(created.id)).version;
    const before = { runs: await count('bf_automation_run'), audit: await count('bf_audit'), notifications: await count('bf_notification'), events: await count('bf_domain_event') };
    const tested = await server.request<AutomationTestResult>('POST', '/api/automations/tag_high_score/test', { recordId: created.id, changes: { credit_score: 800 } });
    expect(tested.status, JSON.stringify(tested.body)).toBe(200);
    expect(tested.body.matched).toBe(true);
    expect(tested.body.steps.map((s) => [s.actionId, s.status, s.detail])).toEqual([['tag', 'done', 'would tags + high_potential']]);
    expect(tested.body.steps[0]!.message).toEqual({ code: 'tagsWouldChange', params: { field: 'tags', change: '+ high_potential' } });
    const notMatched = await server.request<AutomationTestResult>('POST', '/api/automations/tag_high_score/test', { recordId: created.id, changes: { credit_score: 650 } });
    expect(notMatched.body).toEqual({ matched: false, steps: [] });
    const waits = await server.request<AutomationTestResult>('POST', '/api/automations/note_later/test', { recordId: created.id, changes: { name: 'Wu' } });
    expect(waits.body.steps.map((s) => [s.actionId, s.status])).toEqual([['later', 'waiting']]);
    const onCaseTest = await server.request<AutomationTestResult>('POST', '/api/automations/mark_reviewed/test', { recordId: created.id });
    expect(onCaseTest.body.steps.map((s) => [s.actionId, s.status, s.detail])).toEqual([['mark', 'done', 'would tags + vip_watch']]);
    const draft = await server.request<AutomationTestResult>('POST', '/api/automations/rescore/test', { document: failing(9999), changes: { name: 'Fu' } });
    expect(draft.body.steps.map((s) => [s.actionId, s.status])).toEqual([['score', 'done']]);
    // A step that would fail says why as a code and values too.
    const nobody = await server.request<AutomationTestResult>('POST', '/api/automations/rescore/test', { document: { ...failing(1), actions: [{ id: 'hand', type: 'assignOwner', role: 'no_such_role' }] }, recordId: created.id, changes: { name: 'Fu' } });
    expect(nobody.status, JSON.stringify(nobody.body)).toBe(200);
    expect(nobody.body.steps.map((s) => [s.actionId, s.status, s.detail, s.message])).toEqual([['hand', 'failed', 'nobody active holds no_such_role', { code: 'nobodyHoldsRole', params: { role: 'no_such_role' } }]]);
    const invalid = await server.request<Problem>('POST', '/api/automations/rescore/test', { document: { ...failing(1), actions: [{ id: 'x', type: 'condition', when: '1 >' }] } });
    expect([invalid.status, invalid.body.errors?.[0]?.path]).toEqual([422, '/document/actions/0/when']);
    expect({ runs: await count('bf_automation_run'), audit: await count('bf_audit'), notifications: await count('bf_notification'), events: await count('bf_domain_event') }).toEqual(before);
    expect((await record(created.id)).version).toBe(version);
  });

  it('queues runs for an inbound event posted by a role granted it; others get 403, and nobody without the designer right reads runs', async () => {
    const created = await newCustomer({ name: 'Ke Hua', credit_score: 500 });
    await settle();
    expect((await server.request('PUT', '/api/auth/roles/card_system', { key: 'card_system', label: { en: 'Card system' }, automationEvents: { card_blocked: ['post'] } })).status).toBe(200);
    expect((await server.request('PUT', '/api/auth/roles/automation_designer', { key: 'automation_designer', label: { en: 'Automation designer' }, artifacts: { automation: ['edit'] } })).status).toBe(200);
    for (const [username, roles] of [['card_feed', ['card_system']], ['rm_nobody', []], ['auto_designer', ['automation_designer']]] as const) {
      expect((await server.request('POST', '/api/auth/users', { username, displayName: username, roles, password: 'Automation-Pass-2026' })).status).toBe(201);
    }
    const card: Requester = await server.signIn('card_feed', 'Automation-Pass-2026');
    const nobody: Requester = await server.signIn('rm_nobody', 'Automation-Pass-2026');
    const designer: Requester = await server.signIn('auto_designer', 'Automation-Pass-2026');

    const posted = await card<{ event: string; runs: number }>('POST', '/api/automations/events/card_blocked', { payload: { customer_no: `C${dialect}${numbers}`, reason: 'lost', mobile: MOBILE } });
    expect(posted.status, JSON.stringify(posted.body)).toBe(202);
    expect(posted.body).toEqual({ event: 'card_blocked', runs: 1 });
    // A property named like the entity's sensitive field is not kept with the run.
    const [kept] = await server.database.read((sql) => sql.rows<{ context: string }>("SELECT context FROM bf_automation_run WHERE automation_key = 'card_blocked'"));
    expect(JSON.parse(kept!.context)).toEqual({ payload: { customer_no: `C${dialect}${numbers}`, reason: 'lost' }, results: {} });
    await runner.runDue();
    expect((await record(created.id)).tags).toEqual(['vip_watch']);
    expect((await card('POST', '/api/automations/events/card_blocked', { payload: { customer_no: 'nobody', reason: 'lost' } })).body).toEqual({ event: 'card_blocked', runs: 0 });
    const bad = await card<Problem>('POST', '/api/automations/events/card_blocked', { payload: 'x' });
    expect([bad.status, bad.body.errors?.[0]?.path]).toEqual([422, '/payload']);

    // An integration's API key with the role posts it too, once per Idempotency-Key.
    const key = await server.request<{ key: string }>('POST', '/api/auth/api-keys', { name: 'card-feed', roles: ['card_system'] });
    expect(key.status, JSON.stringify(key.body)).toBe(201);
    const byKey = { authorization: `Bearer ${key.body.key}`, 'idempotency-key': 'card-blocked-0001' };
    const keyed = await server.anonymous<{ runs: number }>('POST', '/api/automations/events/card_blocked', { payload: { customer_no: `C${dialect}${numbers}`, reason: 'stolen' } }, byKey);
    expect([keyed.status, keyed.body.runs]).toEqual([202, 1]);
    const repeated = await server.anonymous<{ runs: number }>('POST', '/api/automations/events/card_blocked', { payload: { customer_no: `C${dialect}${numbers}`, reason: 'stolen' } }, byKey);
    expect([repeated.status, repeated.body.runs]).toEqual([202, 1]);
    expect((await runsOf('card_blocked')).filter((r) => r.recordId === created.id)).toHaveLength(2);
    expect((await server.anonymous('POST', '/api/automations/events/loan_paid', { payload: {} }, { authorization: byKey.authorization })).status).toBe(403);

    const other = await card<Problem & { messageZh?: string }>('POST', '/api/automations/events/loan_paid', { payload: {} });
    expect([other.status, other.body.code]).toEqual([403, 'forbidden']);
    expect(other.body.messageZh).toMatch(/事件/);
    expect((await nobody('POST', '/api/automations/events/card_blocked', { payload: {} })).status).toBe(403);
    expect((await nobody('GET', '/api/automations/tag_high_score/runs')).status).toBe(403);
    expect((await nobody('POST', '/api/automations/tag_high_score/test', {})).status).toBe(403);
    expect((await card('GET', '/api/automations/tag_high_score/runs')).status).toBe(403);
    expect((await server.anonymous('POST', '/api/automations/events/card_blocked', { payload: {} })).status).toBe(401);

    expect((await designer('GET', '/api/automations/tag_high_score/runs?status=succeeded&limit=5')).status).toBe(200);
    const [run] = await runsOf('card_blocked');
    const replay = await designer<Problem>('POST', `/api/automations/runs/${run!.id}/replay`);
    expect([replay.status, replay.body.code]).toEqual([403, 'forbidden']);
    const query = await designer<Problem>('GET', '/api/automations/tag_high_score/runs?status=done');
    expect([query.status, query.body.errors?.[0]?.path]).toEqual([400, 'status']);
    expect((await server.request<Problem>('GET', '/api/automations/no_such/runs')).body.code).toBe('automationNotFound');
  });

  it('queues one run per matching record for a due schedule, once however many replicas ask, and none for a slot before its publication', async () => {
    const due = [await newCustomer({ name: 'Du Xin', notes: 'daily' }), await newCustomer({ name: 'Dong Yi', notes: 'daily' })];
    const other = await newCustomer({ name: 'Deng Bo', notes: 'monthly' });
    await settle();
    const daily = automation('daily_review', { type: 'schedule', every: 'day', at: '00:00', timeZone: 'UTC', entity: 'customer', filter: { field: 'notes', op: 'eq', value: 'daily' } }, [
      { id: 'review', type: 'updateRecord', values: { notes: '"reviewed"' } },
    ]);
    await server.publishArtifact(daily);
    const scheduler = server.app.get(AutomationScheduler);
    // Published just now: today's 00:00 came before it, so nothing runs until tomorrow's.
    expect(await scheduler.scheduleDue()).toBe(0);
    await server.publishArtifact({ ...daily, title: 'daily review, v2' } as typeof daily);
    // As if version 2 had been published yesterday: today's slot is due (and only it).
    await publishedBefore('daily_review', Date.now() - DAY_MS);
    expect(await scheduler.scheduleDue()).toBe(2);
    // A second replica (its own memory) asking for the same slot queues nothing more.
    const replica = new AutomationScheduler(server.database, server.app.get(PublishedArtifacts), server.app.get(RecordsService), server.app.get(AutomationActions));
    expect(await replica.scheduleDue()).toBe(0);
    const runs = await runsOf('daily_review');
    expect(runs.map((r) => r.recordId).sort()).toEqual(due.map((c) => c.id).sort());
    expect(runs.every((r) => r.trigger === 'schedule' && r.version === 2)).toBe(true);
    await runner.runDue();
    for (const c of due) expect((await record(c.id)).notes).toBe('reviewed');
    expect((await record(other.id)).notes).toBe('monthly');
  });

  it('stops a run whose condition fails; otherwise creates a record, starts a case and tells the owner, and the case start triggers a case automation', async () => {
    const stopped = await newCustomer({ name: 'Kai Wu', credit_score: 520 });
    const opened = await newCustomer({ name: 'Kang Li', credit_score: 700 });
    await settle();
    const runs = await runsOf('open_review');
    const stop = runs.find((r) => r.recordId === stopped.id)!;
    expect(stop).toMatchObject({ status: 'stopped', step: 1 });
    expect(stop.steps.map((s) => [s.actionId, s.status])).toEqual([['gate', 'stopped']]);
    const run = runs.find((r) => r.recordId === opened.id)!;
    expect(run.status, JSON.stringify(run)).toBe('succeeded');
    expect(run.steps.map((s) => [s.actionId, s.status])).toEqual([['gate', 'done'], ['opp', 'done'], ['review', 'done'], ['tell', 'done']]);
    expect(run.steps[3]!.detail).toBe('notify admin');
    expect(run.steps.map((s) => s.message?.code)).toEqual(['conditionHolds', 'recordCreated', 'caseStarted', 'notified']);
    const opportunities = await server.request<{ items: { customer_id: string; title: string; owner_id: string }[] }>('POST', '/api/records/opportunity/query', { filter: { field: 'customer_id', op: 'eq', value: opened.id } });
    expect(opportunities.body.items.map((o) => o.title)).toEqual(['Review Kang Li']);
    const creates = await server.database.read((sql) => sql.rows<{ actor_name: string; entity_key: string }>("SELECT actor_name, entity_key FROM bf_audit WHERE action = 'create' AND actor_name LIKE 'automation:%'"));
    expect(creates).toEqual([{ actor_name: 'automation:open_review', entity_key: 'opportunity' }]);
    const [stored] = await server.database.read((sql) => sql.rows<{ context: string }>('SELECT context FROM bf_automation_run WHERE id = ?', [run.id]));
    const results = (JSON.parse(stored!.context) as { results: { started: { caseId: string }; opportunity: { id: string } } }).results;
    const detail = await server.request<{ status: string; recordId: string }>('GET', `/api/flows/instances/${results.started.caseId}`);
    expect([detail.status, detail.body.status, detail.body.recordId]).toEqual([200, 'running', opened.id]);
    const notifications = await server.request<{ items: { kind: string; text: { en: string }; record?: { entity: string; id: string } }[] }>('GET', '/api/notifications');
    expect(notifications.body.items.find((n) => n.text.en === 'Review opened for Kang Li')).toMatchObject({ kind: 'automation', record: { entity: 'customer', id: opened.id } });
    // The case's start is an event: the case automation tags the customer.
    await settle();
    const [marked] = await runsOf('mark_reviewed');
    expect(marked).toMatchObject({ status: 'succeeded', trigger: 'case.started', recordId: opened.id });
    expect((await record(opened.id)).tags).toEqual(['vip_watch']);
    expect(await runsOf('open_review')).toHaveLength(2);
  });

  // A decision whose answer is one value answers it as `result`, as POST /api/decisions/{key}/evaluate does.
  it('catches up every slot missed while the server was down, the latest 7 at most, one run per slot, once; an audience schedule its latest slot only', async () => {
    const nightly = automation('nightly_check', { type: 'schedule', every: 'day', at: '00:00', timeZone: 'UTC' }, [{ id: 'ok', type: 'condition', when: 'true' }]);
    await server.publishArtifact(nightly);
    // Published a minute before the 00:00 UTC three days ago, and down since: four slots missed.
    const midnight = new Date();
    midnight.setUTCHours(0, 0, 0, 0);
    await publishedBefore('nightly_check', midnight.getTime() - 3 * DAY_MS - 60_000);
    const scheduler = server.app.get(AutomationScheduler);
    expect(await scheduler.scheduleDue()).toBe(4);
    expect(await scheduler.scheduleDue()).toBe(0);
    // A replica starting afresh reads the last slot fired from the runs: nothing is queued twice.
    expect(await newScheduler().scheduleDue()).toBe(0);
    expect((await runsOf('nightly_check')).length).toBe(4);
    // Down for months: the latest 7 slots, not every one.
    const weekly = automation('long_down', { type: 'schedule', every: 'day', at: '00:00', timeZone: 'UTC' }, [{ id: 'ok', type: 'condition', when: 'true' }]);
    await server.publishArtifact(weekly);
    await publishedBefore('long_down', Date.parse('2020-01-01T00:00:00Z'));
    expect(await newScheduler().scheduleDue()).toBe(7);
    // A schedule with an audience catches up its latest slot only: the audience is read as it is
    // now, so every earlier slot would reach the same customers again.
    const reached = await newCustomer({ name: 'Catch Up', credit_score: 790 });
    await settle();
    await server.publishArtifact(
      automation('audience_down', { type: 'schedule', every: 'day', at: '00:00', timeZone: 'UTC', entity: 'customer', filter: { field: 'name', op: 'eq', value: 'Catch Up' } }, [{ id: 'ok', type: 'condition', when: 'true' }]),
    );
    await publishedBefore('audience_down', midnight.getTime() - 3 * DAY_MS - 60_000);
    expect(await newScheduler().scheduleDue()).toBe(1);
    expect(await newScheduler().scheduleDue()).toBe(0);
    const runs = await server.database.read((sql) => sql.rows<{ record_id: string; trigger_key: string }>("SELECT record_id, trigger_key FROM bf_automation_run WHERE automation_key = 'audience_down'"));
    expect(runs.map((r) => [r.record_id, r.trigger_key])).toEqual([[reached.id, `schedule:${midnight.toISOString()}:${reached.id}`]]);
  });

  it('runs a schedule on a shared saved segment of its entity, read as saved at each slot; a private, missing or other entity’s segment is refused on publish', async () => {
    const inSegment = [await newCustomer({ name: 'Seg Lan', credit_score: 810 }), await newCustomer({ name: 'Seg Mei', credit_score: 820, notes: 'skip' })];
    const outside = await newCustomer({ name: 'Seg Nuo', credit_score: 500 });
    await settle();
    const segment = async (entity: string, sharing: string): Promise<string> => {
      const saved = await server.request<{ id: string }>('POST', '/api/segments', { entity, name: `${entity} ${sharing} ${dialect}`, filter: { and: [{ field: 'name', op: 'startsWith', value: 'Seg' }, { field: 'credit_score', op: 'gte', value: 800 }] }, sharing });
      expect(saved.status, JSON.stringify(saved.body)).toBe(201);
      return saved.body.id;
    };
    const shared = await segment('customer', 'branch');
    const mine = await segment('customer', 'private');
    const other = await server.request<{ id: string }>('POST', '/api/segments', { entity: 'opportunity', name: `opportunities ${dialect}`, filter: { field: 'title', op: 'startsWith', value: 'Seg' }, sharing: 'team' });
    const audience = (key: string, id: string) =>
      automation(key, { type: 'schedule', every: 'day', at: '00:00', timeZone: 'UTC', entity: 'customer', segment: id, filter: { field: 'notes', op: 'ne', value: 'skip' } }, [
        { id: 'mark', type: 'updateRecord', values: { notes: '"segment reached"' } },
      ]);
    for (const [id, code] of [
      [mine, 'segmentNotShared'],
      [other.body.id, 'segmentOfOtherEntity'],
      ['0193a1f0-5c00-7000-8000-0000000fffff', 'segmentNotFound'],
    ] as const) {
      expect((await server.request('PUT', '/api/artifacts/automation/segment_wrong', audience('segment_wrong', id))).status).toBe(200);
      const refused = await server.request<Problem>('POST', '/api/artifacts/automation/segment_wrong/publish', {});
      expect(refused.body.errors?.map((e) => [e.path, e.code])).toEqual([['/trigger/segment', code]]);
      expect(refused.body.errors?.[0]?.messageZh).toContain('分群');
    }
    await server.publishArtifact(audience('segment_mark', shared));
    await publishedBefore('segment_mark', Date.now() - DAY_MS);
    // The segment's filter and the rule's own: Seg Mei is in the segment, and her notes say skip.
    expect(await newScheduler().scheduleDue()).toBe(1);
    await runner.runDue();
    expect((await runsOf('segment_mark')).map((r) => [r.recordId, r.status])).toEqual([[inSegment[0]!.id, 'succeeded']]);
    expect((await record(inSegment[0]!.id)).notes).toBe('segment reached');
    expect((await record(outside.id)).notes ?? null).toBe(null);
    // A later slot (the rule moved to 00:01); its owner makes the segment private before it: it reaches nobody, and a failed run says why.
    const later = audience('segment_mark', shared);
    const moved: typeof later = { ...later, trigger: { ...(later.trigger as Record<string, unknown>), at: '00:01' } };
    await server.publishArtifact(moved);
    await publishedBefore('segment_mark', Date.now() - DAY_MS);
    expect((await server.request('PATCH', `/api/segments/${shared}`, { sharing: 'private' })).status).toBe(200);
    expect(await newScheduler().scheduleDue()).toBe(0);
    const [failed] = (await runsOf('segment_mark')).filter((r) => r.status === 'failed');
    expect(failed?.error).toMatch(new RegExp(`^segment ${shared} is private now: nobody was reached`));
    expect(failed?.errorMessage).toEqual({ code: 'segmentPrivate', params: { segment: shared, slot: expect.any(String) } });
  });

  it('updates the records an update finds by conditions on their fields (every one found), and writes nothing when none is found', async () => {
    const twins = [await newCustomer({ name: 'Lu Ping' }), await newCustomer({ name: 'Lu Ping' })];
    const done = await newCustomer({ name: 'Lu Ping', notes: 'linked' });
    await settle();
    await server.publishArtifact(
      automation('link_by_name', { type: 'record', entity: 'opportunity', on: ['created'], condition: 'starts with(new.title, "Lu ")' }, [
        {
          id: 'link',
          type: 'updateRecord',
          target: {
            entity: 'customer',
            where: [
              { field: 'name', op: 'eq', value: 'new.title' },
              { field: 'notes', op: 'ne', value: '"linked"' },
            ],
          },
          values: { notes: '"linked"' },
        },
      ]),
    );
    for (const title of ['Lu Ping', 'Lu Nobody']) expect((await server.request('POST', '/api/records/opportunity', { title })).status).toBe(201);
    await settle();
    for (const c of twins) expect((await record(c.id)).notes).toBe('linked');
    expect((await record(done.id)).version).toBe(done.version);
    const runs = await runsOf('link_by_name');
    expect(runs.map((r) => [r.status, r.steps[0]!.detail]).sort()).toEqual([
      ['succeeded', 'no customer matches: nothing to update'],
      ['succeeded', 'set notes = "linked" on 2 customer'],
    ]);
  });

  it('grades a customer with a decision, then posts the grade to the core system through a connector and keeps its answer', async () => {
    const received: string[] = [];
    const core: Server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        received.push(`${request.method} ${request.url} ${body}`);
        if (request.url?.endsWith('/missing')) {
          response.writeHead(404).end();
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ ticket: 'T-1' }));
      });
    });
    await new Promise<void>((resolve) => core.listen(0, '127.0.0.1', resolve));
    try {
      const port = (core.address() as AddressInfo).port;
      expect((await server.request('PUT', '/api/connectors/allowed-hosts', { hosts: [`127.0.0.1:${port}`] })).status).toBe(200);
      const connector = await server.request('POST', '/api/connectors', { key: 'core_banking', name: { en: 'Core', 'zh-CN': '核心' }, baseUrl: `http://127.0.0.1:${port}/api`, auth: { kind: 'none' } });
      expect(connector.status, JSON.stringify(connector.body)).toBe(201);
      const grade: { kind: string; key: string } & Record<string, unknown> = {
        kind: 'decision',
        key: 'customer_grade',
        title: 'Customer grade',
        inputData: [
          { name: 'Score', typeRef: 'number' },
          { name: 'Reference', typeRef: 'string', sensitive: true },
        ],
        decisions: [
          {
            name: 'Grade',
            typeRef: 'string',
            requirements: { inputs: ['Score'] },
            logic: {
              kind: 'decisionTable',
              hitPolicy: 'F',
              inputs: [{ expression: 'Score' }],
              outputs: [{ typeRef: 'string' }],
              rules: [
                { id: 'a', inputEntries: ['>= 700'], outputEntries: ['"A"'] },
                { id: 'b', inputEntries: ['-'], outputEntries: ['"B"'] },
              ],
            },
          },
        ],
      };
      await server.publishArtifact(grade);
      await server.publishArtifact(
        automation('grade_and_post', { type: 'record', entity: 'customer', on: ['created'], condition: 'starts with(new.name, "G")' }, [
          { id: 'grade', as: 'graded', type: 'evaluateDecision', decision: 'customer_grade', inputs: { Score: 'record.credit_score', Reference: 'record.customer_no' }, write: { notes: 'result' } },
          { id: 'post', as: 'core', type: 'callConnector', connector: 'core_banking', method: 'POST', path: '/grades', body: '{customer: record.customer_no, grade: graded.result}' },
          { id: 'keep', type: 'updateRecord', values: { notes: 'record.notes + " " + core.body.ticket' } },
        ]),
      );
      const created = await newCustomer({ name: 'Gao Ming', credit_score: 720 });
      await settle();
      const [run] = await runsOf('grade_and_post');
      expect(run?.status, JSON.stringify(run)).toBe('succeeded');
      expect(received).toEqual([`POST /api/grades ${JSON.stringify({ customer: `C${dialect}${numbers}`, grade: 'A' })}`]);
      expect((await record(created.id)).notes).toBe('A T-1');
      expect(run!.steps.map((s) => s.detail)).toEqual(['set notes = "A" from customer_grade', 'called core_banking: POST /grades → HTTP 200', 'set notes = "A T-1"']);
      // Logged as the API's and the flows' evaluations are, by the automation, its sensitive input masked.
      const log = await server.request<DecisionEvaluationPage>('GET', '/api/decisions/customer_grade/evaluations');
      expect(log.status, JSON.stringify(log.body)).toBe(200);
      expect(log.body.items.map((e) => ({ caller: e.caller, source: e.source, caseId: e.caseId, inputs: e.inputs, outputs: e.outputs }))).toEqual([
        { caller: 'automation:grade_and_post', source: 'automation', caseId: null, inputs: { Score: 720, Reference: '***' }, outputs: { result: 'A' } },
      ]);
      // A connector answering an error status fails the step with the status as a value, to be tried again.
      await server.publishArtifact(
        automation('post_missing', { type: 'record', entity: 'customer', on: ['created'], condition: 'starts with(new.name, "Q")' }, [
          { id: 'post', type: 'callConnector', connector: 'core_banking', method: 'POST', path: '/missing' },
        ]),
      );
      await newCustomer({ name: 'Qian Yu' });
      await settle();
      const [missing] = await runsOf('post_missing');
      expect(missing).toMatchObject({ status: 'pending', attempts: 1, error: 'connector core_banking answered HTTP 404', errorMessage: { code: 'connectorFailed', params: { connector: 'core_banking', status: 404 } } });
    } finally {
      core.close();
    }
  });

  it("hands new records to the team in turn (round robin within the branch), each move audited with the automation's reason", async () => {
    expect((await server.request('PUT', '/api/auth/roles/team_rm', { key: 'team_rm', label: label('Team RM') })).status).toBe(200);
    for (const [username, branch] of [['rr_b', 'SH001'], ['rr_a', 'SH001'], ['rr_far', 'BJ001']] as const) {
      const made = await server.request('POST', '/api/auth/users', { username, displayName: username, roles: ['team_rm'], branch, password: 'Round-Robin-2026' });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
    }
    const sharing = automation('share_out', { type: 'record', entity: 'customer', on: ['created'], condition: 'starts with(new.name, "R")' }, [
      { id: 'assign', as: 'assigned', type: 'assignOwner', role: 'team_rm', branch: 'if new.credit_score > 0 then "SH001" else "BJ001"' },
    ]);
    await server.publishArtifact(sharing);
    const ids: string[] = [];
    for (const name of ['Ren Yi', 'Ren Er', 'Ren San']) ids.push((await newCustomer({ name, credit_score: 600 })).id);
    await settle();
    const owners = await server.database.read((sql) =>
      sql.rows<{ id: string; username: string }>(`SELECT c.id, u.username FROM e_customer c JOIN bf_user u ON u.id = c.owner_id WHERE c.id IN (?, ?, ?)`, ids),
    );
    const ownerOf = new Map(owners.map((o) => [o.id, o.username]));
    // Turns in username order as the runs are taken, the far branch's RM never: rr_a, rr_b, rr_a.
    expect(ids.map((id) => ownerOf.get(id)).sort()).toEqual(['rr_a', 'rr_a', 'rr_b']);
    const runs = await runsOf('share_out');
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    for (const run of runs) expect(run.steps[0]!.detail).toContain(`to ${ownerOf.get(run.recordId!)} (`);
    expect(runs.map((r) => r.steps[0]!.detail.replace(/^handed customer \S+ /, '')).sort()).toEqual([
      'to rr_a (team_rm of SH001, turn 1)',
      'to rr_a (team_rm of SH001, turn 3)',
      'to rr_b (team_rm of SH001, turn 2)',
    ]);
    const audit = await server.request<{ detail: Record<string, unknown> }[]>('GET', `/api/audit?action=transfer&recordId=${ids[1]}`);
    expect(audit.body[0]?.detail).toMatchObject({ reason: 'automation share_out: round robin among team_rm of SH001' });
    // A test run names who could take it, and hands nothing over.
    const tested = await server.request<AutomationTestResult>('POST', '/api/automations/share_out/test', { recordId: ids[0], changes: { name: 'Ren Si' } });
    expect(tested.body.steps[0]!.detail).toMatch(/^would hand customer .* to the next of rr_a, rr_b \(team_rm of SH001\)$/);
    const [after] = await server.database.read((sql) => sql.rows<{ username: string }>('SELECT u.username FROM e_customer c JOIN bf_user u ON u.id = c.owner_id WHERE c.id = ?', [ids[0]!]));
    expect(after?.username).toBe(ownerOf.get(ids[0]!));
    expect(await runsOf('share_out')).toHaveLength(3);
  });

  it("writes another record an update targets (an opportunity's customer); an unknown field of it is refused on publish, no id named writes nothing", async () => {
    const noting = automation('note_on_customer', { type: 'record', entity: 'opportunity', on: ['created'], condition: 'starts with(new.title, "Note")' }, [
      { id: 'note', type: 'updateRecord', target: { entity: 'customer', id: 'new.customer_id' }, values: { notes: '"Opportunity: " + new.title' } },
    ]);
    const wrong = { ...noting, key: 'note_wrong', actions: [{ id: 'note', type: 'updateRecord', target: { entity: 'customer', id: 'new.customer_id' }, values: { stage: '"x"' } }] };
    expect((await server.request('PUT', '/api/artifacts/automation/note_wrong', wrong)).status).toBe(200);
    const refused = await server.request<Problem>('POST', '/api/artifacts/automation/note_wrong/publish', {});
    expect(refused.body.errors?.map((e) => [e.path, e.code])).toEqual([['/actions/0/values/stage', 'unknownEntityField']]);
    await server.publishArtifact(noting);
    const target = await newCustomer({ name: 'Nie Bo' });
    for (const values of [{ title: 'Note: wealth review', customer_id: target.id }, { title: 'Note: walk-in' }]) {
      expect((await server.request('POST', '/api/records/opportunity', values)).status).toBe(201);
    }
    await settle();
    expect((await record(target.id)).notes).toBe('Opportunity: Note: wealth review');
    const runs = await runsOf('note_on_customer');
    expect(runs.map((r) => [r.status, r.steps[0]!.detail]).sort()).toEqual([
      ['succeeded', 'no customer named: nothing to update'],
      ['succeeded', 'set notes = "Opportunity: Note: wealth review"'],
    ]);
  });

  it('is refused a field an approval flow owns, as a person is', async () => {
    const created = await server.request<{ id: string }>('POST', '/api/records/opportunity', { title: 'Wealth plan' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    await settle();
    const [run] = await runsOf('win_opportunity');
    expect(run).toMatchObject({ status: 'pending', attempts: 1, recordId: created.body.id });
    expect(run!.error).toBe('fieldControlledByFlow (/stage fieldControlledByFlow)');
    expect(run!.errorMessage).toEqual({ code: 'recordRefused', params: { problem: 'fieldControlledByFlow', fields: '/stage fieldControlledByFlow' } });
    expect((await server.request<{ stage: string | null }>('GET', `/api/records/opportunity/${created.body.id}`)).body.stage ?? null).toBeNull();
  });

  it('purges finished runs after the retention period, and keeps those still to go on', async () => {
    const statuses = async (): Promise<string[]> => (await server.database.read((sql) => sql.rows<{ status: string }>('SELECT status FROM bf_automation_run'))).map((r) => r.status);
    const before = await statuses();
    expect(before).toContain('succeeded');
    expect(await runner.purgeFinished()).toBe(0);
    // A month and a day on: every finished run goes, waiting and queued ones stay.
    const purged = await runner.purgeFinished(Date.now() + (runner.retentionDays + 1) * 86_400_000);
    const after = await statuses();
    expect(purged).toBe(before.filter((s) => ['succeeded', 'stopped', 'failed'].includes(s)).length);
    expect(after.sort()).toEqual(before.filter((s) => !['succeeded', 'stopped', 'failed'].includes(s)).sort());
  });

  it('keeps sensitive values out of the run\'s stored context and log, and out of a test\'s answer', async () => {
    const created = await newCustomer({ name: 'Su Lan', credit_score: 640, mobile: MOBILE });
    await settle();
    const changed = await server.request('PATCH', `/api/records/customer/${created.id}`, { version: created.version, mobile: OTHER_MOBILE });
    expect(changed.status).toBe(200);
    await settle();
    const [run] = await runsOf('watch_mobile');
    expect(run).toMatchObject({ status: 'succeeded', recordId: created.id });
    const [stored] = await server.database.read((sql) => sql.rows<{ context: string; steps: string; error: string | null }>('SELECT context, steps, error FROM bf_automation_run WHERE id = ?', [run!.id]));
    const everything = JSON.stringify(stored) + JSON.stringify(run);
    for (const value of [MOBILE, OTHER_MOBILE]) expect(everything).not.toContain(value);
    expect(JSON.parse(stored!.context)).toMatchObject({ changed: ['mobile'], new: { name: 'Su Lan' } });
    expect(JSON.parse(stored!.context).new).not.toHaveProperty('mobile');
    // The expression read the mobile number as null: it is not in scope.
    expect((await record(created.id)).notes).toBe('absent/absent');
    const tested = await server.request('POST', '/api/automations/watch_mobile/test', { recordId: created.id, changes: { mobile: '13700002222' } });
    for (const value of [MOBILE, OTHER_MOBILE, '13700002222']) expect(JSON.stringify(tested.body)).not.toContain(value);
  });
});
