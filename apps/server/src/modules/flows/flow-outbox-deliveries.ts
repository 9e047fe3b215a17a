import { Inject, Injectable } from '@nestjs/common';
import type { Actor as FlowActor, FlowCommand, FlowDefinition, JsonValue } from '@bankforge/flow-engine';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { AccessProfile } from '../access/access-profile.js';
import { SYSTEM_ACTOR, type Actor } from '../access/actor.js';
import { PublishedArtifacts } from '../artifacts/published-artifacts.js';
import type { EntityModel } from '../metadata/entity-model.js';
import { MetadataService } from '../metadata/metadata.service.js';
import { RecordsService } from '../records/records.service.js';
import { ConnectorCalls } from '../connectors/connector-calls.js';
import { allowedHosts, connectorOutcome, connectorRequestOf, sendCall, type CallResult } from './flow-outbox-http.js';
import { childInstanceId, FlowOutbox, OUTBOX_MAX_ATTEMPTS, type CallPayload, type OutboxEntry, type Settlement, type StartCasePayload, type StartSubflowPayload } from './flow-outbox.js';
import { FlowRunner } from './flow-runner.js';
import { FlowStore, type InstanceRow } from './flow-store.js';
import { recordValuesOf, variablesFromRecord } from './record-binding.js';

/** An entry as a dispatcher claimed it; `attempts` counts this one. */
export interface ClaimedEntry {
  id: string;
  instance_id: string;
  kind: OutboxEntry['kind'];
  payload: string;
  attempts: number;
}

type SideWork = (sql: SqlExecutor, row: InstanceRow, model: EntityModel | undefined) => Promise<void>;

/** The engine's actor for the server's own commands (cancelling a child whose parent stopped waiting for it). */
const SYSTEM_FLOW_ACTOR: FlowActor = { userId: 'system', admin: true };
const NO_SCRIPTS = 'scripts are not run by this server';

/** A record write of a `recordUpdate` step refused by the record's rules (not a reason to try again). */
class WriteRefused extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/**
 * What each outbox entry does once claimed. Every answer to a case is a command run as the system,
 * with an id derived from the entry (`outbox:<id>`, a child's answer `subflow:<child id>`), and the
 * entry is settled in that command's transaction: a second dispatch finds the command done and
 * changes nothing. Failures that another try will not cure answer the case at once.
 */
