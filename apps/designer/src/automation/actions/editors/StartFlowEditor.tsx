import type { StartFlowAction } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { artifactChoices } from '../../ui/choices.js';
import { SelectControl } from '../../ui/controls.js';
import { useAutomationEditing } from '../../ui/editing-context.js';
import type { ActionEditorProps } from '../ActionEditor.js';

export function StartFlowEditor({ action, index, onChange }: ActionEditorProps<StartFlowAction>) {
  const { t } = useTranslation('automationDesigner');
  const { catalog, language } = useAutomationEditing();
  return (
    <SelectControl
      label={t('actions.flow')}
      control={`actions.${index}.flow`}
      value={action.flow}
      placeholder={t('trigger.chooseFlow')}
      choices={artifactChoices(catalog.flows, language)}
      onChange={(flow) => onChange({ ...action, flow })}
    />
  );
}
