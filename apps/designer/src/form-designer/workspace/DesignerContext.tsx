import type { EntityDefinition } from '@bankforge/data-model';
import type { FormDefinition } from '@bankforge/form-engine';
import { createContext, useContext } from 'react';
import type { DesignerLanguage } from './localized.js';

/** What every part of the workspace reads and how it changes the form. */
export interface Designer {
  form: FormDefinition;
  /** The form's entity (its fields fill the palette); null while it loads. */
  entity: EntityDefinition | null;
  /** Entities by key: the form's and those of its repeating groups, as loaded so far. */
  entities: Readonly<Record<string, EntityDefinition>>;
  /** Entity keys that can be chosen (for repeating groups and lookups). */
  entityKeys: readonly string[];
  /** The entity's field keys: the names rule expressions may read. */
  fieldNames: ReadonlySet<string>;
  language: DesignerLanguage;
  /** The selected node, column or tab id; null: the form itself. */
  selected: string | null;
  select(id: string | null): void;
  /** Applies a change; changes with the same label in a row are one undo step. */
  change(recipe: (form: FormDefinition) => FormDefinition, label?: string): void;
}

export const DesignerContext = createContext<Designer | null>(null);

export function useDesigner(): Designer {
  const designer = useContext(DesignerContext);
  if (!designer) throw new Error('useDesigner outside the form designer');
  return designer;
}
