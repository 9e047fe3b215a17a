import type { SetTagsAction } from '@bankforge/flow-engine';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldOptions, tagFields } from '../../model/fields.js';
import { fieldChoices } from '../../ui/choices.js';
import { ControlProblems, SelectControl } from '../../ui/controls.js';
import { useAutomationEditing } from '../../ui/editing-context.js';
import type { ActionEditorProps } from '../ActionEditor.js';

type Side = 'add' | 'remove';

/** The tag field's options as checkboxes: add these, remove those (an option is on one side at most). */
function toggle(action: SetTagsAction, side: Side, value: string, on: boolean): SetTagsAction {
  const other: Side = side === 'add' ? 'remove' : 'add';
  const mine = new Set(action[side] ?? []);
  if (on) mine.add(value);
  else mine.delete(value);
  return { ...action, [side]: [...mine], [other]: on ? (action[other] ?? []).filter((v) => v !== value) : (action[other] ?? []) };
}

export function SetTagsEditor({ action, index, onChange }: ActionEditorProps<SetTagsAction>) {
  const { t } = useTranslation('automationDesigner');
  const { entity, language } = useAutomationEditing();
  const id = useId();
  if (!entity) return <p className="help">{t('actions.noEntity')}</p>;
  const fields = tagFields(entity);
  if (fields.length === 0) return <p className="help">{t('actions.noTagField')}</p>;
  const options = fieldOptions(entity, action.field);
  return (
    <>
      <SelectControl
        label={t('actions.tagField')}
        control={`actions.${index}.field`}
        value={action.field}
        placeholder={t('actions.chooseField')}
        choices={fieldChoices(fields, language)}
        onChange={(field) => onChange({ ...action, field, add: [], remove: [] })}
      />
      {options.length > 0 && (
        <table className="data-table automation-tags">
          <caption className="visually-hidden">{t('actions.tagField')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('actions.tagOption')}</th>
              <th scope="col">{t('actions.addTag')}</th>
              <th scope="col">{t('actions.removeTag')}</th>
            </tr>
          </thead>
          <tbody>
            {options.map((option) => {
              const name = option.label[language] || option.label.en || option.value;
              return (
                <tr key={option.value}>
                  <th scope="row">
                    <span className={`tag-chip tag-${option.color ?? 'grey'}`}>{name}</span> <code>{option.value}</code>
                  </th>
                  {(['add', 'remove'] as const).map((side) => (
                    <td key={side}>
                      <input
                        type="checkbox"
                        aria-label={t(side === 'add' ? 'actions.addTagNamed' : 'actions.removeTagNamed', { tag: name })}
                        checked={(action[side] ?? []).includes(option.value)}
                        onChange={(e) => onChange(toggle(action, side, option.value, e.target.checked))}
                      />
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ControlProblems id={`${id}-add`} control={`actions.${index}.add`} />
      <ControlProblems id={`${id}-remove`} control={`actions.${index}.remove`} />
    </>
  );
}
