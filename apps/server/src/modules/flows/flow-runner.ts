import { Inject, Injectable } from '@nestjs/common';
import { execute, migrateInstance, type ExecuteResult, type FlowCommand, type FlowDefinition, type FlowState } from '@bankforge/flow-engine';
import { approvalTaskEntity, type CaseNotificationKind } from '@bankforge/client';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { AccessProfile } from '../access/access-profile.js';
import type { Actor } from '../access/actor.js';
import { PublishedArtifacts } from '../artifacts/published-artifacts.js';
import { AuditLog } from '../audit/audit-log.js';
import type { EntityModel } from '../metadata/entity-model.js';
import { MetadataService } from '../metadata/metadata.service.js';
import { Notifications } from '../notifications/notifications.js';
import { RecordsService } from '../records/records.service.js';
import { flowName, nodeName, notificationText } from './case-texts.js';
import { FlowContextLoader, type FlowRunContext } from './flow-context.js';
import { isFlowCommandError, problemOf } from './flow-commands.js';
import { FlowOutbox } from './flow-outbox.js';
import { ApprovalTaskRows } from './approval-task-rows.js';
import { FlowStore, stored, taskKey, type InstanceRow } from './flow-store.js';
import { PeopleDirectory, type People } from './people.js';
import { migrationReason } from './migration-reasons.js';
import { recordTitle, recordValuesOf } from './record-binding.js';
import { DomainEvents, caseEvents } from '../events/domain-events.js';
import { timeOrderedId } from '../../platform/ids/time-ordered-id.js';

/** What a command changed: the case's id, whether it ran at all (a repeated command id does not), and the case as it left it. */
export interface CommandOutcome {
  instanceId: string;
  duplicate: boolean;
  /** The case as stored after the command (absent for a repeated one). */
  row?: InstanceRow;
}

/** What a caller of `run` may add: work in the command's transaction, and the flow version when it has read the case already. */
export interface RunOptions {
  sideWork?: (sql: SqlExecutor, row: InstanceRow, model: EntityModel | undefined) => Promise<void>;
  known?: { flowKey: string; flowVersion: number };
}

/** Command `commandId` on case `instanceId`, built by `commandOf` once the case is locked. */
export interface CaseCommandRun {
  instanceId: string;
  commandId: string;
  commandOf: (row: InstanceRow, people: People, state: FlowState) => FlowCommand;
  options?: RunOptions;
}

/** A command with what it needs loaded before its transaction (the engine is synchronous). */
interface PreparedRun extends CaseCommandRun {
  flow: FlowDefinition;
  context: FlowRunContext;
  model: EntityModel | undefined;
}

/**
 * Runs one command on one case in one transaction: the case locked, the engine executed, its
 * events appended, and the database-side effects applied (tasks, timers, notifications, record
 * writes, the audit entry). A refusal changes nothing; a repeated command id changes nothing twice.
 */
