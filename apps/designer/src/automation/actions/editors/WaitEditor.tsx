import type { WaitAction } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { withOptional } from '../../model/trigger.js';
import { artifactChoices } from '../../ui/choices.js';
import { SelectControl, TextControl } from '../../ui/controls.js';
import { useAutomationEditing } from '../../ui/editing-context.js';
import type { ActionEditorProps } from '../ActionEditor.js';

export function WaitEditor({ action, index, onChange }: ActionEditorProps<WaitAction>) {
  const { t } = useTranslation('automationDesigner');
  const { catalog, language } = useAutomationEditing();
  const control = `actions.${index}.duration`;
  return (
    <>
      <TextControl
        label={t('actions.duration')}
        control={control}
        value={action.duration}
        help={t('actions.durationHelp')}
        onChange={(duration) => onChange({ ...action, duration: duration.toUpperCase() }, control)}
      />
      <SelectControl
        label={t('actions.calendar')}
        control={`actions.${index}.calendar`}
        value={action.calendar ?? ''}
        placeholder={t('actions.noCalendar')}
        choices={artifactChoices(catalog.calendars, language)}
        onChange={(calendar) => onChange(withOptional(action, 'calendar', calendar))}
      />
    </>
  );
}
