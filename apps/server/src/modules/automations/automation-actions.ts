import { Inject, Injectable } from '@nestjs/common';
import type { AutomationStepLog, AutomationStepMessage } from '@bankforge/client';
import { fromStoredDatetime, toStoredDatetime } from '@bankforge/data-model';
import { addBusinessDuration, type AutomationAction, type BusinessCalendar, type FlowDefinition } from '@bankforge/flow-engine';
import { parseDuration, YearsMonthsDuration } from '@bankforge/rule-engine';
import { v5 as uuidv5 } from 'uuid';
import { databaseNow } from '../../platform/database/database-clock.js';
import { Database } from '../../platform/database/database.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { PublishedArtifacts } from '../artifacts/published-artifacts.js';
import { sensitiveFields } from '../audit/audit-redaction.js';
import { ConnectorCalls } from '../connectors/connector-calls.js';
import { DecisionCatalog } from '../decisions/decision-catalog.js';
import { evaluated } from '../decisions/decisions.service.js';
import { DecisionEvaluationLog } from '../decisions/evaluation-log.js';
import { FlowRunner } from '../flows/flow-runner.js';
import { variablesFromRecord } from '../flows/record-binding.js';
import { MetadataService } from '../metadata/metadata.service.js';
import { Notifications } from '../notifications/notifications.js';
import { ControlledFields } from '../records/controlled-fields.js';
import { OwnershipTransfer } from '../records/ownership-transfer.js';
import { RecordsService } from '../records/records.service.js';
import { AutomationFailure } from './automation-failures.js';
import { stepSaid } from './automation-step-messages.js';
import { lookupTargets } from './automation-lookup.js';
import { nextTurn } from './automation-turns.js';
import { actionScope, automationActor, evaluateFeel, evaluateValues, requestBody, withoutSensitive, type RunContext } from './automation-scope.js';

/** The run an action belongs to, as the executor needs it. */
export interface ActionRun {
  id: string;
  automation: string;
  entity: string | null;
  recordId: string | null;
  context: RunContext;
}

/** What one action did (or, in a test, would do). */
export interface ActionOutcome {
  status: AutomationStepLog['status'];
  /** In English; `message` says the same as a code and values. */
  detail: string;
  message: AutomationStepMessage;
  result?: unknown;
  /** A wait's end, ISO 8601. */
  dueAt?: string;
}

/** Where an automation's case ids come from: the same run and action start the same case, however often retried. */
const CASE_NAMESPACE = '4f7d8a52-3c1e-4b4e-9a53-0c6a2b1f7e21';

/**
 * Performs one action of a run through the services people's requests use (the records service
 * for writes, with validation and audit; the flow runner; the decision catalog; connectors) as the
 * automation's actor. With `execute` false it writes nothing and says what it would do.
 */
