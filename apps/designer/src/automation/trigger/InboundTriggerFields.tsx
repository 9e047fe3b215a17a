import type { InboundTrigger } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { readableFieldKeys } from '../model/fields.js';
import { triggerNames } from '../model/scope.js';
import { withOptional } from '../model/trigger.js';
import { entityChoices, fieldChoices } from '../ui/choices.js';
import { FeelControl, SelectControl, TextControl } from '../ui/controls.js';
import { useAutomationEditing } from '../ui/editing-context.js';
import { useTriggerChange } from './TriggerEditor.js';

export function InboundTriggerFields({ trigger }: { trigger: InboundTrigger }) {
  const { t } = useTranslation('automationDesigner');
  const { catalog, entity, language } = useAutomationEditing();
  const change = useTriggerChange();
  const match = trigger.match ?? { field: '', value: '' };
  const readable = new Set(readableFieldKeys(entity));
  return (
    <>
      <TextControl
        label={t('trigger.event')}
        control="trigger.event"
        value={trigger.event}
        help={t('trigger.eventHelp', { event: trigger.event || 'event_name' })}
        onChange={(event) => change({ ...trigger, event }, 'trigger.event')}
      />
      <SelectControl
        label={t('trigger.inboundEntity')}
        control="trigger.entity"
        value={trigger.entity ?? ''}
        placeholder={t('trigger.noEntity')}
        choices={entityChoices(catalog.entities, language)}
        onChange={(key) => {
          // The match names a field of the entity: it goes with it.
          const { match: _m, ...rest } = trigger;
          change(withOptional(rest as InboundTrigger, 'entity', key));
        }}
      />
      {trigger.entity && (
        <>
          <SelectControl
            label={t('trigger.matchField')}
            control="trigger.match.field"
            value={match.field}
            placeholder={t('actions.chooseField')}
            choices={fieldChoices((entity?.fields ?? []).filter((f) => readable.has(f.key) || f.unique), language)}
            onChange={(field) => change({ ...trigger, match: { ...match, field } })}
          />
          <FeelControl
            label={t('trigger.matchValue')}
            control="trigger.match.value"
            value={match.value}
            names={['payload']}
            onChange={(value) => change({ ...trigger, match: { ...match, value } }, 'trigger.match.value')}
          />
        </>
      )}
      <FeelControl
        label={t('trigger.condition')}
        control="trigger.condition"
        value={trigger.condition ?? ''}
        names={triggerNames(trigger)}
        help={t('trigger.inboundConditionHelp')}
        onChange={(condition) => change(withOptional(trigger, 'condition', condition), 'trigger.condition')}
      />
    </>
  );
}
