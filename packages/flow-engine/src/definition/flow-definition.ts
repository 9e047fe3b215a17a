/**
 * The `flow` artifact: the JSON document an analyst draws in the flow designer and publishes.
 *
 * These types are the contract between the designer, the server (which validates every save
 * against `flowArtifactSchema` and every publish with `validateFlowDefinition`) and the engine
 * (which interprets a published definition). Pure data: no functions, no classes, JSON
 * round-trippable.
 *
 * Every FEEL field is a source string (type `FeelSource`) compiled by `@bankforge/rule-engine`.
 */

/** A FEEL expression source, e.g. `amount > 500000`. */
export type FeelSource = string;

/** An ISO 8601 duration such as `PT48H` or `P3D`. */
export type IsoDuration = string;

/** JSON values (variable defaults, service configuration). */
export type FlowJsonValue =
  | string
  | number
  | boolean
  | null
  | FlowJsonValue[]
  | { [key: string]: FlowJsonValue };

/** A display label in each UI language. */
export interface LocalizedText {
  en: string;
  'zh-CN': string;
}

// ---------------------------------------------------------------------------------------------
// Enumerations (exported as const arrays so the schema and the designer share one list)
// ---------------------------------------------------------------------------------------------

export const FLOW_VARIABLE_TYPES = [
  'string',
  'number',
  'boolean',
  'date',
  'dateTime',
  'money',
  'list',
  'context',
] as const;
export type FlowVariableType = (typeof FLOW_VARIABLE_TYPES)[number];

export const FLOW_OUTCOMES = ['approved', 'rejected', 'cancelled'] as const;
export type FlowOutcome = (typeof FLOW_OUTCOMES)[number];

export const APPROVAL_MODES = ['single', 'any', 'all', 'percentage', 'sequential'] as const;
/**
 * - `single`: one assignee decides (the first resolved assignee, or whoever claims it).
 * - `any` (或签): the first approval by any assignee completes the task.
 * - `all` (会签): every assignee must approve.
 * - `percentage`: at least `percentage`% of assignees must approve (2 of 3 → 66.67).
 * - `sequential` (依次): assignees approve one after another, in the order resolved.
 * A `reject` decides the task as soon as the required approvals can no longer be reached: at once
 * in `single`, `any` (或签: the first action, approve or reject, decides), `all` (会签) and
 * `sequential`; in `percentage` only when too few assignees are left to reach the share.
 */
export type ApprovalMode = (typeof APPROVAL_MODES)[number];

export const APPROVAL_ACTIONS = [
  'approve',
  'reject',
  'return',
  'delegate',
  'addApprover',
  'comment',
] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

export const TIMEOUT_ACTIONS = ['remind', 'escalate', 'autoApprove', 'autoReject'] as const;
export type TimeoutAction = (typeof TIMEOUT_ACTIONS)[number];

/** `script`: a script the server runs for the flow (BPMN script tasks; `config.script` holds it). */
export const SERVICE_EFFECTS = ['http', 'recordUpdate', 'webhook', 'script'] as const;
export type ServiceEffect = (typeof SERVICE_EFFECTS)[number];

export const FLOW_NODE_TYPES = [
  'start',
  'end',
  'terminate',
  'approval',
  'branch',
  'inclusive',
  'inclusiveJoin',
  'parallel',
  'join',
  'decision',
  'service',
  'notify',
  'timer',
  'subflow',
] as const;
export type FlowNodeType = (typeof FLOW_NODE_TYPES)[number];

// ---------------------------------------------------------------------------------------------
// Variables
// ---------------------------------------------------------------------------------------------

export interface FlowVariable {
  /** A FEEL-compatible name, referenced by conditions and expressions. */
  name: string;
  type: FlowVariableType;
  /** `start` is rejected when a required variable is missing (and has no default). */
  required?: boolean;
  default?: FlowJsonValue;
  label?: LocalizedText;
}

// ---------------------------------------------------------------------------------------------
// Assignees
// ---------------------------------------------------------------------------------------------

/** A named user. */
export interface UserAssignee {
  kind: 'user';
  userId: string;
}

/** Every holder of a role (anywhere in the bank). */
export interface RoleAssignee {
  kind: 'role';
  role: string;
}

