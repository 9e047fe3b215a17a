import type { CreateRecordAction } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { entityChoices } from '../../ui/choices.js';
import { SelectControl } from '../../ui/controls.js';
import { useAutomationEditing } from '../../ui/editing-context.js';
import type { ActionEditorProps } from '../ActionEditor.js';
import { useActionScope } from './scope-help.js';
import { ValuesTable } from './ValuesTable.js';

export function CreateRecordEditor({ action, index, onChange }: ActionEditorProps<CreateRecordAction>) {
  const { t } = useTranslation('automationDesigner');
  const { catalog, language } = useAutomationEditing();
  const scope = useActionScope(index);
  return (
    <>
      <SelectControl
        label={t('actions.createEntity')}
        control={`actions.${index}.entity`}
        value={action.entity}
        placeholder={t('trigger.chooseEntity')}
        choices={entityChoices(catalog.entities, language)}
        // The values name the other entity's fields: they go with it.
        onChange={(entity) => onChange({ ...action, entity, values: {} })}
      />
      {action.entity && (
        <ValuesTable
          entity={catalog.entities.get(action.entity)}
          values={action.values}
          control={`actions.${index}.values`}
          names={scope.names}
          help={scope.help}
          onChange={(values, label) => onChange({ ...action, values }, label)}
        />
      )}
    </>
  );
}
