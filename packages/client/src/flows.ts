/**
 * The approval API's answers and requests: cases (flow instances bound to a record), the task
 * inbox, the approval trail and in-app notifications. One definition for the server and the apps.
 */

import type { LocalizedText } from '@bankforge/data-model';
import type { ArtifactDocument } from './types.js';

/** A text in the bank's two languages (the data model's `LocalizedText`). */
export type CaseText = LocalizedText;

/** A person as the approval screens name them. */
export interface CasePerson {
  id: string;
  name: string;
}

/** A colleague found by `GET /api/people`: their name and branch, nothing else. */
export interface PersonMatch extends CasePerson {
  branch?: string;
}

/** `GET /api/people` query: active people whose username or name contains `q` (those starting with it first). */
export interface PeopleQuery {
  q?: string;
  /** At most 20 (the default). */
  limit?: number;
}

/** `GET /api/people`. */
export interface PeoplePage {
  items: PersonMatch[];
}

export type CaseStatus = 'running' | 'completed' | 'terminated' | 'cancelled' | 'withdrawn' | 'failed';

/** What an approver may do on a task (the node's `actions`). */
export type ApprovalAction = 'approve' | 'reject' | 'return' | 'delegate' | 'addApprover' | 'comment';

/** A case in a list: where it waits and since when. */
export interface CaseSummary {
  id: string;
  flowKey: string;
  flowVersion: number;
  flowName: CaseText;
  /** The bound record. */
  entity: string;
  recordId: string;
  /** The record's title field, as the reader may see it. */
  recordTitle?: string;
  status: CaseStatus;
  /** For a completed case: `approved`, `rejected`, ... */
  outcome?: string;
  /** The approval steps it waits at (several in a parallel split). */
  waitingAt: { nodeId: string; name: CaseText; since: string; assignees: CasePerson[] }[];
  startedBy: CasePerson;
  startedAt: string;
  endedAt?: string;
  /** What the reader may do on the case itself. */
  can: { withdraw: boolean; urge: boolean; cancel: boolean };
}

/** One line of the approval trail, oldest first. */
export interface CaseTrailEntry {
  seq: number;
  at: string;
  action: string;
  actor?: CasePerson;
  nodeId?: string;
  nodeName?: CaseText;
  comment?: string;
  /** The other people involved (a delegate, an added approver, an escalation's targets). */
  users?: CasePerson[];
  detail?: string;
  /** Ready to show, in both languages. */
  text: CaseText;
}

/** A case in full, as `GET /api/flows/instances/{id}` answers it. */
export interface CaseDetail extends CaseSummary {
  /** The case's variables the reader may see (masked and hidden fields follow the bound entity's field rules). */
  variables: Record<string, unknown>;
  trail: CaseTrailEntry[];
  /** The open tasks. */
  tasks: ApprovalTask[];
  /** For an administrator, on a running case: the newer published version of its flow they may move it to. */
  migrateTo?: number;
}

/** Where a return may send a case: an earlier step, or its initiator to amend and resubmit it (the start step's id). */
export interface ReturnTarget {
  nodeId: string;
  name: CaseText;
}

/** A task in the inbox. */
export interface ApprovalTask {
  id: string;
  caseId: string;
  flowKey: string;
  flowName: CaseText;
  nodeId: string;
  nodeName: CaseText;
  entity: string;
  recordId: string;
  recordTitle?: string;
  /** The case's amount (money variable `amount`), when it has one: inboxes sort and filter by it. */
  amount?: { amount: string; currency: string };
  status: 'open' | 'closed' | 'cancelled';
  /** The people who may act now. */
  assignees: CasePerson[];
  /** Roles whose holders may claim it (in `branch` when set); empty once someone claimed it. */
  candidateRoles: string[];
  branch?: string;
  claimedBy?: CasePerson;
  /** True when the reader may claim it (a candidate task nobody holds). */
  claimable: boolean;
  /** The actions the reader may take now (empty when they may only look). */
  actions: ApprovalAction[];
  /** Fields of the bound record the approver may edit on approve. */
  editableFields: string[];
  /**
   * The initiator's task on a case returned to them: they amend the record itself, then `approve`
   * resubmits it (the case reads the record again and runs from the start).
   */
  resubmit: boolean;
  /**
   * Where `return` may send the case, the one a return without `returnToNodeId` takes first; empty
   * when the step offers no return or has nowhere to return to. On a task read on its own and on a
   * case's tasks; inbox pages leave it out.
   */
  returnTargets?: ReturnTarget[];
  startedBy: CasePerson;
  createdAt: string;
  dueAt?: string;
  /**
   * The working time from the answer to `dueAt` on the bank's business calendar, negative when
   * overdue, and the length of one working day, to say it in days or hours. Absent without a due
   * time or without a published calendar.
   */
  dueIn?: { businessMinutes: number; workingDayMinutes: number };
  overdue: boolean;
}

/** `GET /api/tasks`: the reader's inbox, overdue first, then by due time; keyset pages. */
export interface TaskInboxPage {
  items: ApprovalTask[];
  nextCursor: string | null;
  counts: { mine: number; claimable: number; overdue: number };
}

/** `GET /api/tasks` query: `scope` mine (assigned to me), claimable (my roles' pool), or all of them. */
export interface TaskInboxQuery {
  scope?: 'mine' | 'claimable' | 'all';
  flow?: string;
  node?: string;
  overdue?: boolean;
  /** Only tasks due before this instant. */
  dueBefore?: string;
  minAmount?: string;
  maxAmount?: string;
  limit?: number;
  cursor?: string;
}

/** `POST /api/tasks/{id}/{action}` body. */
export interface TaskActionRequest {
  comment?: string;
  /** `approve`: values of the node's editable fields. */
  fields?: Record<string, unknown>;
  /** `return`: the earlier step to send the case back to (default: the one before). */
  returnToNodeId?: string;
  /** `delegate`: who takes over. */
  delegateTo?: string;
  /** `addApprover`: one more approver, before or after the reader. */
  addApprover?: { userId: string; position: 'before' | 'after' };
}

/** `POST /api/flows/{key}/instances` body: start a case on a record. */
export interface StartCaseRequest {
  recordId: string;
  /** Extra variables the flow declares; those bound to the record's fields are read from it. */
  variables?: Record<string, unknown>;
  comment?: string;
}

/** `POST /api/flows/instances/{id}/migrate` body (administrators): the published version to move the case to (default: the latest). */
export interface MigrateCaseRequest {
  toVersion?: number;
}

/** What a case tells its people. */
export type CaseNotificationKind = 'assigned' | 'remind' | 'escalate' | 'returned' | 'outcome' | 'urge' | 'cc';
/** A case's, an automation's alert (`automation`), or an administrator's notice (`webhookDisabled`). */
export type NotificationKind = CaseNotificationKind | 'automation' | 'webhookDisabled';

/** An in-app notification (`GET /api/notifications`): it leads to its task, else its case, else its record, else nowhere. */
export interface CaseNotification {
  id: string;
  kind: NotificationKind;
  caseId?: string;
  taskId?: string;
  /** The record an automation's alert is about. */
  record?: { entity: string; id: string };
  text: CaseText;
  createdAt: string;
  readAt?: string;
}

export interface NotificationPage {
  items: CaseNotification[];
  unread: number;
}

/**
 * `GET /api/flows/calendar` (for flow designers): the business calendar business-time durations
 * count on, its latest published version. 404 `noBusinessCalendar` when none is published.
 */
export interface FlowBusinessCalendar<D = ArtifactDocument> {
  key: string;
  version: number;
  document: D;
}
