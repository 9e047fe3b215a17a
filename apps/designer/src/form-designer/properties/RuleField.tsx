import { FeelEditor } from '../feel-editor/FeelEditor.js';
import { useDesigner } from '../workspace/DesignerContext.js';

/** A FEEL rule property; an emptied rule is removed (`undefined`). */
export function RuleField({ label, value, onChange }: { label: string; value: string | undefined; onChange(value: string | undefined): void }) {
  const { fieldNames } = useDesigner();
  return <FeelEditor label={label} value={value ?? ''} names={fieldNames} onChange={(v) => onChange(v.trim() === '' ? undefined : v)} />;
}
