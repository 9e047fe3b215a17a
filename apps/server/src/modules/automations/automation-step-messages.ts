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
};

/** A step's outcome both ways: the code and values a screen translates, and the English `detail`. */
export function stepSaid(code: AutomationStepCode, params: Params = {}): { detail: string; message: AutomationStepMessage } {
  return { detail: ENGLISH[code](params), message: { code, params } };
}
