import { Inject, Injectable } from '@nestjs/common';
import type { ApprovalAction, ApprovalTask, CaseDetail, CaseSummary, StartCaseRequest, TaskActionRequest } from '@bankforge/client';
import type { FlowCommand, FlowDefinition, FlowState, JsonValue } from '@bankforge/flow-engine';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import type { Actor } from '../access/actor.js';
import { PublishedArtifacts } from '../artifacts/published-artifacts.js';
import { MetadataService } from '../metadata/metadata.service.js';
import { RecordsService } from '../records/records.service.js';
import { ApprovalTaskRows } from './approval-task-rows.js';
import { caseCan, caseDetail, caseSummary, taskView, trailView } from './case-views.js';
import { dueClock } from './due-clock.js';
import { FlowContextLoader } from './flow-context.js';
import { FlowRunner } from './flow-runner.js';
import { FlowStore, type InstanceRow, type TaskRow } from './flow-store.js';
import { PeopleNames, type People } from './people.js';
import { recordValuesOf, titleField, variablesFromRecord } from './record-binding.js';

/** Approval cases: started on records, acted on through tasks, read by those who may see them. */
@Injectable()
export class FlowsService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(PublishedArtifacts) private readonly published: PublishedArtifacts,
    @Inject(FlowRunner) private readonly runner: FlowRunner,
    @Inject(RecordsService) private readonly records: RecordsService,
    @Inject(MetadataService) private readonly metadata: MetadataService,
    @Inject(PeopleNames) private readonly names: PeopleNames,
    @Inject(FlowContextLoader) private readonly contexts: FlowContextLoader,
  ) {}

  /** Starts a case of a published flow on a record the reader may update (needs the flow's `start` grant). */
  async start(flowKey: string, request: StartCaseRequest, actor: Actor, commandId: string): Promise<CaseDetail> {
    const person = this.person(actor);
    if (!actor.access.canStartFlow(flowKey)) throw new ProblemError(403, 'flowStartForbidden', `Your roles do not allow you to start ${flowKey}.`);
    const published = (await this.published.latest<FlowDefinition>('flow')).get(flowKey);
    if (!published) throw ProblemError.notFound('unknownFlow', `There is no published flow ${flowKey}.`);
    const flow = { ...published.document, version: published.version };
    if (!flow.entity) throw ProblemError.invalid(`Flow ${flowKey} is not bound to an entity: start it from its own API.`, [{ path: '/recordId', code: 'flowNotBoundToRecord', message: `${flowKey} has no entity` }]);
    if (!(await this.reachable(flow.entity, request.recordId, actor, 'update'))) throw ProblemError.notFound('recordNotFound', `${flow.entity} ${request.recordId} was not found.`);
    const model = await this.metadata.entity(flow.entity);
    const stored = await this.database.read((sql) => this.records.readIn(sql, model, request.recordId));
    if (!stored) throw ProblemError.notFound('recordNotFound', `${flow.entity} ${request.recordId} was not found.`);
    const variables = { ...this.extraVariables(flow, request.variables ?? {}), ...variablesFromRecord(flow, model.definition, stored) };
    const { instanceId } = await this.runner.start(flow, request.recordId, (people) => ({ type: 'start', commandId, actor: people.flowActor(person, actor.access.admin), variables, subject: request.recordId }), actor, {
      record: stored,
    });
    return this.readCase(instanceId, actor, true);
  }

  /** Approve, reject, return, delegate, add an approver or comment, with the task form's values. */
  async act(key: string, action: ApprovalAction, request: TaskActionRequest, actor: Actor, commandId: string): Promise<CaseDetail> {
    const person = this.person(actor);
    const task = await this.visibleTask(key, actor);
    const flow = await this.runner.definition(task.flow_key, task.flow_version);
    const editable = new Set(JSON.parse(task.editable_fields) as string[]);
    const refused = Object.keys(request.fields ?? {}).filter((f) => !editable.has(f));
    if (refused.length > 0) throw ProblemError.invalid('Only the step\'s editable fields may be sent.', refused.map((f) => ({ path: `/fields/${f}`, code: 'fieldNotEditable', message: `${f} is not editable at this step` })));
    const resubmit = action === 'approve' && flow.nodes.find((n) => n.id === task.node_id)?.type === 'start';
    // The initiator resubmits what the record now says: they amended the record while it was returned.
    const fields = resubmit && task.entity_key && task.record_id ? await this.boundValues(flow, task.entity_key, task.record_id) : (request.fields as Record<string, JsonValue> | undefined);
    const outcome = await this.runner.run(
      task.instance_id,
      commandId,
      (_row, people) => {
        if (task.claimed_by !== null && task.claimed_by !== person) throw ProblemError.conflict('taskClaimed', `${task.claimed_by} has claimed this task.`);
        checkPerson(people, request);
        const command: FlowCommand = {
          type: 'completeTask',
          commandId,
          taskId: task.task_id,
          actor: people.flowActor(person, actor.access.admin),
          action,
          ...(request.comment !== undefined ? { comment: request.comment } : {}),
          ...(request.returnToNodeId !== undefined ? { returnToNodeId: request.returnToNodeId } : {}),
          ...(request.delegateTo !== undefined ? { delegateTo: request.delegateTo } : {}),
          ...(request.addApprover !== undefined ? { addApprover: request.addApprover } : {}),
          ...(fields !== undefined ? { fields } : {}),
        };
        return command;
      },
      actor,
      {
        sideWork: async (sql, row, model) => {
          // What an approver edited on a bound field lands on the record too, as the flow's write.
          if (resubmit || action !== 'approve' || !request.fields || !model || !row.record_id) return;
          const bound = Object.entries(flow.record?.variables ?? {}).filter(([variable]) => variable in request.fields!);
          if (bound.length === 0) return;
          const values = Object.fromEntries(bound.map(([variable, field]) => [field, request.fields![variable] as JsonValue]));
          await this.records.applyFlowWrite(sql, model, row.record_id, recordValuesOf(model.definition, values, {}), actor);
        },
        known: { flowKey: task.flow_key, flowVersion: task.flow_version },
      },
    );
    // The reader saw the task and acted on it: they see the case.
    return this.readCase(task.instance_id, actor, true, outcome.row);
  }

  /** Takes a task from its role's pool: from now on only the claimer acts on it. */
  async claim(key: string, actor: Actor): Promise<ApprovalTask> {
    const person = this.person(actor);
    const task = await this.visibleTask(key, actor);
    const claimed = await this.database.transaction(async (sql) => {
      const assignees = (await FlowStore.assignees(sql, [key])).get(key) ?? [];
      if (task.status !== 'open' || !assignees.includes(person)) throw ProblemError.conflict('taskNotClaimable', 'This task is not open to you.');
      const changed = await sql.execute("UPDATE bf_flow_task SET claimed_by = ? WHERE id = ? AND status = 'open' AND claimed_by IS NULL", [person, key]);
      // The claimer holds the task now: it is theirs in the approval tasks' data scopes.
      if (changed > 0) await ApprovalTaskRows.held(sql, key, actor.userId, new Date().toISOString(), actor.userId);
      return changed;
    });
    if (claimed === 0) throw ProblemError.conflict('taskAlreadyClaimed', 'Someone else claimed this task first.');
    return this.readTask(key, actor);
  }

  /** Withdraw (the initiator), urge (the initiator), cancel (an administrator). */
  async caseCommand(id: string, command: 'withdraw' | 'urge' | 'cancel', comment: string | undefined, actor: Actor, commandId: string): Promise<CaseDetail> {
    const person = this.person(actor);
    const row = await this.visibleCase(id, actor);
    const outcome = await this.runner.run(id, commandId, (_row, people) => ({ type: command, commandId, actor: people.flowActor(person, actor.access.admin), ...(comment !== undefined ? { comment } : {}) }), actor, {
      known: { flowKey: row.flow_key, flowVersion: Number(row.flow_version) },
    });
    return this.readCase(id, actor, true, outcome.row);
  }

  /**
   * A case as the reader may see it (404 when they may not). `seen`: the reader has just acted on
   * it (they may see it), and `current` is the case as their command left it.
   */
  async readCase(id: string, actor: Actor, seen = false, current?: InstanceRow): Promise<CaseDetail> {
    const of = current ? { row: current, wasAssignee: true } : await this.database.read((sql) => FlowStore.readFor(sql, id, actor.name));
    if (!of || (!seen && !(await this.canSee(of.row, actor, of.wasAssignee)))) throw ProblemError.notFound('caseNotFound', `There is no case ${id}.`);
    const { row } = of;
    const flow = await this.runner.definition(row.flow_key, Number(row.flow_version));
    // Three reads on three connections at once: the answer waits for one round trip, not three.
    const [{ tasks, assignees }, events, record, people] = await Promise.all([
      this.database.read((sql) => FlowStore.openTasksWithAssignees(sql, id)),
      this.database.read((sql) => FlowStore.events(sql, id)),
      this.readableRecord(row, flow, actor),
      this.names.current(),
    ]);
    const title = record?.title;
    const state = FlowStore.state(row);
    const views = await this.taskViews(tasks, flow, actor.name, people, title, state, assignees);
    const variables: Record<string, unknown> = {};
    const bound = flow.record?.variables ?? {};
    for (const [name, value] of Object.entries(state.variables)) {
      if (!(name in bound)) variables[name] = value;
      else if (record && bound[name]! in record.values) variables[name] = record.values[bound[name]!];
    }
    return caseDetail(caseSummary(row, flow, views, people, title, caseCan(row, flow, state, views, actor)), variables, trailView(events, flow, people), views, await this.migrateTo(row, actor));
  }

  /** The title of a case's record, when the reader may see the case (and the record's title field); else undefined. */
  async caseTitle(row: InstanceRow, actor: Actor): Promise<string | undefined> {
    if (!(await this.canSee(row, actor))) return undefined;
    return (await this.readableRecord(row, await this.runner.definition(row.flow_key, Number(row.flow_version)), actor))?.title;
  }

  /** The newer published version an administrator may move a running case to. */
  private async migrateTo(row: InstanceRow, actor: Actor): Promise<number | undefined> {
    if (!actor.access.admin || row.status !== 'running') return undefined;
    const latest = (await this.published.latest('flow')).get(row.flow_key)?.version;
    return latest !== undefined && latest > Number(row.flow_version) ? latest : undefined;
  }

  /** Cases of a record the reader may read, or the ones they started. */
  async listCases(filter: { record?: string; startedBy?: string; status?: string }, actor: Actor): Promise<{ items: CaseSummary[] }> {
    if (filter.record === undefined && filter.startedBy !== 'me') throw ProblemError.badRequest('caseFilterRequired', 'Name a record (?record=) or ask for your own cases (?startedBy=me).');
    const where: string[] = [];
    const params: string[] = [];
    if (filter.record !== undefined) {
      where.push('record_id = ?');
      params.push(filter.record);
    }
    if (filter.startedBy === 'me') {
      where.push('initiator_id = ?');
      params.push(actor.name);
    }
    if (filter.status === 'open') where.push("status = 'running'");
    if (filter.status === 'ended') where.push("status <> 'running'");
    const rows = await this.database.read((sql) => sql.rows<InstanceRow>(`SELECT * FROM bf_flow_instance WHERE ${where.join(' AND ')} ORDER BY started_at DESC, id DESC LIMIT 200`, params));
    const items: CaseSummary[] = [];
    for (const row of rows) {
      if (!(await this.canSee(row, actor))) continue;
      const flow = await this.runner.definition(row.flow_key, Number(row.flow_version));
      const { tasks, assignees } = await this.database.read((sql) => FlowStore.openTasksWithAssignees(sql, row.id));
      const people = await this.names.current();
      const title = (await this.readableRecord(row, flow, actor))?.title;
      const state = FlowStore.state(row);
      const views = await this.taskViews(tasks, flow, actor.name, people, title, state, assignees);
      items.push(caseSummary(row, flow, views, people, title, caseCan(row, flow, state, views, actor)));
    }
    return { items };
  }

  async readTask(key: string, actor: Actor): Promise<ApprovalTask> {
    const task = await this.visibleTask(key, actor);
    const flow = await this.runner.definition(task.flow_key, task.flow_version);
    const people = await this.names.current();
    const row = await this.database.read((sql) => FlowStore.read(sql, task.instance_id));
    const title = row ? (await this.readableRecord(row, flow, actor))?.title : undefined;
    return (await this.taskViews([task], flow, actor.name, people, title, row ? FlowStore.state(row) : undefined))[0]!;
  }

  /** The tasks as the reader sees them, with where a return goes (from the case's state) and the working time left. */
  private async taskViews(tasks: readonly TaskRow[], flow: FlowDefinition, reader: string, people: People, title: string | undefined, state: FlowState | undefined, read?: ReadonlyMap<string, string[]>): Promise<ApprovalTask[]> {
    const assignees = read ?? (await this.database.read((sql) => FlowStore.assignees(sql, tasks.map((t) => t.id))));
    const due = dueClock(await this.contexts.calendar(), new Date().toISOString());
    return tasks.map((t) => taskView(t, flow, assignees.get(t.id) ?? [], reader, people, title, { ...(state ? { state } : {}), ...(due ? { due } : {}) }));
  }

  /** The engine knows people by username; API keys and the system start no cases and act on none. */
  private person(actor: Actor): string {
    if (actor.kind !== 'user') throw new ProblemError(403, 'peopleOnly', 'Only people act on approval cases.');
    return actor.name;
  }

  /** Declared, unbound variables the starter may give; bound ones come from the record. */
  private extraVariables(flow: FlowDefinition, given: Record<string, unknown>): Record<string, JsonValue> {
    const bound = new Set(Object.keys(flow.record?.variables ?? {}));
    const declared = new Set(flow.variables.map((v) => v.name));
    const refused = Object.keys(given).filter((name) => bound.has(name) || !declared.has(name));
    if (refused.length > 0) {
      throw ProblemError.invalid('Some variables cannot be given.', refused.map((name) => ({ path: `/variables/${name}`, code: bound.has(name) ? 'variableFromRecord' : 'unknownVariable', message: bound.has(name) ? `${name} is read from the record` : `${flow.key} declares no variable ${name}` })));
    }
    return given as Record<string, JsonValue>;
  }

  private async boundValues(flow: FlowDefinition, entityKey: string, recordId: string): Promise<Record<string, JsonValue>> {
    const model = await this.metadata.entity(entityKey);
    const stored = await this.database.read((sql) => this.records.readIn(sql, model, recordId));
    return stored ? variablesFromRecord(flow, model.definition, stored) : {};
  }

  private async visibleCase(id: string, actor: Actor): Promise<InstanceRow> {
    const found = await this.database.read((sql) => FlowStore.readFor(sql, id, actor.name));
    if (!found || !(await this.canSee(found.row, actor, found.wasAssignee))) throw ProblemError.notFound('caseNotFound', `There is no case ${id}.`);
    return found.row;
  }

  /** The task and its case (with the flow version it runs), when the reader may see them. */
  private async visibleTask(key: string, actor: Actor): Promise<TaskRow & { flow_version: number }> {
    const found = await this.database.read((sql) => FlowStore.taskFor(sql, key, actor.name));
    // The task row carries what visibility asks of its case: the case id, initiator and record.
    const of = found && { id: found.task.instance_id, initiator_id: found.task.initiator_id, entity_key: found.task.entity_key, record_id: found.task.record_id };
    if (!found || !of || !(await this.canSee(of, actor, found.wasAssignee))) throw ProblemError.notFound('taskNotFound', `There is no task ${key}.`);
    return found.task;
  }

  /**
   * The initiator, past and present assignees, administrators, and whoever may read the record in
   * their scope. `wasAssignee`, when the caller read it with the case (FlowStore.readFor).
   */
  private async canSee(row: Pick<InstanceRow, 'id' | 'initiator_id' | 'entity_key' | 'record_id'>, actor: Actor, wasAssignee?: boolean): Promise<boolean> {
    if (actor.access.admin || row.initiator_id === actor.name) return true;
    if (wasAssignee ?? (await this.database.read((sql: SqlExecutor) => FlowStore.wasAssignee(sql, row.id, actor.name)))) return true;
    return row.entity_key !== null && row.record_id !== null && (await this.reachable(row.entity_key, row.record_id, actor, 'read'));
  }

  /** Whether the record is within the reader's scope for the operation (a query: no read is audited). */
  private async reachable(entityKey: string, recordId: string, actor: Actor, operation: 'read' | 'update'): Promise<boolean> {
    if (operation === 'update' && !actor.access.entity(entityKey).scope('update')) return false;
    try {
      const page = await this.records.query(entityKey, { filter: { field: 'id', op: 'eq', value: recordId }, fields: ['id'], limit: 1 }, actor);
      return page.items.length === 1;
    } catch (error) {
      if (error instanceof ProblemError && (error.status === 403 || error.status === 404)) return false;
      throw error;
    }
  }

  /** The record as the reader may see it (masked, hidden fields absent) and its title; undefined when they may not read it. */
  private async readableRecord(row: InstanceRow, flow: FlowDefinition, actor: Actor): Promise<{ title?: string; values: Record<string, unknown> } | undefined> {
    if (!row.entity_key || !row.record_id) return undefined;
    const model = await this.metadata.entity(row.entity_key).catch(() => undefined);
    if (!model) return undefined;
    const title = titleField(model.definition);
    const fields = [...new Set([...Object.values(flow.record?.variables ?? {}), ...(title ? [title] : [])])].filter((f) => model.fieldsByKey.has(f));
    try {
      const page = await this.records.query(row.entity_key, { filter: { field: 'id', op: 'eq', value: row.record_id }, fields, limit: 1 }, actor);
      const record = page.items[0];
      if (!record) return undefined;
      const values: Record<string, unknown> = {};
      for (const field of fields) if (field in record) values[field] = model.fieldsByKey.get(field)?.type === 'money' ? (record[field] as { amount?: unknown } | null)?.amount ?? null : record[field];
      const shown = title ? record[title] : undefined;
      return { ...(typeof shown === 'string' ? { title: shown } : {}), values };
    } catch (error) {
      if (error instanceof ProblemError && (error.status === 403 || error.status === 404)) return undefined;
      throw error;
    }
  }
}

/**
 * The person a delegation or an added approver names must be an active colleague (the engine takes
 * any name; the directory knows who works here). Read in the command's transaction.
 */
function checkPerson(people: People, request: TaskActionRequest): void {
  const named = request.delegateTo !== undefined ? { path: '/delegateTo', username: request.delegateTo } : request.addApprover ? { path: '/addApprover/userId', username: request.addApprover.userId } : undefined;
  if (!named || people.get(named.username)?.active) return;
  throw ProblemError.invalid(`There is no active person ${named.username}.`, [{ path: named.path, code: 'unknownPerson', message: `${named.username} is not an active user`, messageZh: '没有该在职人员' }], 'unknownPerson');
}
