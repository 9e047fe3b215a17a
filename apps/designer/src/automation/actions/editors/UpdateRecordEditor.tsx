import type { UpdateRecordAction } from '@bankforge/flow-engine';
import { useAutomationEditing } from '../../ui/editing-context.js';
import type { ActionEditorProps } from '../ActionEditor.js';
import { useActionScope } from './scope-help.js';
import { ValuesTable } from './ValuesTable.js';

export function UpdateRecordEditor({ action, index, onChange }: ActionEditorProps<UpdateRecordAction>) {
  const { entity } = useAutomationEditing();
  const scope = useActionScope(index);
  return <ValuesTable entity={entity} values={action.values} control={`actions.${index}.values`} names={scope.names} help={scope.help} onChange={(values, label) => onChange({ ...action, values }, label)} />;
}
