import { createContext, useContext, type ReactNode } from 'react';
import type { FieldError } from '@bankforge/data-model';
import type { CompiledForm, FormState } from '../../form/form-model-api.js';
import type { RendererLocale, RendererMessages } from '../locale/messages.js';
import type { InputProblem, LoadOptions } from '../widgets/widget-props.js';

/** What views do to the form; one object for the life of a model, so memoised fields keep it. */
export interface RendererActions {
  /** A DOM id for something of a field (pointer `/contacts/0/phone`, part `label`). */
  idFor(pointer: string, part?: string): string;
  showTab(tabsId: string, index: number): void;
  change(pointer: string, value: unknown): void;
  touch(pointer: string): void;
  reportProblem(pointer: string, problem: InputProblem | null): void;
  addRow(groupKey: string): void;
  removeRow(groupKey: string, index: number): void;
}

/** What the layout and field views share with the renderer that holds the model. */
export interface RendererContextValue {
  compiled: CompiledForm;
  state: FormState;
  locale: RendererLocale;
  messages: RendererMessages;
  disabled: boolean;
  /** The form is shown, not edited: fields read-only, no rows added or removed. */
  readOnly: boolean;
  loadOptions?: LoadOptions;
  /** Today (YYYY-MM-DD) by the model's clock, where date pickers start. */
  today?: string;
  /** The host's addition beside a field of the form (see FormRendererProps.fieldExtra). */
  fieldExtra?: (fieldKey: string) => ReactNode;
  /** Errors the user should see now: model errors of touched fields (all after submit), and the server's. */
  shownErrors: readonly FieldError[];
  /** What was typed but could not become a value, by field pointer. */
  problems: Readonly<Record<string, InputProblem>>;
  activeTab(tabsId: string): number;
  actions: RendererActions;
}

export const RendererContext = createContext<RendererContextValue | null>(null);

export function useRenderer(): RendererContextValue {
  const context = useContext(RendererContext);
  if (!context) throw new Error('Form layout views render only inside <FormRenderer>');
  return context;
}
