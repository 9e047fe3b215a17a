/**
 * The human-readable approval trail of a flow instance: who started it, who approved, rejected,
 * returned (to an earlier node or to the initiator), resubmitted, delegated or added whom, on which
 * node, when and with which comment, in event order.
 * For display (the case's history panel) and for audit.
 */
import type { FlowDefinition, LocalizedText } from '../definition/flow-definition.js';
import type { FlowEvent } from '../engine/events/flow-event.js';

export type TrailAction =
  | 'started'
  | 'approved'
  | 'autoApproved'
  | 'rejected'
  | 'autoRejected'
  | 'returned'
  /** The initiator resubmitted a case returned to them (重新提交). */
  | 'resubmitted'
  | 'delegated'
  | 'approverAdded'
  | 'authorityRouted'
  | 'escalated'
  | 'commented'
  | 'urged'
  | 'copied'
  | 'withdrawn'
  | 'cancelled'
  | 'completed'
  | 'terminated'
  | 'failed'
  /** An administrator moved the case to another version of its flow. */
  | 'migrated'
  /** A decision node evaluated its decision (the outputs as `detail`). */
  | 'decided';

export interface TrailEntry {
  /** The event's sequence number (stable key for a list). */
  seq: number;
  /** ISO 8601 instant. */
  at: string;
  action: TrailAction;
  /** Who acted; absent for the engine's own steps (timeouts, routing, the end of the case). */
  actor?: string;
  nodeId?: string;
  /** The node's display name, when the definition was given. */
  nodeName?: LocalizedText;
  taskId?: string;
  comment?: string;
  /** The other people involved: delegate, added approver, escalation or routing targets, cc recipients, the initiator a case went back to. */
  users?: string[];
  /**
   * `returned`: the node the case went back to (the start node when it went back to the initiator).
   * `completed`/`terminated`: the outcome. `failed`: the reason.
   */
  detail?: string;
  /** One line, ready to show. */
  text: LocalizedText;
}

function list(users: readonly string[]): string {
  return users.join(', ');
}

/**
 * The trail of `events` (one instance's event list, in order). Pass the instance's definition to
 * get node names into the entries and texts. Events that are engine bookkeeping (tokens, forks,
 * timers, calls, variables) are left out.
 */
