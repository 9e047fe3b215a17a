import { AUTOMATION_CASE_EVENTS, type CaseTrigger } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { triggerNames } from '../model/scope.js';
import { withOptional } from '../model/trigger.js';
import { artifactChoices } from '../ui/choices.js';
import { CheckboxGroup, FeelControl, SelectControl } from '../ui/controls.js';
import { useAutomationEditing } from '../ui/editing-context.js';
import { useTriggerChange } from './TriggerEditor.js';

export function CaseTriggerFields({ trigger }: { trigger: CaseTrigger }) {
  const { t } = useTranslation('automationDesigner');
  const { catalog, language } = useAutomationEditing();
  const change = useTriggerChange();
  return (
    <>
      <SelectControl
        label={t('trigger.flow')}
        control="trigger.flow"
        value={trigger.flow}
        placeholder={t('trigger.chooseFlow')}
        choices={artifactChoices(catalog.flows, language)}
        onChange={(flow) => change({ ...trigger, flow })}
      />
      <CheckboxGroup
        legend={t('trigger.events')}
        control="trigger.events"
        all={AUTOMATION_CASE_EVENTS}
        selected={trigger.events}
        labelOf={(event) => t(`trigger.caseEvents.${event}`)}
        onChange={(events) => change({ ...trigger, events })}
      />
      <FeelControl
        label={t('trigger.condition')}
        control="trigger.condition"
        value={trigger.condition ?? ''}
        names={triggerNames(trigger)}
        help={t('trigger.caseConditionHelp')}
        onChange={(condition) => change(withOptional(trigger, 'condition', condition), 'trigger.condition')}
      />
    </>
  );
}
