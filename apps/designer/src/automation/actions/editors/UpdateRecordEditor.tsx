import type { UpdateRecordAction } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { entityChoices } from '../../ui/choices.js';
import { FeelControl, SelectControl } from '../../ui/controls.js';
import { useAutomationEditing } from '../../ui/editing-context.js';
import type { ActionEditorProps } from '../ActionEditor.js';
import { useActionScope } from './scope-help.js';
import { ValuesTable } from './ValuesTable.js';

/** The run's record, or another one named by its entity and a FEEL id (a visit's customer). */
export function UpdateRecordEditor({ action, index, onChange }: ActionEditorProps<UpdateRecordAction>) {
  const { t } = useTranslation('automationDesigner');
  const { entity, catalog, language } = useAutomationEditing();
  const scope = useActionScope(index);
  const control = `actions.${index}`;
  const target = action.target;
  const { target: _target, ...own } = action;
  return (
    <>
      <SelectControl
        label={t('actions.updateWhich')}
        control={`${control}.target.entity`}
        value={target?.entity ?? ''}
        choices={[{ value: '', label: t('actions.updateOwn') }, ...entityChoices(catalog.entities, language)]}
        // The values name the chosen entity's fields: they go with it.
        onChange={(key) => onChange(key === '' ? { ...own, values: {} } : { ...action, target: { entity: key, id: target?.id ?? '' }, values: {} })}
      />
      {target && (
        <FeelControl
          label={t('actions.updateTargetId')}
          control={`${control}.target.id`}
          value={target.id}
          names={scope.names}
          help={`${t('actions.updateTargetIdHelp')} ${scope.help}`}
          onChange={(id) => onChange({ ...action, target: { ...target, id } }, `${control}.target.id`)}
        />
      )}
      <ValuesTable
        entity={target ? catalog.entities.get(target.entity) : entity}
        values={action.values}
        control={`${control}.values`}
        names={scope.names}
        help={scope.help}
        onChange={(values, label) => onChange({ ...action, values }, label)}
      />
    </>
  );
}