/** Holders of a role within the initiator's branch. */
export interface BranchRoleAssignee {
  kind: 'branchRole';
  role: string;
}

/** The initiator's manager, `levels` up the chain (1 = direct manager). */
export interface ManagerAssignee {
  kind: 'manager';
  levels: number;
}

/**
 * A FEEL expression over the case variables (plus `initiator`) returning a user id or a list
 * of user ids.
 */
export interface ExpressionAssignee {
  kind: 'expression';
  feel: FeelSource;
}

export type AssigneeRule =
  | UserAssignee
  | RoleAssignee
  | BranchRoleAssignee
  | ManagerAssignee
  | ExpressionAssignee;
export type AssigneeKind = AssigneeRule['kind'];

// ---------------------------------------------------------------------------------------------
// Nodes
// ---------------------------------------------------------------------------------------------

export interface NodePosition {
  x: number;
  y: number;
}

interface NodeBase {
  /** Unique within the definition; stable across versions (migration matches on it). */
  id: string;
  name: LocalizedText;
  /** Canvas position in the designer; ignored by the engine. */
  position?: NodePosition;
}

export interface StartNode extends NodeBase {
  type: 'start';
}

/** Ends one path; the case ends when no path is active. */
export interface EndNode extends NodeBase {
  type: 'end';
  /** The case outcome set when this end is reached (default: `approved`). */
  outcome?: FlowOutcome;
  /**
   * A BPMN error end event: reaching it aborts the whole case (status `failed`, `out` = this
   * code), cancelling open tasks, timers and calls.
   */
  errorCode?: string;
}

/** Ends the whole case at once, cancelling every open task and timer. */
export interface TerminateNode extends NodeBase {
  type: 'terminate';
  outcome: FlowOutcome;
}

/**
 * Timeout of an approval task. `duration` is an ISO 8601 duration (`PT48H`, `P3D`); with
 * `businessCalendar: true` its days count business days of the server's calendar (the server
 * computes the due date; the engine receives `timerFired`).
 */
export interface ApprovalTimeout {
  duration: IsoDuration;
  businessCalendar?: boolean;
  action: TimeoutAction;
  /** For `escalate`: the assignee's manager, or the holders of a role. */
  escalateTo?: { manager: true } | { role: string };
}

/**
 * Amount authority: a holder of `role` may approve while the variable `amountVariable` is at
 * most `upTo`; above it, their approval routes the task further (to the next authority).
 */
export interface AuthorityLimit {
  role: string;
  upTo: number;
  amountVariable: string;
}

export interface ApprovalNode extends NodeBase {
  type: 'approval';
  /** Resolved in order when the task opens; the union of all resolved users is assigned. */
  assignees: AssigneeRule[];
  mode: ApprovalMode;
  /** For mode `percentage`: the share of assignees that must approve, 0 < p <= 100. */
  percentage?: number;
  /** The form shown with the task (a form artifact key). */
  formKey?: string;
  /** Variables the approver may change on the task form. */
  editableFields?: string[];
  /** Actions offered on the task. */
  actions: ApprovalAction[];
  /**
   * For `return`: back to the previous approval node only (`previous`, the default), to any earlier
   * approval node or the initiator (`any`), or to the initiator only (`initiator`, 退回发起人: the
   * initiator amends the case and resubmits it, or withdraws it).
   */
  returnTo?: 'previous' | 'any' | 'initiator';
  timeout?: ApprovalTimeout;
  authorityLimits?: AuthorityLimit[];
  /** No person approves twice in one case (across all approval nodes with this flag). */
  distinctApprovers?: boolean;
  /**
   * Id of an outgoing edge taken when the task ends in rejection (a reject, or `autoReject`).
   * Without it a rejection ends the case with outcome `rejected`.
   */
  rejectEdge?: string;
  /** Timers on the task's border (BPMN boundary timer events on a user task); see `BoundaryTimer`. */
  boundaryTimers?: BoundaryTimer[];
}

/** Exclusive branch: conditions of outgoing edges in edge order; the first true wins; else the default edge. */
export interface BranchNode extends NodeBase {
  type: 'branch';
}

/** Inclusive split: every outgoing edge whose condition holds is taken (default if none). */
export interface InclusiveNode extends NodeBase {
  type: 'inclusive';
}

