import { AUTOMATION_RECORD_EVENTS, type RecordTrigger } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { readableFields } from '../model/fields.js';
import { triggerNames } from '../model/scope.js';
import { withOptional } from '../model/trigger.js';
import { entityChoices, fieldChoices } from '../ui/choices.js';
import { CheckboxGroup, FeelControl, SelectControl } from '../ui/controls.js';
import { useAutomationEditing } from '../ui/editing-context.js';
import { useTriggerChange } from './TriggerEditor.js';

const NUMERIC = new Set(['integer', 'decimal', 'money', 'percentage']);

/**
 * An example condition on the entity's own first number field: the analyst sees `old`, `new` and
 * `changed` used on a real field. A money value is `{ amount, currency }`, its amount a decimal string.
 */
function example(fields: readonly { key: string; type: string; sensitive?: boolean }[]): string {
  const field = fields.find((f) => NUMERIC.has(f.type) && !f.sensitive);
  if (!field) return 'list contains(changed, "status")';
  if (field.type === 'money') return `list contains(changed, "${field.key}") and number(new.${field.key}.amount) >= 1000000`;
  return `list contains(changed, "${field.key}") and new.${field.key} > old.${field.key}`;
}

export function RecordTriggerFields({ trigger }: { trigger: RecordTrigger }) {
  const { t } = useTranslation('automationDesigner');
  const { catalog, entity, language } = useAutomationEditing();
  const change = useTriggerChange();
  // Each by its label in the reader's language, with the key the FEEL reads: "Customer number (customer_no)".
  const fields = fieldChoices(readableFields(entity), language).map((f) => f.label);
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
                {t('trigger.fieldsHint', { fields: fields.join(t('trigger.fieldsSeparator')) })}
              </>
            )}
          </>
        }
      />
    </>
  );
}
