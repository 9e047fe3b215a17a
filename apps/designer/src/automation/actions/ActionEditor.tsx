import type { AutomationAction } from '@bankforge/flow-engine';
import { AssignOwnerEditor } from './editors/AssignOwnerEditor.js';
import { CallConnectorEditor } from './editors/CallConnectorEditor.js';
import { ConditionEditor } from './editors/ConditionEditor.js';
import { CreateRecordEditor } from './editors/CreateRecordEditor.js';
import { EvaluateDecisionEditor } from './editors/EvaluateDecisionEditor.js';
import { NotifyEditor } from './editors/NotifyEditor.js';
import { SetTagsEditor } from './editors/SetTagsEditor.js';
import { StartFlowEditor } from './editors/StartFlowEditor.js';
import { UpdateRecordEditor } from './editors/UpdateRecordEditor.js';
import { WaitEditor } from './editors/WaitEditor.js';

/** What every action's editor gets: the action, its place (for problems and scope), and the change. */
export interface ActionEditorProps<A extends AutomationAction = AutomationAction> {
  action: A;
  index: number;
  /** `label`: typing in one field is one undo step. */
  onChange(action: AutomationAction, label?: string): void;
}

export function ActionEditor({ action, index, onChange }: ActionEditorProps) {
  switch (action.type) {
    case 'updateRecord':
      return <UpdateRecordEditor action={action} index={index} onChange={onChange} />;
    case 'setTags':
      return <SetTagsEditor action={action} index={index} onChange={onChange} />;
    case 'createRecord':
      return <CreateRecordEditor action={action} index={index} onChange={onChange} />;
    case 'startFlow':
      return <StartFlowEditor action={action} index={index} onChange={onChange} />;
    case 'assignOwner':
      return <AssignOwnerEditor action={action} index={index} onChange={onChange} />;
    case 'evaluateDecision':
      return <EvaluateDecisionEditor action={action} index={index} onChange={onChange} />;
    case 'notify':
      return <NotifyEditor action={action} index={index} onChange={onChange} />;
    case 'callConnector':
      return <CallConnectorEditor action={action} index={index} onChange={onChange} />;
    case 'wait':
      return <WaitEditor action={action} index={index} onChange={onChange} />;
    case 'condition':
      return <ConditionEditor action={action} index={index} onChange={onChange} />;
  }
}