/** Synchronises an inclusive split: waits for exactly the branches that were taken. */
export interface InclusiveJoinNode extends NodeBase {
  type: 'inclusiveJoin';
  /** The `inclusive` node whose branches this join synchronises (inferred when absent). */
  splitId?: string;
}

/** Parallel split: every outgoing edge is taken. */
export interface ParallelNode extends NodeBase {
  type: 'parallel';
}

/** Parallel join: waits until every incoming edge has arrived. */
export interface JoinNode extends NodeBase {
  type: 'join';
}

/** Evaluates a decision artifact and writes its outputs into variables. */
export interface DecisionNode extends NodeBase {
  type: 'decision';
  decisionKey: string;
  /** Pin a published version of the decision (latest published when absent). */
  decisionVersion?: number;
  /** Decision input name → FEEL expression over the case variables. */
  inputs: Record<string, FeelSource>;
  /** Flow variable → path in the decision result (`score`, `result.grade`). */
  outputs: Record<string, string>;
}

export interface RetryPolicy {
  /** Attempts in total, including the first (>= 1). */
  maxAttempts: number;
  /** Wait before retry n: `delay * multiplier^(n-1)`; `multiplier` defaults to 1 (fixed). */
  backoff?: { delay: IsoDuration; multiplier?: number };
}

/**
 * Standard loop (BPMN `standardLoopCharacteristics`): the activity runs again *while* `condition`
 * holds after a run (before every run, the first included, with `testBefore`), at most `maximum`
 * runs. Without a condition it repeats until the maximum.
 */
export interface ActivityLoop {
  condition?: FeelSource;
  maximum?: number;
  testBefore?: boolean;
}

/**
 * Multi-instance (BPMN `multiInstanceLoopCharacteristics`): the activity runs `cardinality` times
 * (a FEEL expression giving a non-negative integer), one after another or all at once; the token
 * moves on when all runs ended or `completionCondition` holds after one (the others are cancelled).
 * A negative cardinality fails the case.
 */
export interface MultiInstance {
  sequential?: boolean;
  cardinality: FeelSource;
  completionCondition?: FeelSource;
}

/**
 * A timer on the border of an activity (BPMN boundary timer event): `duration` after the activity
 * starts, the token takes `edge` (an outgoing edge of the activity). Interrupting cancels the
 * activity; non-interrupting leaves it running and starts a second path.
 */
export interface BoundaryTimer {
  /** Id of the boundary event (unique among the definition's node ids). */
  id: string;
  duration: IsoDuration;
  interrupting: boolean;
  edge: string;
  name?: LocalizedText;
  position?: NodePosition;
}

/** What service and subflow nodes share with BPMN activities: loops, multi-instance, boundary timers, token quantities. */
export interface ActivityBehaviour {
  loop?: ActivityLoop;
  multiInstance?: MultiInstance;
  boundaryTimers?: BoundaryTimer[];
  /** Tokens that must arrive before the activity runs once (BPMN `startQuantity`, default 1). */
  startQuantity?: number;
  /** Tokens the activity puts on each outgoing edge when it completes (BPMN `completionQuantity`, default 1). */
  completionQuantity?: number;
}

/** Asks the server to perform an effect; the engine waits for `serviceResult`. */
export interface ServiceNode extends NodeBase, ActivityBehaviour {
  type: 'service';
  effect: ServiceEffect;
  /** Effect-specific configuration (URL, method, entity, field mapping, ...). */
  config: { [key: string]: FlowJsonValue };
  retry?: RetryPolicy;
  /** Id of an outgoing edge taken when the effect fails after all retries (else the case fails). */
  failureEdge?: string;
  /** Flow variable → path in the effect's result. */
  outputs?: Record<string, string>;
}

/** Carbon copy (抄送) or a message; never blocks the path. */
export interface NotifyNode extends NodeBase {
  type: 'notify';
  to: AssigneeRule[];
  kind: 'cc' | 'message';
  /** Message template key (or text with `{variable}` placeholders). */
  template: string;
}

/** Waits for a duration, or until the date/dateTime a FEEL expression returns. Exactly one of the two. */
export interface TimerNode extends NodeBase {
  type: 'timer';
  duration?: IsoDuration;
  businessCalendar?: boolean;
  until?: FeelSource;
}