@Injectable()
export class FlowOutboxDeliveries {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(FlowRunner) private readonly runner: FlowRunner,
    @Inject(PublishedArtifacts) private readonly published: PublishedArtifacts,
    @Inject(MetadataService) private readonly metadata: MetadataService,
    @Inject(RecordsService) private readonly records: RecordsService,
    @Inject(ConnectorCalls) private readonly connectors: ConnectorCalls,
  ) {}

  async deliver(entry: ClaimedEntry): Promise<void> {
    const work = { kind: entry.kind, payload: JSON.parse(entry.payload) as unknown } as OutboxEntry;
    switch (work.kind) {
      case 'startCase':
        return this.startCase(entry, work.payload);
      case 'call':
        return this.call(entry, work.payload);
      case 'startSubflow':
        return this.startSubflow(entry, work.payload);
      case 'cancelSubflow': {
        const child = childInstanceId({ instanceId: entry.instance_id, callId: work.payload.callId });
        return this.answer(entry, child, { type: 'cancel', commandId: `outbox:${entry.id}`, actor: SYSTEM_FLOW_ACTOR }, { state: 'done' });
      }
      case 'subflowCompleted': {
        const { parent, ...completed } = work.payload;
        return this.answer(entry, parent.instanceId, { type: 'subflowCompleted', commandId: `subflow:${entry.instance_id}`, callId: parent.callId, ...completed }, { state: 'done' });
      }
    }
  }

  /** The last attempt failed in a way nobody foresaw: the waiting case is told, and the entry is failed. */
  async giveUp(entry: ClaimedEntry, reason: string): Promise<void> {
    const work = { kind: entry.kind, payload: JSON.parse(entry.payload) as unknown } as OutboxEntry;
    const failed: Settlement = { state: 'failed', error: reason };
    if (work.kind === 'call') return this.answerCall(entry, work.payload, { ok: false, error: reason }, failed);
    if (work.kind === 'startSubflow') return this.childFailed(entry, work.payload, reason);
    await this.database.transaction((sql) => FlowOutbox.settle(sql, entry.id, failed));
  }

  private async call(entry: ClaimedEntry, call: CallPayload): Promise<void> {
    switch (call.effect) {
      case 'http':
      case 'webhook': {
        if (!(await this.waitsFor(entry.instance_id, call.callId))) return this.database.transaction((sql) => FlowOutbox.settle(sql, entry.id, { state: 'done', error: 'callNotPending' }));
        const result = call.config.connector !== undefined ? await this.throughConnector(entry.id, call) : await sendCall(entry.id, call, allowedHosts());
        if (result.ok) return this.answerCall(entry, call, { ok: true, output: result.output }, { state: 'done' });
        // The same request again, with the same key, until the attempts run out; then the node's own retry policy decides.
        if (result.retry && entry.attempts < OUTBOX_MAX_ATTEMPTS) return this.database.transaction((sql) => FlowOutbox.retryLater(sql, entry.id, entry.attempts, result.error));
        return this.answerCall(entry, call, { ok: false, error: result.error }, { state: 'failed', error: result.error });
      }
      case 'recordUpdate':
        return this.recordUpdate(entry, call);
      case 'script':
        return this.answerCall(entry, call, { ok: false, error: NO_SCRIPTS }, { state: 'failed', error: NO_SCRIPTS });
    }
  }

  /** One try through the step's connector: the outbox's own retries stand in for the connector's, keyed by the entry. */
  private async throughConnector(entryId: string, call: CallPayload): Promise<CallResult> {
    const request = connectorRequestOf(entryId, call);
    if (typeof request === 'string') return { ok: false, error: `service config: ${request}`, retry: false };
    try {
      return connectorOutcome(await this.connectors.call(request.connector, request.request, { once: true }));
    } catch (error) {
      if (error instanceof ProblemError && error.code === 'connectorNotFound') return { ok: false, error: `connector ${request.connector} does not exist`, retry: false };
      throw error;
    }
  }

  /** A `recordUpdate` step writes its config (field → value) into the case's record, in the answer's transaction. */
  private async recordUpdate(entry: ClaimedEntry, call: CallPayload): Promise<void> {
    try {
      await this.answerCall(entry, call, { ok: true, output: {} }, { state: 'done' }, async (sql, row, model) => {
        if (!model || !row.record_id) throw new WriteRefused('caseHasNoRecord');
        try {
          await this.records.applyFlowWrite(sql, model, row.record_id, recordValuesOf(model.definition, call.config, {}), flowSystemActor(row.flow_key));
        } catch (error) {
          if (error instanceof ProblemError && error.status < 500) throw new WriteRefused(error.code);
          throw error;
        }
      });
    } catch (error) {
      if (!(error instanceof WriteRefused)) throw error;
      const reason = `record update refused: ${error.code}`;
      await this.answerCall(entry, call, { ok: false, error: reason }, { state: 'failed', error: reason });
    }
  }

  private answerCall(entry: ClaimedEntry, call: CallPayload, result: { ok: true; output: Record<string, JsonValue> } | { ok: false; error: string }, settlement: Settlement, sideWork?: SideWork): Promise<void> {
    return this.answer(entry, entry.instance_id, { type: 'serviceResult', commandId: `outbox:${entry.id}`, callId: call.callId, ...result }, settlement, sideWork);
  }

  /**
   * Starts the child case: the published flow (pinned or latest), on the parent's record when it is
   * bound to the same entity (its bound variables then read from the record, as for any case), with
   * the parent's initiator as its initiator (maker-checker holds across both), under the id the
   * parent's call gives it.
   */
  private async startSubflow(entry: ClaimedEntry, start: StartSubflowPayload): Promise<void> {
    const parent = await this.database.read((sql) => FlowStore.read(sql, entry.instance_id));
    if (!parent || !waiting(parent, start.callId)) return this.database.transaction((sql) => FlowOutbox.settle(sql, entry.id, { state: 'done', error: 'callNotPending' }));
    try {
      const flow = await this.childFlow(start.flowKey, start.version);
      const recordId = flow.entity !== undefined && flow.entity === parent.entity_key ? parent.record_id : null;
      const variables = recordId ? { ...start.variables, ...(await this.boundVariables(flow, recordId)) } : start.variables;
      await this.runner.start(
        flow,
        recordId,
        (people) => ({ type: 'start', commandId: `outbox:${entry.id}`, actor: people.flowActor(parent.initiator_id, false), variables, ...(recordId ? { subject: recordId } : {}), parent: start.parent }),
        SYSTEM_ACTOR,
        { instanceId: childInstanceId(start.parent), child: true },
      );
      await this.database.transaction((sql) => FlowOutbox.settle(sql, entry.id, { state: 'done' }));
    } catch (error) {
      if (!(error instanceof ProblemError) || error.status >= 500) throw error;
      await this.childFailed(entry, start, `subflow ${start.flowKey} did not start: ${error.code}`);
    }
  }

  /**
   * Starts the case a record write asked for, as the person who wrote it, on the record as it is now.
   * A case already running on the record, or a record gone or approved, leaves nothing to do.
   */
  private async startCase(entry: ClaimedEntry, start: StartCasePayload): Promise<void> {
    let reason: string | undefined;
    try {
      const flow = await this.runner.definition(start.flowKey, start.version);
      const variables = await this.boundVariables(flow, start.recordId);
      const starter: Actor = { ...flowSystemActor(flow.key), name: `flow ${flow.key} (started by ${start.initiator})` };
      await this.runner.start(
        flow,
        start.recordId,
        (people) => ({ type: 'start', commandId: `outbox:${entry.id}`, actor: people.flowActor(start.initiator, false), variables, subject: start.recordId }),
        starter,
        { instanceId: entry.instance_id },
      );
    } catch (error) {
      if (!(error instanceof ProblemError) || error.status >= 500) throw error;
      reason = error.code;
    }
    await this.database.transaction((sql) => FlowOutbox.settle(sql, entry.id, { state: 'done', ...(reason ? { error: reason } : {}) }));
  }

  /** The child cannot start (its flow is not published, its variables do not fit): the parent's step fails with the reason. */
  private childFailed(entry: ClaimedEntry, start: StartSubflowPayload, reason: string): Promise<void> {
    return this.answer(entry, start.parent.instanceId, { type: 'subflowCompleted', commandId: `outbox:${entry.id}`, callId: start.parent.callId, error: reason }, { state: 'failed', error: reason });
  }

  private async waitsFor(instanceId: string, callId: string): Promise<boolean> {
    const row = await this.database.read((sql) => FlowStore.read(sql, instanceId));
    return row !== undefined && waiting(row, callId);
  }

  private async childFlow(key: string, version: number | undefined): Promise<FlowDefinition> {
    if (version !== undefined) return this.runner.definition(key, version);
    const latest = (await this.published.latest<FlowDefinition>('flow')).get(key);
    if (!latest) throw ProblemError.conflict('flowNotPublished', `Flow ${key} is not published.`);
    return { ...latest.document, version: latest.version };
  }

  private async boundVariables(flow: FlowDefinition, recordId: string): Promise<Record<string, JsonValue>> {
    if (!flow.entity || Object.keys(flow.record?.variables ?? {}).length === 0) return {};
    const model = await this.metadata.entity(flow.entity);
    const record = await this.database.read((sql) => this.records.readIn(sql, model, recordId));
    return record ? variablesFromRecord(flow, model.definition, record) : {};
  }

  /**
   * Runs the command that answers an entry and settles the entry in its transaction. A case that no
   * longer waits for the answer (it ended, the step was cancelled, the case is gone) leaves nothing
   * to do: the entry is settled with the reason.
   */
  private async answer(entry: ClaimedEntry, instanceId: string, command: FlowCommand, settlement: Settlement, sideWork?: SideWork): Promise<void> {
    try {
      const outcome = await this.runner.run(instanceId, command.commandId, () => command, SYSTEM_ACTOR, {
        sideWork: async (sql, row, model) => {
          await sideWork?.(sql, row, model);
          await FlowOutbox.settle(sql, entry.id, settlement);
        },
      });
      if (outcome.duplicate) await this.database.transaction((sql) => FlowOutbox.settle(sql, entry.id, settlement));
    } catch (error) {
      // A stale case is a race, not a refusal: the next try runs on the new state.
      if (!(error instanceof ProblemError) || (error.status !== 404 && error.status !== 409) || error.code === 'staleCase') throw error;
      const reason = settlement.error ? `${settlement.error}; ${error.code}` : error.code;
      await this.database.transaction((sql) => FlowOutbox.settle(sql, entry.id, { state: settlement.state, error: reason }));
    }
  }
}

/** Whether the case still waits for the call: one that ended or moved on (a cancel, a boundary timer) starts and sends nothing more. */
function waiting(row: InstanceRow, callId: string): boolean {
  return row.status === 'running' && (FlowStore.state(row).calls ?? []).some((c) => c.id === callId);
}

/** The flow writing its record on its own (no person's action caused a service step's write). */
function flowSystemActor(flowKey: string): Actor {
  return { kind: 'system', userId: null, name: `flow ${flowKey}`, branch: null, roles: [], access: AccessProfile.unrestricted };
}