@Injectable()
export class AutomationActions {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(MetadataService) private readonly metadata: MetadataService,
    @Inject(RecordsService) private readonly records: RecordsService,
    @Inject(PublishedArtifacts) private readonly published: PublishedArtifacts,
    @Inject(DecisionCatalog) private readonly decisions: DecisionCatalog,
    @Inject(DecisionEvaluationLog) private readonly evaluations: DecisionEvaluationLog,
    @Inject(ConnectorCalls) private readonly connectors: ConnectorCalls,
    @Inject(FlowRunner) private readonly flows: FlowRunner,
    @Inject(OwnershipTransfer) private readonly transfers: OwnershipTransfer,
  ) {
    this.controlled = new ControlledFields(published);
  }

  private readonly controlled: ControlledFields;

  /** The database's clock, ISO 8601: waits are counted on it, whichever replica runs them. */
  async now(): Promise<string> {
    const [row] = await this.database.read((sql) => sql.rows<{ now: string }>(`SELECT ${databaseNow(sql)} AS now`));
    return fromStoredDatetime(String(row!.now))!;
  }

  /** The run's record as stored now (sensitive fields included: for writing, never for a scope), or null. */
  async storedRecord(run: Pick<ActionRun, 'entity' | 'recordId'>): Promise<Record<string, unknown> | null> {
    if (!run.entity || !run.recordId) return null;
    const model = await this.metadata.entity(run.entity);
    return (await this.database.read((sql) => this.records.readIn(sql, model, run.recordId!))) ?? null;
  }

  /** The run's record as expressions read it: without its sensitive fields. */
  async scopeRecord(run: Pick<ActionRun, 'entity' | 'recordId'>, stored?: Record<string, unknown> | null): Promise<Record<string, unknown> | null> {
    const record = stored === undefined ? await this.storedRecord(run) : stored;
    if (!record || !run.entity) return null;
    return withoutSensitive((await this.metadata.entity(run.entity)).definition, record);
  }

  async perform(action: AutomationAction, run: ActionRun, execute: boolean, given?: { record: Record<string, unknown> | null }): Promise<ActionOutcome> {
    const stored = given ? given.record : await this.storedRecord(run);
    const record = given ? given.record : await this.scopeRecord(run, stored);
    const now = await this.now();
    const scope = actionScope(run.context, record, now);
    const actor = automationActor(run.automation);
    const requireRecord = (): { entity: string; id: string } => {
      // A test may describe a sample record that is not stored.
      if (!execute && run.entity && record) return { entity: run.entity, id: run.recordId ?? 'sample' };
      if (!run.entity || !run.recordId) throw new AutomationFailure('noRecord', { action: action.id });
      if (!record) throw new AutomationFailure('recordNotFound', { entity: run.entity, id: run.recordId });
      return { entity: run.entity, id: run.recordId };
    };
    switch (action.type) {
      case 'condition': {
        const value = evaluateFeel(action.when, scope);
        return value === true ? { status: 'done', ...stepSaid('conditionHolds') } : { status: 'stopped', ...stepSaid('conditionFails') };
      }
      case 'updateRecord': {
        if (action.target && 'where' in action.target) {
          const entity = action.target.entity;
          const ids = await lookupTargets(this.records, action.target, scope, run.automation);
          if (ids.length === 0) return { status: 'done', ...stepSaid('nothingMatches', { entity }) };
          const values = evaluateValues(action.values, scope);
          if (execute) for (const id of ids) await this.write(entity, id, values, run.automation);
          return { status: 'done', ...stepSaid(execute ? 'valuesSetOn' : 'valuesWouldSetOn', { values: await this.shown(entity, values), count: ids.length, entity }), result: { updated: ids.length } };
        }
        const id = action.target ? evaluateFeel(action.target.id, scope) : undefined;
        // Another record (a logged visit's customer): none named is nothing to write, not a failure.
        if (action.target && id === null) return { status: 'done', ...stepSaid('nothingToUpdate', { entity: action.target.entity }) };
        if (action.target && typeof id !== 'string') throw new AutomationFailure('targetNotRecordId', { action: action.id });
        const target = action.target ? { entity: action.target.entity, id: id as string } : requireRecord();
        const values = evaluateValues(action.values, scope);
        if (execute) await this.write(target.entity, target.id, values, run.automation);
        return { status: 'done', ...stepSaid(execute ? 'valuesSet' : 'valuesWouldSet', { values: await this.shown(target.entity, values) }) };
      }
      case 'setTags': {
        const target = requireRecord();
        const current = Array.isArray(stored?.[action.field]) ? (stored![action.field] as string[]) : [];
        const next = [...current.filter((t) => !(action.remove ?? []).includes(t)), ...(action.add ?? []).filter((t) => !current.includes(t))];
        const change = [...(action.add ?? []).map((t) => `+ ${t}`), ...(action.remove ?? []).map((t) => `− ${t}`)].join(' ');
        if (JSON.stringify(next) === JSON.stringify(current)) return { status: 'done', ...stepSaid('tagsUnchanged', { field: action.field, change }) };
        if (execute) await this.write(target.entity, target.id, { [action.field]: next }, run.automation);
        return { status: 'done', ...stepSaid(execute ? 'tagsChanged' : 'tagsWouldChange', { field: action.field, change }), result: next };
      }
      case 'createRecord': {
        const values = evaluateValues(action.values, scope);
        if (!execute) return { status: 'done', ...stepSaid('recordWouldCreate', { entity: action.entity, values: await this.shown(action.entity, values) }) };
        const owner = typeof stored?.owner_id === 'string' ? stored.owner_id : undefined;
        const created = await this.records.create(action.entity, values, actor, undefined, owner);
        return { status: 'done', ...stepSaid('recordCreated', { entity: action.entity, id: created.id }), result: { id: created.id } };
      }
      case 'startFlow': {
        const target = requireRecord();
        const published = (await this.published.latest<FlowDefinition>('flow')).get(action.flow);
        if (!published) throw new AutomationFailure('flowNotPublished', { flow: action.flow });
        if (!execute) return { status: 'done', ...stepSaid('caseWouldStart', { flow: action.flow, entity: target.entity, id: target.id }) };
        const caseId = await this.startCase({ ...published.document, version: published.version }, target, stored!, run, action.id);
        return { status: 'done', ...stepSaid('caseStarted', { flow: action.flow, caseId }), result: { caseId } };
      }
      case 'assignOwner': {
        const target = requireRecord();
        const branch = action.branch === undefined ? null : evaluateFeel(action.branch, scope);
        if (branch !== null && typeof branch !== 'string') throw new AutomationFailure('branchNotText', { action: action.id });
        const team = await this.team(action.role, branch);
        const named = `${action.role}${branch !== null ? ` of ${branch}` : ''}`;
        const roleNamed = { role: action.role, ...(branch !== null ? { branch } : {}) };
        if (team.length === 0) throw new AutomationFailure('nobodyHoldsRole', roleNamed);
        if (!execute) return { status: 'done', ...stepSaid('ownerWouldHand', { entity: target.entity, id: target.id, team: team.map((p) => p.username).join(', '), ...roleNamed }) };
        const turn = await this.database.transaction((tx) => nextTurn(tx, run.automation, action.id, `${action.role}@${branch ?? '*'}`));
        const next = team[(turn - 1) % team.length]!;
        await this.transfers.transfer(target.entity, { ids: [target.id], to: next.id, reason: `automation ${run.automation}: round robin among ${named}` }, actor);
        return { status: 'done', ...stepSaid('ownerHanded', { entity: target.entity, id: target.id, to: next.username, turn, ...roleNamed }), result: { owner: next.username } };
      }
      case 'evaluateDecision': {
        const decision = await this.decisions.decision(action.decision);
        if (!decision) throw new AutomationFailure('decisionNotPublished', { decision: action.decision });
        const inputs = evaluateValues(action.inputs, scope);
        const evaluation = this.evaluate(decision, inputs);
        const outputs = evaluation.outputs as Record<string, unknown>;
        // Logged as the API's and the flows' are, sensitive inputs masked; a test run logs nothing.
        if (execute) await this.evaluations.record({ key: decision.key, version: decision.version, at: now, caller: actor.name, source: 'automation', caseId: null, inputs: decision.masked(inputs), outputs, micros: evaluation.micros });
        const writes: Record<string, unknown> = {};
        for (const [field, output] of Object.entries(action.write ?? {})) {
          if (!Object.hasOwn(outputs, output)) throw new AutomationFailure('decisionOutputMissing', { decision: action.decision, output, outputs: Object.keys(outputs).join(', ') });
          writes[field] = outputs[output];
        }
        if (Object.keys(writes).length > 0) {
          const target = requireRecord();
          if (execute) await this.write(target.entity, target.id, writes, run.automation);
          return { status: 'done', ...stepSaid(execute ? 'decisionValuesSet' : 'decisionValuesWouldSet', { values: await this.shown(target.entity, writes), decision: action.decision }), result: outputs };
        }
        return { status: 'done', ...stepSaid('decisionEvaluated', { decision: action.decision }), result: outputs };
      }
      case 'notify': {
        const to = await this.recipients(action.to, stored);
        const fill = (text: string): string => text.replace(/\{([a-z][a-z0-9_]*)\}/g, (whole, name: string) => (record && name in record ? String(record[name] ?? '') : whole));
        const message = { en: fill(action.message.en), 'zh-CN': fill(action.message['zh-CN']) };
        if (execute && to.length > 0) {
          // An alert about the run's record opens it in the runtime; without a record it leads nowhere.
          const about = run.entity && run.recordId ? { record: { entity: run.entity, id: run.recordId } } : {};
          await this.database.transaction((sql) => Notifications.write(sql, to, { kind: 'automation', text: message, ...about }, toStoredDatetime(now)));
        }
        if (to.length === 0) return { status: 'done', ...stepSaid(execute ? 'notifiedNobody' : 'wouldNotifyNobody') };
        return { status: 'done', ...stepSaid(execute ? 'notified' : 'wouldNotify', { to: to.join(', ') }) };
      }
      case 'callConnector': {
        const body = action.body === undefined ? undefined : requestBody(action.body, scope);
        if (!execute) return { status: 'done', ...stepSaid('connectorWouldCall', { connector: action.connector, method: action.method, path: action.path }) };
        const answer = await this.connectors.call(action.connector, { method: action.method, path: action.path, ...(body !== undefined ? { body, headers: { 'content-type': 'application/json' } } : {}) });
        if (!answer.ok) throw new AutomationFailure('connectorRefused', { connector: action.connector, reason: answer.reason });
        if (answer.status >= 400) throw new AutomationFailure('connectorFailed', { connector: action.connector, status: answer.status });
        let parsed: unknown;
        try {
          parsed = answer.body.length > 0 ? JSON.parse(answer.body.toString('utf8')) : null;
        } catch {
          parsed = null;
        }
        return { status: 'done', ...stepSaid('connectorCalled', { connector: action.connector, method: action.method, path: action.path, status: answer.status }), result: { status: answer.status, body: parsed } };
      }
      case 'wait': {
        const dueAt = await this.waitEnd(now, action.duration, action.calendar);
        const calendar: { calendar?: string } = action.calendar ? { calendar: action.calendar } : {};
        return { status: 'waiting', ...stepSaid(execute ? 'waiting' : 'wouldWait', { duration: action.duration, ...calendar, dueAt }), dueAt };
      }
    }
  }

  /** A decision's evaluation; one that throws (an input it refuses, its budget spent) fails the step naming the decision and the problem's code. */
  private evaluate(decision: Parameters<typeof evaluated>[0], inputs: Record<string, unknown>): ReturnType<typeof evaluated> {
    try {
      return evaluated(decision, inputs);
    } catch (error) {
      const problem = error instanceof ProblemError ? error.code : error instanceof Error ? error.name : 'error';
      throw new AutomationFailure('decisionFailed', { decision: decision.key, problem });
    }
  }

  /**
   * A write of the run's record, validated and audited as an update by the automation's actor.
   * Fields an approval flow owns stay the flow's: an automation is refused them as a person is.
   */
  private async write(entity: string, id: string, values: Record<string, unknown>, automation: string): Promise<void> {
    const model = await this.metadata.entity(entity);
    await this.database.transaction(async (tx) => {
      const current = await this.records.readIn(tx, model, id);
      if (!current) throw new AutomationFailure('recordNotFound', { entity, id });
      await this.controlled.check(entity, values, current, tx);
      await this.records.applyFlowWrite(tx, model, id, values, automationActor(automation));
    });
  }

  /** `field = value, ...` for a person, a sensitive field's value never (`••••`). */
  private async shown(entity: string, values: Record<string, unknown>): Promise<string> {
    const sensitive = sensitiveFields((await this.metadata.entity(entity)).definition);
    return Object.entries(values)
      .map(([field, value]) => (sensitive.has(field) ? `${field} = ••••` : `${field} = ${JSON.stringify(value)}`))
      .join(', ')
      .slice(0, 400);
  }

  private async startCase(flow: FlowDefinition, target: { entity: string; id: string }, stored: Record<string, unknown>, run: ActionRun, actionId: string): Promise<string> {
    const model = await this.metadata.entity(target.entity);
    const variables = flow.entity === target.entity ? variablesFromRecord(flow, model.definition, stored) : {};
    const instanceId = uuidv5(`${run.id}:${actionId}`, CASE_NAMESPACE);
    // The case is the record owner's (their manager approves); without an owner, the automation's.
    const [owner] = typeof stored.owner_id === 'string' ? await this.database.read((sql) => sql.rows<{ username: string }>('SELECT username FROM bf_user WHERE id = ?', [stored.owner_id as string])) : [];
    const initiator = owner?.username ?? `automation:${run.automation}`;
    const outcome = await this.flows.start(
      flow,
      target.id,
      (people) => ({ type: 'start', commandId: `automation:${run.id}:${actionId}`, actor: people.flowActor(initiator, false), variables, subject: target.id }),
      automationActor(run.automation),
      { instanceId },
    );
    return outcome.instanceId;
  }

  /** The active people holding `role` (of `branch` when given), in a stable order: the round robin's circle. */
  private team(role: string, branch: string | null): Promise<{ id: string; username: string }[]> {
    return this.database.read(async (sql) => {
      const rows = await sql.rows<{ id: string; username: string; roles: string }>(
        `SELECT id, username, roles FROM bf_user WHERE active = ?${branch !== null ? ' AND branch = ?' : ''} ORDER BY username`,
        branch !== null ? [true, branch] : [true],
      );
      return rows.filter((r) => (JSON.parse(r.roles) as string[]).includes(role)).map((r) => ({ id: String(r.id), username: r.username }));
    });
  }

  /** Usernames a notification reaches. */
  private async recipients(to: Extract<AutomationAction, { type: 'notify' }>['to'], stored: Record<string, unknown> | null): Promise<string[]> {
    if ('users' in to) return [...new Set(to.users)];
    return this.database.read(async (sql) => {
      if ('owner' in to) {
        if (typeof stored?.owner_id !== 'string') return [];
        return (await sql.rows<{ username: string }>('SELECT username FROM bf_user WHERE id = ? AND active = ?', [stored.owner_id, true])).map((r) => r.username);
      }
      const rows = await sql.rows<{ username: string; roles: string }>('SELECT username, roles FROM bf_user WHERE active = ?', [true]);
      return rows.filter((r) => (JSON.parse(r.roles) as string[]).includes(to.role)).map((r) => r.username);
    });
  }

  /** When a wait from `now` ends: in working time of a published calendar when one is named. */
  private async waitEnd(now: string, duration: string, calendarKey: string | undefined): Promise<string> {
    if (calendarKey !== undefined) {
      const calendar = (await this.published.latest<BusinessCalendar>('calendar')).get(calendarKey);
      if (!calendar) throw new AutomationFailure('calendarNotPublished', { calendar: calendarKey });
      return addBusinessDuration(calendar.document, now, duration);
    }
    const parsed = parseDuration(duration);
    if (parsed === null) throw new AutomationFailure('invalidDuration', { duration });
    const at = new Date(now);
    if (parsed instanceof YearsMonthsDuration) at.setUTCMonth(at.getUTCMonth() + parsed.months);
    else at.setTime(at.getTime() + parsed.seconds.times(1000).toNumber());
    return at.toISOString();
  }
}
