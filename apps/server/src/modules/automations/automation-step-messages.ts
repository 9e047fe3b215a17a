import type { AutomationStepCode, AutomationStepMessage } from '@bankforge/client';

type Params = AutomationStepMessage['params'];

const roleNamed = (p: Params): string => `${p.role}${p.branch !== undefined ? ` of ${p.branch}` : ''}`;
const inWorkingTime = (p: Params): string => (p.calendar !== undefined ? ` (working time of ${p.calendar})` : '');

/** Each code in English: the run's `detail`, as integrators have always read it. */
const ENGLISH: Record<AutomationStepCode, (p: Params) => string> = {
  conditionHolds: () => 'condition holds',
  conditionFails: () => 'condition does not hold: the run stops',
  nothingToUpdate: (p) => `no ${p.entity} named: nothing to update`,
  valuesSet: (p) => `set ${p.values}`,
  valuesWouldSet: (p) => `would set ${p.values}`,
  nothingMatches: (p) => `no ${p.entity} matches: nothing to update`,
  valuesSetOn: (p) => `set ${p.values} on ${p.count} ${p.entity}`,
  valuesWouldSetOn: (p) => `would set ${p.values} on ${p.count} ${p.entity}`,
  tagsUnchanged: (p) => `${p.field} unchanged (${p.change})`,
  tagsChanged: (p) => `${p.field} ${p.change}`,
  tagsWouldChange: (p) => `would ${p.field} ${p.change}`,
  recordCreated: (p) => `created ${p.entity} ${p.id}`,
  recordWouldCreate: (p) => `would create ${p.entity}: ${p.values}`,
  caseStarted: (p) => `started ${p.flow} case ${p.caseId}`,
  caseWouldStart: (p) => `would start ${p.flow} on ${p.entity} ${p.id}`,
  ownerHanded: (p) => `handed ${p.entity} ${p.id} to ${p.to} (${roleNamed(p)}, turn ${p.turn})`,
  ownerWouldHand: (p) => `would hand ${p.entity} ${p.id} to the next of ${p.team} (${roleNamed(p)})`,
  decisionValuesSet: (p) => `set ${p.values} from ${p.decision}`,
  decisionValuesWouldSet: (p) => `would set ${p.values} from ${p.decision}`,
  decisionEvaluated: (p) => `evaluated ${p.decision}`,
  notified: (p) => `notify ${p.to}`,
  wouldNotify: (p) => `would notify ${p.to}`,
  notifiedNobody: () => 'notify nobody',
  wouldNotifyNobody: () => 'would notify nobody',
  connectorCalled: (p) => `called ${p.connector}: ${p.method} ${p.path} → HTTP ${p.status}`,
  connectorWouldCall: (p) => `would call ${p.connector}: ${p.method} ${p.path}`,
  waiting: (p) => `wait ${p.duration}${inWorkingTime(p)} until ${p.dueAt}`,
  wouldWait: (p) => `would wait ${p.duration}${inWorkingTime(p)} until ${p.dueAt}`,
  automationNotPublished: (p) => `automation ${p.automation} version ${p.version} is not published`,
  noRecord: (p) => `action ${p.action} needs the run's record, and it has none`,
  recordNotFound: (p) => `${p.entity} ${p.id} was not found (deleted?)`,
  targetNotRecordId: (p) => `action ${p.action}: the target's id is not a record id`,
  branchNotText: (p) => `action ${p.action}: the branch is not a text`,
  nobodyHoldsRole: (p) => `nobody active holds ${roleNamed(p)}`,
  flowNotPublished: (p) => `flow ${p.flow} is not published`,
  decisionNotPublished: (p) => `decision ${p.decision} is not published`,
  decisionOutputMissing: (p) => `decision ${p.decision} has no output ${p.output} (it answers ${p.outputs})`,
  decisionFailed: (p) => `decision ${p.decision} failed: ${p.problem}`,
  calendarNotPublished: (p) => `calendar ${p.calendar} is not published`,
  invalidDuration: (p) => `${p.duration} is not an ISO 8601 duration`,
  connectorFailed: (p) => `connector ${p.connector} answered HTTP ${p.status}`,
  connectorRefused: (p) => `connector ${p.connector}: ${p.reason}`,
  expressionFailed: (p) => `an expression failed: ${p.reason}`,
  recordRefused: (p) => `${p.problem}${p.fields !== undefined && p.fields !== '' ? ` (${p.fields})` : ''}`,
  segmentDeleted: (p) => `segment ${p.segment} was deleted: nobody was reached at ${p.slot}`,
  segmentPrivate: (p) => `segment ${p.segment} is private now: nobody was reached at ${p.slot}`,
  segmentMoved: (p) => `segment ${p.segment} filters ${p.entity} now: nobody was reached at ${p.slot}`,
  retriesExhausted: (p) => `failed ${p.attempts} times: ${causeOf(p)}`,
  actionFailed: (p) => String(p.reason),
};

/** A `retriesExhausted` message's cause in English: its code and the values beside it. */
function causeOf(p: Params): string {
  const { cause, attempts: _attempts, ...params } = p;
  const english = typeof cause === 'string' ? ENGLISH[cause as AutomationStepCode] : undefined;
  return english ? english(params) : String(cause);
}

/** What a step or a run says both ways. */
export interface Said {
  detail: string;
  message: AutomationStepMessage;
}

/** A step's outcome both ways: the code and values a screen translates, and the English `detail` (at most 500 characters, as a run's error column). */
export function stepSaid(code: AutomationStepCode, params: Params = {}): Said {
  return { detail: ENGLISH[code](params).slice(0, 500), message: { code, params } };
}
