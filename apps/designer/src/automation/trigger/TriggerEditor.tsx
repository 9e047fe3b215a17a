import type { AutomationTrigger, AutomationTriggerType } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { switchTrigger } from '../model/trigger.js';
import { ControlProblems, SelectControl } from '../ui/controls.js';
import { useAutomationEditing } from '../ui/editing-context.js';
import { CaseTriggerFields } from './CaseTriggerFields.js';
import { InboundTriggerFields } from './InboundTriggerFields.js';
import { RecordTriggerFields } from './RecordTriggerFields.js';
import { ScheduleTriggerFields } from './ScheduleTriggerFields.js';

const TRIGGER_TYPES: readonly AutomationTriggerType[] = ['record', 'schedule', 'inbound', 'case'];

/** Changes the trigger; typing in one of its fields is one undo step. */
export function useTriggerChange() {
  const { update } = useAutomationEditing();
  return (trigger: AutomationTrigger, label = 'trigger') => update((d) => ({ ...d, trigger }), label);
}

/** "When": the trigger's type, then its own fields. */
export function TriggerEditor() {
  const { t } = useTranslation('automationDesigner');
  const { document, update } = useAutomationEditing();
  const trigger = document.trigger;
  return (
    <section className="automation-section" aria-labelledby="automation-trigger-heading">
      <h2 id="automation-trigger-heading">{t('trigger.legend')}</h2>
      <ControlProblems id="automation-trigger-problems" control="trigger" />
      <SelectControl
        label={t('trigger.type')}
        control="trigger.type"
        value={trigger.type}
        choices={TRIGGER_TYPES.map((type) => ({ value: type, label: t(`trigger.types.${type}`) }))}
        onChange={(type) => update((d) => ({ ...d, trigger: switchTrigger(d.trigger, type as AutomationTriggerType) }))}
      />
      {trigger.type === 'record' && <RecordTriggerFields trigger={trigger} />}
      {trigger.type === 'schedule' && <ScheduleTriggerFields trigger={trigger} />}
      {trigger.type === 'inbound' && <InboundTriggerFields trigger={trigger} />}
      {trigger.type === 'case' && <CaseTriggerFields trigger={trigger} />}
    </section>
  );
}
