import type { ApprovalAction, ApprovalTask, CaseDetail, CaseStatus, CaseSummary, CaseTrailEntry } from '@bankforge/client';
import { approvalTrail, canWithdraw, type FlowDefinition, type FlowEvent, type FlowState } from '@bankforge/flow-engine';
import type { Actor } from '../access/actor.js';
import { flowName, nodeName, textOf } from './case-texts.js';
import type { DueClock } from './due-clock.js';
import { instant, type InstanceRow, type TaskRow } from './flow-store.js';
import type { People } from './people.js';
import { returnTargets } from './return-targets.js';

/** What a task's answer is computed with besides the row: the case's state (for return targets), the business clock. */
export interface TaskViewContext {
  state?: FlowState;
  due?: DueClock;
}

/** A task row as the reader sees it: what they may do now, whether they may claim it, where a return goes, how long is left. */
export function taskView(task: TaskRow, flow: FlowDefinition, assignees: readonly string[], reader: string, people: People, recordTitle: string | undefined, context: TaskViewContext = {}): ApprovalTask {
  const pool = task.mode === 'single' && assignees.length > 1;
  const open = task.status === 'open';
  const mine = open && assignees.includes(reader) && (task.claimed_by === reader || (task.claimed_by === null && !pool));
  const claimable = open && pool && task.claimed_by === null && assignees.includes(reader);
  const actions = JSON.parse(task.actions) as ApprovalAction[];
  const resubmit = flow.nodes.find((n) => n.id === task.node_id)?.type === 'start';
  const dueAt = instant(task.due_at);
  return {
    id: task.id,
    caseId: task.instance_id,
    flowKey: task.flow_key,
    flowName: flowName(flow),
    nodeId: task.node_id,
    nodeName: nodeName(flow, task.node_id),
    entity: task.entity_key ?? '',
    recordId: task.record_id ?? '',
    ...(recordTitle ? { recordTitle } : {}),
    ...(task.amount !== null && task.currency ? { amount: { amount: Number(task.amount).toFixed(2), currency: task.currency } } : {}),
    status: task.status,
    assignees: assignees.map((u) => people.named(u)),
    candidateRoles: [],
    ...(task.claimed_by ? { claimedBy: people.named(task.claimed_by) } : {}),
    claimable,
    actions: mine ? actions : [],
    // A resubmit reads the amended record again: nothing is edited on the task itself.
    editableFields: resubmit ? [] : (JSON.parse(task.editable_fields) as string[]),
    resubmit,
    ...(context.state ? { returnTargets: open ? returnTargets(flow, context.state, task.task_id) : [] } : {}),
    startedBy: people.named(task.initiator_id),
    createdAt: instant(task.created_at)!,
    ...(dueAt ? { dueAt } : {}),
    ...(open && dueAt && context.due ? { dueIn: context.due(dueAt) } : {}),
    overdue: open && dueAt !== undefined && Date.parse(dueAt) < Date.now(),
  };
}

/**
 * What the reader may do on the case, as the engine allows it: the initiator withdraws while nobody
 * has acted since they (re)submitted or while it is returned to them, and urges the approvers of
 * open tasks (not their own resubmit task); an administrator cancels.
 */
export function caseCan(row: InstanceRow, flow: FlowDefinition, state: FlowState, tasks: readonly ApprovalTask[], actor: Actor): CaseSummary['can'] {
  const running = row.status === 'running';
  const initiator = running && row.initiator_id === actor.name && actor.kind === 'user';
  return {
    withdraw: initiator && canWithdraw(flow, state),
    urge: initiator && tasks.some((t) => !t.resubmit),
    cancel: running && actor.access.admin,
  };
}

/** A case in a list: where it waits (its open tasks by step) and since when, and what the reader may do on it. */
export function caseSummary(row: InstanceRow, flow: FlowDefinition, tasks: readonly ApprovalTask[], people: People, recordTitle: string | undefined, can: CaseSummary['can']): CaseSummary {
  const waiting = new Map<string, CaseSummary['waitingAt'][number]>();
  for (const task of tasks) {
    const at = waiting.get(task.nodeId);
    if (at) at.assignees.push(...task.assignees.filter((a) => !at.assignees.some((b) => b.id === a.id)));
    else waiting.set(task.nodeId, { nodeId: task.nodeId, name: task.nodeName, since: task.createdAt, assignees: [...task.assignees] });
  }
  const endedAt = instant(row.ended_at);
  return {
    id: row.id,
    flowKey: row.flow_key,
    flowVersion: Number(row.flow_version),
    flowName: flowName(flow),
    entity: row.entity_key ?? '',
    recordId: row.record_id ?? '',
    ...(recordTitle ? { recordTitle } : {}),
    status: row.status as CaseStatus,
    ...(row.outcome ? { outcome: row.outcome } : {}),
    waitingAt: [...waiting.values()],
    startedBy: people.named(row.initiator_id),
    startedAt: instant(row.started_at)!,
    ...(endedAt ? { endedAt } : {}),
    can,
  };
}

/** The approval trail with people named. */
export function trailView(events: readonly FlowEvent[], flow: FlowDefinition, people: People): CaseTrailEntry[] {
  return approvalTrail(events, flow, (username) => people.named(username).name).map((entry) => ({
    seq: entry.seq,
    at: entry.at,
    action: entry.action,
    ...(entry.actor ? { actor: people.named(entry.actor) } : {}),
    ...(entry.nodeId ? { nodeId: entry.nodeId, nodeName: entry.nodeName ? textOf(entry.nodeName, entry.nodeId) : nodeName(flow, entry.nodeId) } : {}),
    ...(entry.comment ? { comment: entry.comment } : {}),
    ...(entry.users ? { users: entry.users.map((u) => people.named(u)) } : {}),
    ...(entry.detail ? { detail: entry.detail } : {}),
    text: textOf(entry.text, entry.action),
  }));
}

export function caseDetail(summary: CaseSummary, variables: Record<string, unknown>, trail: CaseTrailEntry[], tasks: ApprovalTask[], migrateTo?: number): CaseDetail {
  return { ...summary, variables, trail, tasks, ...(migrateTo !== undefined ? { migrateTo } : {}) };
}
