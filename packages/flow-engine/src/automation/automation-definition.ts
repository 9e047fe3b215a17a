/**
 * The `automation` artifact: "when this happens (and this holds), do these things in order".
 * A bank's standing rules (tag a high-potential customer, remind an RM, open a retention task,
 * wait two business days and check again) written by an analyst, run by the server.
 *
 * Every expression is FEEL. What an expression sees:
 * - a record trigger: `old` and `new` (the record's fields before and after; `old` is null on a
 *   create), `changed` (a list of the changed fields' keys);
 * - an inbound trigger: `payload` (the posted JSON object);
 * - a case trigger: `case` ({ id, flow, status, outcome });
 * - every action after the trigger: `record` (the run's record, read again before each action, as
 *   the automation's actor sees it), `now`, and each earlier action's result under its `as` name.
 * Sensitive fields are never in scope (they reach events by name only).
 */
import type { RecordFilter } from '@bankforge/data-model';
import type { LocalizedText } from '../definition/flow-definition.js';

export const AUTOMATION_RECORD_EVENTS = ['created', 'updated', 'deleted', 'restored'] as const;
export type AutomationRecordEvent = (typeof AUTOMATION_RECORD_EVENTS)[number];

export const AUTOMATION_CASE_EVENTS = ['started', 'approved', 'rejected', 'withdrawn', 'completed', 'failed', 'cancelled', 'taskCreated', 'taskCompleted'] as const;
export type AutomationCaseEvent = (typeof AUTOMATION_CASE_EVENTS)[number];

/** A record of `entity` was written; `condition` narrows which writes count. */
export interface RecordTrigger {
  type: 'record';
  entity: string;
  on: AutomationRecordEvent[];
  /** FEEL over `old`, `new`, `changed`; true to run. */
  condition?: string;
}

export const SCHEDULE_EVERY = ['day', 'workingDay', 'week', 'month'] as const;
export type ScheduleEvery = (typeof SCHEDULE_EVERY)[number];

/**
 * At `at` (HH:mm, local time in `timeZone`): every day, every working day of `calendar`, every
 * `weekday` (1 Monday .. 7 Sunday) or every month on `dayOfMonth` (1..28). With `entity`, one run
 * per live record the `filter` matches (relative dates such as "within the next 15 days" allowed);
 * without, one run with no record. With `segment`, the audience is a saved segment's (read with
 * its filter as it is at each slot, and the `filter` too when both are given): the segment must be
 * of `entity` and shared (with a team or a branch), never private.
 */
export interface ScheduleTrigger {
  type: 'schedule';
  every: ScheduleEvery;
  at: string;
  timeZone: string;
  /** A published calendar's key: `workingDay` counts its working days (holidays, make-up days). */
  calendar?: string;
  weekday?: number;
  dayOfMonth?: number;
  entity?: string;
  filter?: RecordFilter;
  /** A saved segment's id. */
  segment?: string;
}

/**
 * Another system posted `POST /api/automations/events/{event}` with a JSON object. With `entity`,
 * the run's record is the live one whose `match.field` equals the FEEL `match.value` over `payload`.
 */
export interface InboundTrigger {
  type: 'inbound';
  /** lower_snake_case, as the URL names it. */
  event: string;
  entity?: string;
  match?: { field: string; value: string };
  /** FEEL over `payload` (and `record` when matched). */
  condition?: string;
}

/** A case of `flow` reached one of `events`; the run's record is the case's record, if bound. */
export interface CaseTrigger {
  type: 'case';
  flow: string;
  events: AutomationCaseEvent[];
  /** FEEL over `case`. */
  condition?: string;
}

export type AutomationTrigger = RecordTrigger | ScheduleTrigger | InboundTrigger | CaseTrigger;
export type AutomationTriggerType = AutomationTrigger['type'];

/** Who a notification reaches: the record's owner (its RM), named users, or everyone holding a role. */
export type NotifyTarget = { owner: true } | { users: string[] } | { role: string };

interface ActionBase {
  /** Unique in the automation; runs and their logs name actions by it. */
  id: string;
  /** The action's result is kept under this name for later actions' FEEL. */
  as?: string;
}

/** A field compared with a FEEL value, to find the records an update writes. */
export interface TargetCondition {
  field: string;
  op: 'eq' | 'ne';
  value: string;
}