@Injectable()
export class FlowRunner {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(PublishedArtifacts) private readonly published: PublishedArtifacts,
    @Inject(FlowContextLoader) private readonly contexts: FlowContextLoader,
    @Inject(RecordsService) private readonly records: RecordsService,
    @Inject(MetadataService) private readonly metadata: MetadataService,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(PeopleDirectory) private readonly directory: PeopleDirectory,
  ) {
    // The runner writes approval tasks: the server publishes their entity as it starts.
    metadata.definePlatformEntity(approvalTaskEntity);
  }

  /** The flow version a case runs (cases stay on the version they started with). */
  async definition(key: string, version: number): Promise<FlowDefinition> {
    const flow = await this.published.version<FlowDefinition>('flow', key, version);
    if (!flow) throw ProblemError.conflict('flowNotPublished', `Flow ${key} v${version} is not published.`);
    return { ...flow, version };
  }

  /**
   * Starts a case of `flow` on a record; a subflow's child may have none. A case the outbox starts
   * has its id given (`instanceId`): started again, it starts nothing. A `child` runs when its
   * parent says, whatever else runs on the record. `record`: the record as the caller just read it
   * (its variables came from it), so the case's title and amount need no second read.
   */
  async start(
    flow: FlowDefinition,
    recordId: string | null,
    commandOf: (people: People) => FlowCommand,
    actor: Actor,
    given: { instanceId?: string; child?: boolean; record?: Readonly<Record<string, unknown>> } = {},
  ): Promise<CommandOutcome> {
    const instanceId = given.instanceId ?? timeOrderedId();
    const context = await this.contexts.contextFor(flow);
    const model = await this.boundModel(flow);
    return this.guarded(() =>
      this.database.transaction(async (sql) => {
        if (given.instanceId && (await FlowStore.read(sql, given.instanceId))) return { instanceId, duplicate: true };
        // One case at a time, and an approved record is not submitted again (a new application is).
        const check = await FlowStore.startCheck(sql, flow.key, flow.entity, given.child ? null : recordId);
        const { blocking } = check;
        if (blocking?.status === 'running') throw ProblemError.conflict('caseAlreadyRunning', `A ${flow.key} case is already running on this record.`, { caseId: blocking.id });
        if (blocking) throw ProblemError.conflict('caseAlreadyApproved', `This record was already approved by ${flow.key}.`, { caseId: blocking.id });
        const people = await this.directory.load(sql, check.directoryStamp);
        const command = commandOf(people);
        const now = new Date().toISOString();
        const result = execute(flow, null, command, now, { directory: people.directory, ...context, instanceId });
        const row: InstanceRow = {
          id: instanceId,
          flow_key: flow.key,
          flow_version: flow.version!,
          entity_key: flow.entity ?? null,
          record_id: recordId,
          status: result.state.status,
          outcome: result.state.outcome ?? null,
          state: '',
          initiator_id: result.state.initiator.userId,
          started_at: stored(result.state.startedAt),
          ended_at: result.state.status === 'running' ? null : stored(now),
          version: 1,
        };
        await FlowStore.insert(sql, row, result.state);
        await this.applied(sql, row, flow, model, context, result, command, actor, people, now, given.record);
        await this.contexts.logDecisions(sql, context, result, actor, row.id);
        return { instanceId, duplicate: false };
      }),
    );
  }

  /**
   * Runs command `commandId` on an existing case; `commandOf` builds it (and may refuse it) once
   * the case is locked, unless the id already acted on the case: a repeat changes nothing.
   */
  async run(instanceId: string, commandId: string, commandOf: CaseCommandRun['commandOf'], actor: Actor, options: RunOptions = {}): Promise<CommandOutcome> {
    const [prepared] = await this.prepare([{ instanceId, commandId, commandOf, options }]);
    return this.guarded(() => this.database.transaction((sql) => this.runIn(sql, prepared!, actor)));
  }

  /**
   * Runs several commands in one transaction, one commit for all: the server's own bulk work
   * (timers due at once), where a commit per command would make the disk the limit. All of them
   * land or none does; a caller told of a failure runs them one by one.
   */
  async runAll(commands: readonly CaseCommandRun[], actor: Actor): Promise<CommandOutcome[]> {
    const prepared = await this.prepare(commands);
    return this.guarded(() =>
      this.database.transaction(async (sql) => {
        const outcomes: CommandOutcome[] = [];
        for (const command of prepared) outcomes.push(await this.runIn(sql, command, actor));
        return outcomes;
      }),
    );
  }

  /** The flow version each case runs (unless the caller knows it), its decisions and calendar, its entity. */
  private async prepare(commands: readonly CaseCommandRun[]): Promise<PreparedRun[]> {
    const prepared: PreparedRun[] = [];
    for (const command of commands) {
      const peek = command.options?.known ?? (await this.database.read(async (sql) => {
        const [found] = await sql.rows<{ flow_key: string; flow_version: number }>('SELECT flow_key, flow_version FROM bf_flow_instance WHERE id = ?', [command.instanceId]);
        return found ? { flowKey: found.flow_key, flowVersion: Number(found.flow_version) } : undefined;
      }));
      if (!peek) throw ProblemError.notFound('caseNotFound', `There is no case ${command.instanceId}.`);
      const flow = await this.definition(peek.flowKey, peek.flowVersion);
      prepared.push({ ...command, flow, context: await this.contexts.contextFor(flow), model: await this.boundModel(flow) });
    }
    return prepared;
  }

  private async runIn(sql: SqlExecutor, { instanceId, commandId, commandOf, options = {}, flow, context, model }: PreparedRun, actor: Actor): Promise<CommandOutcome> {
    const locked = await FlowStore.lock(sql, instanceId, commandId);
    if (!locked) throw ProblemError.notFound('caseNotFound', `There is no case ${instanceId}.`);
    if (locked.seen) return { instanceId, duplicate: true };
    const { row } = locked;
    const people = await this.directory.load(sql, locked.directoryStamp);
    const state = FlowStore.state(row);
    const command = commandOf(row, people, state);
    if (command.commandId !== commandId) throw new Error(`command ${command.commandId} run as ${commandId}`);
    const now = new Date().toISOString();
    // A task's timeout firing says it is overdue, whatever the timeout then does.
    const overdue = command.type === 'timerFired' ? state.timers?.find((t) => t.id === command.timerId && t.purpose === 'timeout')?.taskId : undefined;
    const result = execute(flow, state, command, now, { directory: people.directory, ...context });
    if (result.duplicate) return { instanceId, duplicate: true };
    const saved = await FlowStore.update(sql, row, result.state, result.state.status === 'running' ? null : stored(now));
    if (!saved) throw ProblemError.conflict('staleCase', 'The case changed while this command ran; try again.');
    if (overdue) await ApprovalTaskRows.overdue(sql, taskKey(row.id, overdue), now);
    await this.applied(sql, saved, flow, model, context, result, command, actor, people, now);
    await this.contexts.logDecisions(sql, context, result, actor, row.id);
    await options.sideWork?.(sql, row, model);
    return { instanceId, duplicate: false, row: saved };
  }

  /**
   * Moves a running case to another published version of its flow, when every step it waits at
   * is still there in a compatible form (`migrateInstance`); else 409 `migrationRefused` naming them.
   */
  async migrate(instanceId: string, from: FlowDefinition, to: FlowDefinition, actor: Actor, commandId: string): Promise<CommandOutcome> {
    return this.database.transaction(async (sql) => {
      const locked = await FlowStore.lock(sql, instanceId, commandId);
      if (!locked) throw ProblemError.notFound('caseNotFound', `There is no case ${instanceId}.`);
      if (locked.seen) return { instanceId, duplicate: true };
      const { row } = locked;
      if (Number(row.flow_version) !== from.version) throw ProblemError.conflict('staleCase', 'The case changed while this command ran; try again.');
      const now = new Date().toISOString();
      const moved = migrateInstance(from, to, FlowStore.state(row), { commandId, actor: actor.name, at: now });
      if (!moved.ok) {
        const errors = moved.reasons.map((r) => ({
          path: r.nodeId ? `/nodes/${r.nodeId}` : '',
          code: 'migrationRefused',
          message: r.message,
          messageZh: migrationReason(r, from, to.version ?? 0).text['zh-CN'],
        }));
        throw new ProblemError(409, 'migrationRefused', `This case cannot move to version ${to.version} of ${to.key}.`, errors);
      }
      const saved = await FlowStore.update(sql, row, moved.state, null);
      if (!saved) throw ProblemError.conflict('staleCase', 'The case changed while this command ran; try again.');
      await FlowStore.appendEvents(sql, row.id, moved.events);
      await ApprovalTaskRows.migrated(sql, row.id, moved.state.definitionVersion, now, actor.userId);
      await this.audit.append(sql, actor, {
        action: 'flow',
        entity: row.entity_key ?? undefined,
        recordId: row.record_id ?? undefined,
        detail: { flow: to.key, case: row.id, command: 'migrate', fromVersion: from.version, toVersion: to.version, status: moved.state.status },
      });
      return { instanceId, duplicate: false, row: saved };
    });
  }

  /**
   * The bound entity's model, looked up before the transaction: inside it, a lookup that misses the
   * cache would wait on a second connection (SQLite runs one transaction at a time).
   */
  private async boundModel(flow: FlowDefinition): Promise<EntityModel | undefined> {
    return flow.entity ? this.metadata.entity(flow.entity) : undefined;
  }

  private async guarded<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isFlowCommandError(error)) throw problemOf(error);
      throw error;
    }
  }

  /** Appends the events and applies the effects, in the command's transaction. */
  private async applied(
    sql: SqlExecutor,
    row: InstanceRow,
    flow: FlowDefinition,
    model: EntityModel | undefined,
    context: FlowRunContext,
    result: ExecuteResult,
    command: FlowCommand,
    actor: Actor,
    people: People,
    now: string,
    record?: Readonly<Record<string, unknown>>,
  ): Promise<void> {
    await FlowStore.appendEvents(sql, row.id, result.events);
    // The case's end is told after the record writes it makes; its other steps before them.
    const ends = result.events.filter((e) => e.type === 'ended');
    await DomainEvents.write(sql, caseEvents(result.events.filter((e) => e.type !== 'ended'), row), actor);
    const at = stored(now);
    const subject = model && row.record_id ? await this.subject(sql, model, row.record_id, record) : undefined;
    const name = flowName(flow);
    const notify = (users: readonly string[], kind: CaseNotificationKind, nodeId: string | undefined, task: string | null, detail?: string): Promise<void> =>
      Notifications.write(sql, users, { kind, text: notificationText(kind, name, nodeId ? nodeName(flow, nodeId) : undefined, subject?.title, detail), caseId: row.id, ...(task ? { taskId: task } : {}) }, at);
    const startNode = flow.nodes.find((n) => n.type === 'start')?.id;
    // Approval tasks are owned by people's user ids; the engine names them by username.
    const userIdOf = (username: string): string | undefined => people.get(username)?.id;
    const holderOf = (assignees: readonly string[]): string | null => (new Set(assignees).size === 1 ? (userIdOf(assignees[0]!) ?? null) : null);
    const decider = (taskId: string): string | undefined => (command.type === 'completeTask' && command.taskId === taskId ? userIdOf(command.actor.userId) : undefined);
    for (const effect of result.effects) {
      switch (effect.type) {
        case 'createTask': {
          const key = taskKey(row.id, effect.taskId);
          const dueAt = effect.dueAt ? stored(effect.dueAt) : null;
          await sql.execute(
            `INSERT INTO bf_flow_task (id, instance_id, task_id, flow_key, node_id, status, mode, assignee_count, claimed_by, actions, editable_fields, entity_key, record_id, amount, currency, initiator_id, created_at, due_at, closed_at, result)
             VALUES (?, ?, ?, ?, ?, 'open', ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)`,
            [key, row.id, effect.taskId, flow.key, effect.nodeId, effect.mode, new Set(effect.assignees).size, JSON.stringify(effect.actions), JSON.stringify(effect.editableFields ?? []), row.entity_key, row.record_id, subject?.amount ?? null, subject?.currency ?? null, row.initiator_id, at, dueAt],
          );
          await FlowStore.addAssignees(sql, key, effect.assignees, dueAt);
          await ApprovalTaskRows.opened(sql, {
            key,
            caseId: row.id,
            flow,
            flowVersion: Number(row.flow_version),
            nodeId: effect.nodeId,
            rework: effect.nodeId === startNode,
            subjectEntity: row.entity_key,
            subjectId: row.record_id,
            openedAt: now,
            dueAt: effect.dueAt ?? null,
            holder: holderOf(effect.assignees),
            by: actor.userId,
          });
          await notify(effect.assignees, effect.nodeId === startNode ? 'returned' : 'assigned', effect.nodeId, key);
          break;
        }
        case 'updateTask': {
          const key = taskKey(row.id, effect.taskId);
          const before = (await FlowStore.assignees(sql, [key])).get(key) ?? [];
          const task = await FlowStore.task(sql, key);
          await FlowStore.setAssignees(sql, key, effect.assignees, task?.due_at ?? null);
          // A claim names one person among several: it stands while that person is still assigned.
          const claimStands = task?.claimed_by ? effect.assignees.includes(task.claimed_by) : false;
          if (task?.claimed_by && !claimStands) await sql.execute('UPDATE bf_flow_task SET claimed_by = NULL WHERE id = ?', [key]);
          await ApprovalTaskRows.held(sql, key, claimStands ? (userIdOf(task!.claimed_by!) ?? null) : holderOf(effect.assignees), now, actor.userId);
          await notify(effect.assignees.filter((u) => !before.includes(u)), 'assigned', task?.node_id, key);
          break;
        }
        case 'closeTask': {
          const key = taskKey(row.id, effect.taskId);
          await FlowStore.closeTask(sql, key, 'closed', effect.result, at);
          const by = decider(effect.taskId);
          await ApprovalTaskRows.closed(sql, { key, outcome: effect.result, at: now, ...(by !== undefined ? { decider: by } : {}), by: actor.userId }, context.workingDays);
          break;
        }
        case 'cancelTask': {
          const key = taskKey(row.id, effect.taskId);
          await FlowStore.closeTask(sql, key, 'cancelled', 'cancelled', at);
          await ApprovalTaskRows.closed(sql, { key, outcome: 'cancelled', at: now, by: actor.userId }, context.workingDays);
          break;
        }
        case 'notify': {
          const kind: CaseNotificationKind = effect.kind === 'remind' ? 'remind' : effect.kind === 'urge' ? 'urge' : effect.kind === 'escalate' ? 'escalate' : 'cc';
          await notify(effect.to, kind, effect.nodeId, effect.taskId ? taskKey(row.id, effect.taskId) : null);
          break;
        }
        case 'scheduleTimer':
          await sql.execute("INSERT INTO bf_flow_timer (id, instance_id, timer_id, state, due_at, lease_owner, lease_until, attempts, fired_at, last_error) VALUES (?, ?, ?, 'scheduled', ?, NULL, NULL, 0, NULL, NULL)", [
            taskKey(row.id, effect.timerId),
            row.id,
            effect.timerId,
            stored(effect.dueAt),
          ]);
          break;
        case 'cancelTimer':
          await sql.execute("UPDATE bf_flow_timer SET state = 'cancelled' WHERE id = ? AND state = 'scheduled'", [taskKey(row.id, effect.timerId)]);
          break;
        case 'updateRecord':
          if (model && row.record_id) {
            const values = recordValuesOf(model.definition, effect.values, subject?.currencies ?? {});
            await this.records.applyFlowWrite(sql, model, row.record_id, values, flowActor(flow.key, command, people));
          }
          break;
        case 'instanceEnded':
          await notify([row.initiator_id], 'outcome', undefined, null, effect.status === 'completed' ? effect.outcome : effect.status);
          // A subflow's child answers its parent through the outbox.
          await FlowOutbox.enqueue(sql, row.id, result, effect);
          break;
        case 'callService':
        case 'startSubflow':
        case 'cancelSubflow':
          // Calls and subflows leave through the outbox after commit (FlowOutboxDispatcher).
          await FlowOutbox.enqueue(sql, row.id, result, effect);
          break;
        case 'evaluateDecision':
          // Decisions are evaluated in the command (context.decide): an asynchronous one means a broken setup.
          throw ProblemError.conflict('effectNotSupported', `This server does not run ${effect.type} steps (flow ${flow.key}).`);
      }
    }
    await DomainEvents.write(sql, caseEvents(ends, row), actor);
    await this.audit.append(sql, actor, {
      action: 'flow',
      entity: row.entity_key ?? undefined,
      recordId: row.record_id ?? undefined,
      detail: { flow: flow.key, version: flow.version, case: row.id, command: command.type, ...('action' in command ? { action: command.action } : {}), ...('taskId' in command ? { task: command.taskId } : {}), status: result.state.status },
    });
  }

  /** The bound record's title and amount as the inbox shows them (read as the system: the tasks table is read under the reader's rules). */
  private async subject(
    sql: SqlExecutor,
    model: EntityModel,
    recordId: string,
    known?: Readonly<Record<string, unknown>>,
  ): Promise<{ title?: string; amount?: string; currency?: string; currencies: Record<string, string> } | undefined> {
    const record = known ?? (await this.records.readIn(sql, model, recordId));
    if (!record) return undefined;
    const currencies: Record<string, string> = {};
    for (const field of model.definition.fields) {
      const value = record[field.key] as { currency?: unknown } | null | undefined;
      if (field.type === 'money' && value && typeof value.currency === 'string') currencies[field.key] = value.currency;
    }
    const amount = record.amount as { amount?: string; currency?: string } | null | undefined;
    return { title: recordTitle(model.definition, record), amount: amount?.amount, currency: amount?.currency, currencies };
  }
}

/** The flow writing its record for the person whose command caused the write (audited as both). */
function flowActor(flowKey: string, command: FlowCommand, people: People): Actor {
  const userId = 'actor' in command ? command.actor.userId : null;
  const person = userId ? people.get(userId) : undefined;
  return {
    kind: 'system',
    userId: person ? person.id : null,
    name: `flow ${flowKey}${userId ? ` (${userId})` : ''}`,
    branch: null,
    roles: [],
    access: AccessProfile.unrestricted,
  };
}
