import type { AssignOwnerAction } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import { useRoles } from '../../../shell/roles/useRoles.js';
import { FeelControl, SelectControl } from '../../ui/controls.js';
import { useAutomationEditing } from '../../ui/editing-context.js';
import type { ActionEditorProps } from '../ActionEditor.js';
import { useActionScope } from './scope-help.js';

/** Round robin: the role whose people take turns, and (FEEL) the branch they must be of, when only the record's own team counts. */
export function AssignOwnerEditor({ action, index, onChange }: ActionEditorProps<AssignOwnerAction>) {
  const { t } = useTranslation('automationDesigner');
  const { language } = useAutomationEditing();
  const roles = useRoles();
  const scope = useActionScope(index);
  const control = `actions.${index}`;
  return (
    <>
      <SelectControl
        label={t('actions.assignRole')}
        control={`${control}.role`}
        value={action.role}
        placeholder=""
        choices={roles.status === 'ready' ? roles.roles.map((r) => ({ value: r.key, label: `${(language === 'zh-CN' && r.label['zh-CN']) || r.label.en} (${r.key})` })) : []}
        onChange={(role) => onChange({ ...action, role })}
      />
      <FeelControl
        label={t('actions.assignBranch')}
        control={`${control}.branch`}
        value={action.branch ?? ''}
        names={scope.names}
        help={`${t('actions.assignBranchHelp')} ${scope.help}`}
        onChange={(branch) => {
          const { branch: _branch, ...rest } = action;
          onChange(branch.trim() === '' ? rest : { ...action, branch }, `${control}.branch`);
        }}
      />
    </>
  );
}
