import type { NotifyAction, NotifyTarget } from '@bankforge/flow-engine';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoles } from '../../../shell/roles/useRoles.js';
import { ControlProblems, SelectControl, TextControl } from '../../ui/controls.js';
import { useAutomationEditing } from '../../ui/editing-context.js';
import type { ActionEditorProps } from '../ActionEditor.js';

type TargetKind = 'owner' | 'users' | 'role';
const TARGETS: readonly TargetKind[] = ['owner', 'users', 'role'];

const kindOf = (to: NotifyTarget): TargetKind => ('owner' in to ? 'owner' : 'users' in to ? 'users' : 'role');
const targetOf = (kind: TargetKind): NotifyTarget => (kind === 'owner' ? { owner: true } : kind === 'users' ? { users: [] } : { role: '' });

export function NotifyEditor({ action, index, onChange }: ActionEditorProps<NotifyAction>) {
  const { t } = useTranslation('automationDesigner');
  const { language } = useAutomationEditing();
  const roles = useRoles();
  const id = useId();
  const control = `actions.${index}`;
  const kind = kindOf(action.to);
  const [usersText, setUsersText] = useState<string | null>(null);
  return (
    <>
      <fieldset className="automation-radios">
        <legend>{t('actions.to')}</legend>
        {TARGETS.map((target) => (
          <label key={target} className="checkbox">
            <input type="radio" name={`${id}-to`} checked={kind === target} onChange={() => onChange({ ...action, to: targetOf(target) })} /> {t(`actions.targets.${target}`)}
          </label>
        ))}
        <ControlProblems id={`${id}-to`} control={`${control}.to`} />
      </fieldset>
      {'users' in action.to && (
        <TextControl
          label={t('actions.users')}
          control={`${control}.to`}
          value={usersText ?? action.to.users.join(', ')}
          onChange={(text) => {
            // The text is kept as typed (a trailing comma); the document holds the names in it.
            setUsersText(text);
            onChange({ ...action, to: { users: text.split(',').map((u) => u.trim()).filter((u) => u !== '') } }, `${control}.to`);
          }}
        />
      )}
      {'role' in action.to && (
        <SelectControl
          label={t('actions.role')}
          control={`${control}.to`}
          value={action.to.role}
          placeholder=""
          choices={roles.status === 'ready' ? roles.roles.map((r) => ({ value: r.key, label: `${(language === 'zh-CN' && r.label['zh-CN']) || r.label.en} (${r.key})` })) : []}
          onChange={(role) => onChange({ ...action, to: { role } })}
        />
      )}
      <TextControl
        multiline
        label={t('actions.messageEn')}
        control={`${control}.message.en`}
        value={action.message.en}
        onChange={(en) => onChange({ ...action, message: { ...action.message, en } }, `${control}.message.en`)}
      />
      <TextControl
        multiline
        label={t('actions.messageZh')}
        control={`${control}.message.zh-CN`}
        value={action.message['zh-CN']}
        help={t('actions.messageHelp')}
        onChange={(zh) => onChange({ ...action, message: { ...action.message, 'zh-CN': zh } }, `${control}.message.zh-CN`)}
      />
    </>
  );
}
