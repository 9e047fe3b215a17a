import type { EntityDefinition } from '@bankforge/data-model';
import type { FormDefinition } from '@bankforge/form-engine';
import { useState, type ReactNode } from 'react';
import { FeelEditorModeContext } from '../feel-editor/FeelEditor.js';
import { DesignerContext, type Designer } from '../workspace/DesignerContext.js';

interface DesignerHarnessProps {
  initial: FormDefinition;
  entities: Record<string, EntityDefinition>;
  selected?: string | null;
  /** Receives every form the parts produce. */
  onForm?(form: FormDefinition): void;
  children: ReactNode;
}

/** Test support: the designer context over a form held in state, without server or history. */
export function DesignerHarness({ initial, entities, selected: initialSelection = null, onForm, children }: DesignerHarnessProps) {
  const [form, setForm] = useState(initial);
  const [selected, select] = useState(initialSelection);
  const entity = entities[form.entity] ?? null;
  const designer: Designer = {
    form,
    entity,
    entities,
    entityKeys: Object.keys(entities).sort(),
    fieldNames: new Set(entity?.fields.map((f) => f.key) ?? []),
    language: 'en',
    selected,
    select,
    change: (recipe) =>
      setForm((current) => {
        const next = recipe(current);
        onForm?.(next);
        return next;
      }),
  };
  return (
    <FeelEditorModeContext.Provider value="plain">
      <DesignerContext.Provider value={designer}>{children}</DesignerContext.Provider>
    </FeelEditorModeContext.Provider>
  );
}
