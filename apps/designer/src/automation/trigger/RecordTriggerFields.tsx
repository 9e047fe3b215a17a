import { AUTOMATION_RECORD_EVENTS, type RecordTrigger } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { readableFieldKeys } from '../model/fields.js';
import { triggerNames } from '../model/scope.js';
import { withOptional } from '../model/trigger.js';
import { entityChoices } from '../ui/choices.js';
import { CheckboxGroup, FeelControl, SelectControl } from '../ui/controls.js';
import { useAutomationEditing } from '../ui/editing-context.js';
import { useTriggerChange } from './TriggerEditor.js';

const NUMERIC = new Set(['integer', 'decimal', 'money', 'percentage']);

/** An example condition on the entity's own first number field: the analyst sees `old`, `new` and `changed` used on a real field. */
function example(fields: readonly { key: string; type: string; sensitive?: boolean }[]): string {
  const number = fields.find((f) => NUMERIC.has(f.type) && !f.sensitive)?.key ?? 'amount';
  return `list contains(changed, "${number}") and new.${number} > old.${number}`;
}

export function RecordTriggerFields({ trigger }: { trigger: RecordTrigger }) {
  const { t } = useTranslation('automationDesigner');
  const { catalog, entity, language } = useAutomationEditing();
  const change = useTriggerChange();
  const fields = readableFieldKeys(entity);
  return (
    <>
      <SelectControl
        label={t('trigger.entity')}
        control="trigger.entity"
        value={trigger.entity}
        placeholder={t('trigger.chooseEntity')}
        choices={entityChoices(catalog.entities, language)}
        onChange={(entity) => change({ ...trigger, entity })}
      />
      <CheckboxGroup
        legend={t('trigger.events')}
        control="trigger.on"
        all={AUTOMATION_RECORD_EVENTS}
        selected={trigger.on}
        labelOf={(event) => t(`trigger.recordEvents.${event}`)}
        onChange={(on) => change({ ...trigger, on })}
      />
      <FeelControl
        label={t('trigger.condition')}
        control="trigger.condition"
        value={trigger.condition ?? ''}
        names={triggerNames(trigger)}
        onChange={(condition) => change(withOptional(trigger, 'condition', condition), 'trigger.condition')}
        help={
          <>
            {t('trigger.recordConditionHelp', { example: example(entity?.fields ?? []) })}
            {fields.length > 0 && (
              <>
                <br />
                {t('trigger.fieldsHint', { fields: fields.join(', ') })}
              </>
            )}
          </>
        }
      />
    </>
  );
}
