import type { ConditionAction } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { FeelControl } from '../../ui/controls.js';
import type { ActionEditorProps } from '../ActionEditor.js';
import { useActionScope } from './scope-help.js';

export function ConditionEditor({ action, index, onChange }: ActionEditorProps<ConditionAction>) {
  const { t } = useTranslation('automationDesigner');
  const scope = useActionScope(index);
  const control = `actions.${index}.when`;
  return (
    <FeelControl
      label={t('actions.when')}
      control={control}
      value={action.when}
      names={scope.names}
      help={`${t('actions.whenHelp')} ${scope.help}`}
      onChange={(when) => onChange({ ...action, when }, control)}
    />
  );
}
