import type { DocumentReading } from '../../shell/problem-places/problem-places.js';

/**
 * How an automation reads in words (shell/problem-places): `/actions/0/message/en` is "Action 1 ›
 * Message (English)", `/trigger/condition` "Trigger › Condition".
 */
export const AUTOMATION_READING: DocumentReading = {
  namespace: 'automationDesigner',
  lists: { actions: { item: 'places.action' } },
  containers: new Set(['trigger']),
  keyed: new Set(['values', 'inputs', 'write']),
  parted: new Set(['match', 'target', 'to']),
};