export function approvalTrail(events: readonly FlowEvent[], definition?: FlowDefinition, nameOf: (userId: string) => string = (userId) => userId): TrailEntry[] {
  const names = (users: readonly string[]): string => list(users.map(nameOf));
  const nodeNames = new Map<string, LocalizedText>();
  for (const n of definition?.nodes ?? []) nodeNames.set(n.id, n.name);
  const taskNodes = new Map<string, string>();
  const trail: TrailEntry[] = [];
  let initiator: string | undefined;

  for (const e of events) {
    if (e.type === 'taskCreated' && e.taskId !== undefined && e.nodeId !== undefined) taskNodes.set(e.taskId, e.nodeId);
    const nodeId = e.nodeId ?? (e.taskId !== undefined ? taskNodes.get(e.taskId) : undefined);
    const nodeName = nodeId !== undefined ? nodeNames.get(nodeId) : undefined;
    const where = {
      en: nodeName !== undefined ? ` at "${nodeName.en}"` : nodeId !== undefined ? ` at ${nodeId}` : '',
      zh: nodeName !== undefined ? `（${nodeName['zh-CN']}）` : nodeId !== undefined ? `（${nodeId}）` : '',
    };
    const who = e.actor !== undefined ? nameOf(e.actor) : 'system';
    const entry = (action: TrailAction, en: string, zh: string, extra: Partial<TrailEntry> = {}): void => {
      const t: TrailEntry = { seq: e.seq, at: e.at, action, text: { en, 'zh-CN': zh } };
      if (e.actor !== undefined) t.actor = e.actor;
      if (nodeId !== undefined) t.nodeId = nodeId;
      if (nodeName !== undefined) t.nodeName = nodeName;
      if (e.taskId !== undefined) t.taskId = e.taskId;
      if (e.comment !== undefined) t.comment = e.comment;
      Object.assign(t, extra);
      if (t.comment !== undefined && t.comment !== '') {
        t.text = { en: `${t.text.en}: "${t.comment}"`, 'zh-CN': `${t.text['zh-CN']}：“${t.comment}”` };
      }
      trail.push(t);
    };

    switch (e.type) {
      case 'started':
        initiator = e.data.initiator.userId;
        entry('started', `${who} started the case`, `${who} 发起了申请`);
        break;
      case 'approved':
        if (e.data.automatic === true) {
          entry('autoApproved', `approved automatically on timeout${where.en}`, `超时自动同意${where.zh}`);
        } else {
          const u = e.data.userId;
          entry('approved', `${nameOf(u)} approved${where.en}`, `${nameOf(u)} 同意${where.zh}`, { actor: u });
        }
        break;
      case 'taskClosed':
        if (e.data.reason === 'rejected') {
          if (e.data.automatic === true) entry('autoRejected', `rejected automatically on timeout${where.en}`, `超时自动驳回${where.zh}`);
          else entry('rejected', `${who} rejected${where.en}`, `${who} 驳回${where.zh}`);
        } else if (e.data.reason === 'returned' && e.data.toInitiator === true) {
          const extra: Partial<TrailEntry> = e.data.returnTo !== undefined ? { detail: e.data.returnTo } : {};
          if (initiator !== undefined) extra.users = [initiator];
          entry('returned', `${who} returned the case${where.en} to the initiator`, `${who} 退回发起人${where.zh}`, extra);
        } else if (e.data.reason === 'resubmitted') {
          entry('resubmitted', `${who} resubmitted the case`, `${who} 重新提交了申请`);
        } else if (e.data.reason === 'returned') {
          const to = e.data.returnTo;
          const toName = to !== undefined ? (nodeNames.get(to) ?? { en: to, 'zh-CN': to }) : undefined;
          entry(
            'returned',
            `${who} returned the case${where.en}${toName !== undefined ? ` to "${toName.en}"` : ''}`,
            `${who} 退回${where.zh}${toName !== undefined ? `至 ${toName['zh-CN']}` : ''}`,
            to !== undefined ? { detail: to } : {},
          );
        }
        break;
      case 'voteRejected':
        entry('rejected', `${nameOf(e.data.userId)} voted to reject${where.en}`, `${nameOf(e.data.userId)} 投票驳回${where.zh}`, { actor: e.data.userId });
        break;
      case 'delegated':
        entry('delegated', `${nameOf(e.data.from)} delegated${where.en} to ${nameOf(e.data.to)}`, `${nameOf(e.data.from)} 转办给 ${nameOf(e.data.to)}${where.zh}`, { users: [e.data.to] });
        break;
      case 'approverAdded': {
        const pos = e.data.position === 'before' ? { en: 'before', zh: '前加签' } : { en: 'after', zh: '后加签' };
        entry('approverAdded', `${nameOf(e.data.addedBy)} added ${nameOf(e.data.userId)} as an approver ${pos.en} them${where.en}`, `${nameOf(e.data.addedBy)} ${pos.zh} ${nameOf(e.data.userId)}${where.zh}`, { users: [e.data.userId] });
        break;
      }
      case 'authorityRouted':
        entry(
          'authorityRouted',
          `above ${nameOf(e.data.approver)}'s authority limit of ${e.data.limit}${where.en}: routed to ${names(e.data.to)}`,
          `超出 ${nameOf(e.data.approver)} 的审批权限 ${e.data.limit}${where.zh}，转交 ${names(e.data.to)}`,
          { users: [...e.data.to] },
        );
        break;
      case 'escalated':
        entry('escalated', `escalated${where.en} from ${names(e.data.from)} to ${names(e.data.to)}`, `${where.zh}由 ${names(e.data.from)} 升级至 ${names(e.data.to)}`, { users: [...e.data.to] });
        break;
      case 'commented':
        entry('commented', `${who} commented${where.en}`, `${who} 发表评论${where.zh}`);
        break;
      case 'notified':
        if (e.data.kind === 'urge') entry('urged', `${who} urged ${names(e.data.to)}${where.en}`, `${who} 催办 ${names(e.data.to)}${where.zh}`, { users: [...e.data.to] });
        else if (e.data.kind === 'cc') entry('copied', `copied to ${names(e.data.to)}${where.en}`, `抄送 ${names(e.data.to)}${where.zh}`, { users: [...e.data.to] });
        break;
      case 'ended': {
        const d = e.data;
        if (d.status === 'withdrawn') entry('withdrawn', `${who} withdrew the case`, `${who} 撤回了申请`);
        else if (d.status === 'cancelled') entry('cancelled', `${who} cancelled the case`, `${who} 取消了申请`);
        else if (d.status === 'completed') entry('completed', `the case ended${d.outcome !== undefined ? `: ${d.outcome}` : ''}`, `流程结束${d.outcome !== undefined ? `：${outcomeZh(d.outcome)}` : ''}`, d.outcome !== undefined ? { detail: d.outcome } : {});
        else if (d.status === 'terminated') entry('terminated', `the case was terminated${where.en}${d.outcome !== undefined ? `: ${d.outcome}` : ''}`, `流程终止${where.zh}${d.outcome !== undefined ? `：${outcomeZh(d.outcome)}` : ''}`, d.outcome !== undefined ? { detail: d.outcome } : {});
        else entry('failed', `the case failed${d.error !== undefined ? `: ${d.error}` : ''}`, `流程出错${d.error !== undefined ? `：${d.error}` : ''}`, d.error !== undefined ? { detail: d.error } : {});
        break;
      }
      case 'decided': {
        // Scalar outputs only, as the reader of a trail reads them ("score 82, route officer").
        const shown = Object.entries(e.data.outputs).filter(([, v]) => v === null || typeof v !== 'object').slice(0, 6).map(([k, v]) => `${k} ${String(v)}`).join(', ');
        entry('decided', `${e.data.decisionKey} decided${where.en}${shown ? `: ${shown}` : ''}`, `${e.data.decisionKey} 决策${where.zh}${shown ? `：${shown}` : ''}`, shown ? { detail: shown } : {});
        break;
      }
      case 'migrated':
        entry('migrated', `${who} moved the case from version ${e.data.fromVersion} to version ${e.data.toVersion} of the flow`, `${who} 将申请从流程第 ${e.data.fromVersion} 版迁移到第 ${e.data.toVersion} 版`, { detail: String(e.data.toVersion) });
        break;
      default:
        break;
    }
  }
  return trail;
}

function outcomeZh(outcome: string): string {
  switch (outcome) {
    case 'approved':
      return '通过';
    case 'rejected':
      return '驳回';
    case 'cancelled':
      return '取消';
    default:
      return outcome;
  }
}
