/**
 * Automations as the API answers them: their runs (each trigger that matched, what each action
 * did), replays, test runs that write nothing, and inbound events other systems post.
 * The automation artifact itself is the flow engine's `AutomationDefinition`, saved and published
 * through `/api/artifacts/automation/{key}` like every kind.
 */

export type AutomationRunStatus = 'pending' | 'running' | 'waiting' | 'succeeded' | 'stopped' | 'failed';

/** One action's outcome in a run. */
export interface AutomationStepLog {
  actionId: string;
  status: 'done' | 'stopped' | 'failed' | 'waiting' | 'skipped';
  /** ISO 8601. */
  at: string;
  /** What it did, in English: "tags + high_potential", "created opportunity 0191…", why it failed. */
  detail: string;
  /** The same, as a code and its values for a screen to say in its reader's language; absent on runs stored before it. */
  message?: AutomationStepMessage;
}

/**
 * What a step did or (in a test) would do, or why it or its run failed, by code: `tagsChanged` with
 * `{ field, change }`, `connectorFailed` with `{ connector, status }`. `retriesExhausted` carries its
 * cause's code as `cause`, beside the cause's own values.
 */
export const AUTOMATION_STEP_CODES = [
  'conditionHolds',
  'conditionFails',
  'nothingToUpdate',
  'nothingMatches',
  'valuesSet',
  'valuesWouldSet',
  'valuesSetOn',
  'valuesWouldSetOn',
  'tagsUnchanged',
  'tagsChanged',
  'tagsWouldChange',
  'recordCreated',
  'recordWouldCreate',
  'caseStarted',
  'caseWouldStart',
  'ownerHanded',
  'ownerWouldHand',
  'decisionValuesSet',
  'decisionValuesWouldSet',
  'decisionEvaluated',
  'notified',
  'wouldNotify',
  'notifiedNobody',
  'wouldNotifyNobody',
  'connectorCalled',
  'connectorWouldCall',
  'waiting',
  'wouldWait',
  // Why a step or a run failed.
  'automationNotPublished',
  'noRecord',
  'recordNotFound',
  'targetNotRecordId',
  'branchNotText',
  'nobodyHoldsRole',
  'flowNotPublished',
  'decisionNotPublished',
  'decisionOutputMissing',
  'decisionFailed',
  'calendarNotPublished',
  'invalidDuration',
  'connectorFailed',
  'connectorRefused',
  'expressionFailed',
  'recordRefused',
  'segmentDeleted',
  'segmentPrivate',
  'segmentMoved',
  'retriesExhausted',
  'actionFailed',
] as const;
export type AutomationStepCode = (typeof AUTOMATION_STEP_CODES)[number];

/**
 * A step's outcome as data. Values are the bank's own words (field keys, tags, usernames, keys,
 * `field = value` lists, a sensitive field's value shown as `••••`); `branch` and `calendar` appear
 * only when the action named one.
 */
export interface AutomationStepMessage {
  code: AutomationStepCode;
  params: Record<string, string | number>;
}

/** A run as lists show it. */
export interface AutomationRunSummary {
  id: string;
  automation: string;
  version: number;
  status: AutomationRunStatus;
  /** What started it: `record.updated`, `schedule`, `inbound.<event>`, `case.approved`, `replay`. */
  trigger: string;
  entity: string | null;
  recordId: string | null;
  /** Index of the next action to run (actions.length when done). */
  step: number;
  attempts: number;
  /** When a waiting or retrying run goes on (ISO 8601), else null. */
  dueAt: string | null;
  /** Why it failed or is being tried again, in English. */
  error: string | null;
  /** The same as a code and values; null without an error and on runs stored before it. */
  errorMessage: AutomationStepMessage | null;
  steps: AutomationStepLog[];
  /** The run this one replays, if it is a replay. */
  replayOf: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Runs of one automation, newest first. */
export interface AutomationRunQuery {
  status?: AutomationRunStatus;
  limit?: number;
}

/** A test run: the draft (or published) automation against a sample record or payload; writes nothing. */
export interface AutomationTestInput {
  /** The document to test; the saved draft when left out. */
  document?: unknown;
  recordId?: string;
  /** For record triggers: the values before the change (the record as it is, when left out). */
  old?: Record<string, unknown>;
  /** For record triggers: the changed values laid over the record. */
  changes?: Record<string, unknown>;
  /** For inbound triggers. */
  payload?: Record<string, unknown>;
}

export interface AutomationTestResult {
  /** Whether the trigger's condition held. */
  matched: boolean;
  /** What each action would do, up to the first wait, stop or failure. */
  steps: AutomationStepLog[];
}

/** What posting an inbound event answers. */
export interface InboundEventAccepted {
  event: string;
  /** Runs queued, one per published automation whose trigger matched. */
  runs: number;
}