/** The live records of `entity` matching every condition (`where`, most recently created first; at most 100). */
export interface TargetLookup {
  entity: string;
  where: TargetCondition[];
}

/** Another record, by its entity and a FEEL id. */
export interface TargetById {
  entity: string;
  id: string;
}

/**
 * Writes fields of the run's record (field key -> FEEL value), or of other records: `target`
 * names the entity and, in FEEL, its id (a logged interaction writes its customer's
 * `last_contacted_at` with `{ entity: 'customer', id: 'new.customer' }`), or conditions that find
 * them (a won opportunity marks its campaign contacts converted: `customer = new.customer`,
 * `campaign = new.campaign`, `status != "converted"`). None found writes nothing; every one found
 * is written (a customer contacted twice by a campaign converted on both contacts).
 */
export interface UpdateRecordAction extends ActionBase {
  type: 'updateRecord';
  values: Record<string, string>;
  target?: TargetById | TargetLookup;
}

/** Adds and removes options of a multiSelect (tags) field of the run's record. */
export interface SetTagsAction extends ActionBase {
  type: 'setTags';
  field: string;
  add?: string[];
  remove?: string[];
}

/** Creates a record of `entity` (an opportunity, a ticket, a task): field key -> FEEL value. Its result is `{ id }`. */
export interface CreateRecordAction extends ActionBase {
  type: 'createRecord';
  entity: string;
  values: Record<string, string>;
}

/** Starts a published flow on the run's record. Its result is `{ caseId }`. */
export interface StartFlowAction extends ActionBase {
  type: 'startFlow';
  flow: string;
}

/**
 * Hands the run's record to the next person holding `role` in turn (round robin): new leads shared
 * out within a team. With `branch` (FEEL, e.g. `record.branch`), only that branch's people take
 * turns. The turn is kept per automation, action and team. Its result is `{ owner }` (a username).
 */
export interface AssignOwnerAction extends ActionBase {
  type: 'assignOwner';
  role: string;
  branch?: string;
}

/** Evaluates a published decision (inputs: name -> FEEL) and writes outputs to fields (field key -> output name). Its result is the outputs. */
export interface EvaluateDecisionAction extends ActionBase {
  type: 'evaluateDecision';
  decision: string;
  inputs: Record<string, string>;
  write?: Record<string, string>;
}

/** An in-app notification; `{name}` placeholders in the message read the record's fields. */
export interface NotifyAction extends ActionBase {
  type: 'notify';
  to: NotifyTarget;
  message: LocalizedText;
}

export const CONNECTOR_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Calls a connector: a path under its base URL and a FEEL body (a context becomes JSON). Its result is `{ status, body }`. */
export interface CallConnectorAction extends ActionBase {
  type: 'callConnector';
  connector: string;
  method: (typeof CONNECTOR_METHODS)[number];
  path: string;
  body?: string;
}

/** Waits an ISO 8601 duration (in working time of `calendar` when given), then goes on. */
export interface WaitAction extends ActionBase {
  type: 'wait';
  duration: string;
  calendar?: string;
}

/** Stops the run (as "stopped", not failed) unless the FEEL condition holds. */
export interface ConditionAction extends ActionBase {
  type: 'condition';
  when: string;
}

export type AutomationAction =
  | UpdateRecordAction
  | SetTagsAction
  | CreateRecordAction
  | StartFlowAction
  | AssignOwnerAction
  | EvaluateDecisionAction
  | NotifyAction
  | CallConnectorAction
  | WaitAction
  | ConditionAction;
export type AutomationActionType = AutomationAction['type'];

export const AUTOMATION_ACTION_TYPES = [
  'updateRecord',
  'setTags',
  'createRecord',
  'startFlow',
  'assignOwner',
  'evaluateDecision',
  'notify',
  'callConnector',
  'wait',
  'condition',
] as const satisfies readonly AutomationActionType[];

export interface AutomationDefinition {
  kind: 'automation';
  key: string;
  /** The envelope's title (every artifact has one; lists fall back to it). */
  title: string;
  version?: number;
  schemaVersion?: 1;
  label: LocalizedText;
  description?: LocalizedText;
  /** A published automation runs unless this is false (an administrator's pause). */
  enabled?: boolean;
  trigger: AutomationTrigger;
  actions: AutomationAction[];
}