/** Starts a case of another flow and waits for it to end. */
export interface SubflowNode extends NodeBase, ActivityBehaviour {
  type: 'subflow';
  flowKey: string;
  /** Pin a published version (latest published when absent). */
  version?: number;
  /** Child variable → FEEL expression over the parent's variables. */
  inputs: Record<string, FeelSource>;
  /** Parent variable → child variable name (copied when the child ends). */
  outputs: Record<string, string>;
}

export type FlowNode =
  | StartNode
  | EndNode
  | TerminateNode
  | ApprovalNode
  | BranchNode
  | InclusiveNode
  | InclusiveJoinNode
  | ParallelNode
  | JoinNode
  | DecisionNode
  | ServiceNode
  | NotifyNode
  | TimerNode
  | SubflowNode;

/** The node interface for one `type`, e.g. `NodeOfType<'approval'>` is `ApprovalNode`. */
export type NodeOfType<T extends FlowNodeType> = Extract<FlowNode, { type: T }>;

// ---------------------------------------------------------------------------------------------
// Edges
// ---------------------------------------------------------------------------------------------

export interface FlowEdge {
  id: string;
  source: string;
  target: string;
  /**
   * FEEL condition. Allowed on edges leaving `branch` and `inclusive` nodes (evaluated in edge
   * order), and on loop edges (the loop repeats while it holds).
   */
  condition?: FeelSource;
  /** The edge taken by a `branch`/`inclusive` when no condition holds. */
  default?: boolean;
  /** Marks an edge back to an earlier node; the loop is taken at most `maxIterations` times. */
  loop?: { maxIterations: number };
  name?: LocalizedText;
}

// ---------------------------------------------------------------------------------------------
// The artifact
// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// The record a case is about
// ---------------------------------------------------------------------------------------------

/**
 * Milestones of a case at which the flow may write its record (besides the outcomes of its ends):
 * `started`, `returned` (sent back to the initiator), `resubmitted`, and the statuses a case ends
 * with other than `completed` (a completed case's milestone is its outcome: `approved`, `rejected`, ...).
 */
export const RECORD_MILESTONES = ['started', 'returned', 'resubmitted', 'withdrawn', 'cancelled', 'terminated', 'failed'] as const;
export type RecordMilestone = (typeof RECORD_MILESTONES)[number];

/** How a flow bound to an entity reads and writes the record a case is about. */
export interface FlowRecordBinding {
  /** Case variables read from the bound record when a case starts (and when the initiator resubmits): variable name → field key of `entity`. */
  variables?: Record<string, string>;
  /** Fields of the record only the flow writes: nobody changes them through the records API or a form. */
  controlledFields?: string[];
  /**
   * Record values the flow writes at milestones, field key → FEEL expression. Milestones: `started`,
   * `returned` (sent back to the initiator), `resubmitted`, and when the case ends: the end node's
   * `outcome` of a completed case (`approved`, `rejected`, ...), else the end status (`withdrawn`,
   * `cancelled`, `terminated`, `failed`). Every written field must be a controlled field.
   *
   * An expression reads the case variables plus `initiator` (the initiator's user id), `actor` (the
   * user id of the command's actor, null for a timer or another engine step) and `at` (the command's
   * time, a FEEL date and time); these three names hide variables of the same name.
   */
  writes?: Record<string, Record<string, string>>;
  /**
   * Start a case by itself when a record of `entity` is written (the writer is its initiator):
   * `created`, on every new record; `condition`, a FEEL expression over the variables read from
   * the record, when it becomes true (true after a create or an update, and not before it).
   */
  startOn?: RecordStartTrigger;
}

export interface RecordStartTrigger {
  created?: boolean;
  condition?: string;
}

export interface FlowDefinition {
  kind: 'flow';
  key: string;
  title: string;
  /** The flow's name as the runtime shows it (inbox, cases, notifications), in both languages; `title` stands in. */
  label?: LocalizedText;
  /** Set by the server on publish; an instance is pinned to it. */
  version?: number;
  schemaVersion: 1;
  /** The entity the case is about (entity artifact key). */
  entity?: string;
  /** How the case reads and writes its record of `entity` (only with `entity`). */
  record?: FlowRecordBinding;
  description?: string;
  variables: FlowVariable[];
  nodes: FlowNode[];
  edges: FlowEdge[];
}
