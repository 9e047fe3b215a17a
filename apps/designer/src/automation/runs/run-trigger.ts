import type { TFunction } from 'i18next';

/**
 * What started a run, in the reader's words: `record.updated` is "Record updated", `case.approved`
 * "Case approved", `inbound.<event>` that event by name; a trigger this screen does not know stays as sent.
 */
export function runTriggerLabel(trigger: string, t: TFunction<'automationDesigner'>): string {
  const [kind, event = ''] = trigger.split(/\.(.*)/s);
  switch (kind) {
    case 'record':
      return t('runs.triggers.record', { event: t(`trigger.recordEvents.${event}`, { defaultValue: event }) });
    case 'case':
      return t('runs.triggers.case', { event: t(`trigger.caseEvents.${event}`, { defaultValue: event }) });
    case 'inbound':
      return t('runs.triggers.inbound', { event });
    case 'schedule':
      return t('runs.triggers.schedule');
    case 'replay':
      return t('runs.triggers.replay');
    default:
      return trigger;
  }
}
