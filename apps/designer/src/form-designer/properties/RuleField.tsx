import { FeelEditor } from '../feel-editor/FeelEditor.js';
import { useDesigner } from '../workspace/DesignerContext.js';

/** A FEEL rule property; an emptied rule is removed (`undefined`). `names`: what it may read (the form's fields by default). */
export function RuleField({ label, value, names, onChange }: { label: string; value: string | undefined; names?: ReadonlySet<string>; onChange(value: string | undefined): void }) {
  const { fieldNames } = useDesigner();
  return <FeelEditor label={label} value={value ?? ''} names={names ?? fieldNames} onChange={(v) => onChange(v.trim() === '' ? undefined : v)} />;
}
