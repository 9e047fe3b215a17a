import { useId, useMemo } from 'react';
import { FeelEditor } from '../../form-designer/feel-editor/FeelEditor.js';
import { usePanel } from './panel-context.js';

/** Every expression of a case reads the person who started it too (`initiator.userId`, `.roles`, `.branch`). */
const ALWAYS_IN_SCOPE = ['initiator'];

export interface FlowFeelEditorProps {
  label: string;
  value: string;
  onChange(value: string): void;
  /** The names in scope when they are not the flow's variables (the record's start condition, its writes). */
  names?: ReadonlySet<string>;
  /** A line under the editor saying what the expression is for. */
  help?: string;
}

/** The shared FEEL editor as a flow speaks: its names are the flow's variables, and an unknown one is said to be no variable. */
export function FlowFeelEditor({ label, value, onChange, names, help }: FlowFeelEditorProps) {
  const { variableNames } = usePanel();
  const helpId = useId();
  const scope = names ?? variableNames;
  const known = useMemo(() => new Set([...scope, ...ALWAYS_IN_SCOPE]), [scope]);
  const editor = <FeelEditor label={label} value={value} names={known} nameKind="variable" onChange={onChange} describedBy={help ? helpId : undefined} />;
  if (!help) return editor;
  return (
    <>
      {editor}
      <p id={helpId} className="help">{help}</p>
    </>
  );
}
