import type { FieldDefinition, RecordFilter, SelectOption } from '@bankforge/data-model';
import type { RendererLocale, RendererMessages } from '../locale/messages.js';

/** Where a lookup's options come from: records of an entity, labelled by one of its fields. */
export interface LookupSource {
  entity: string;
  labelField: string;
  filter?: RecordFilter;
}

/** Fetches a lookup's options; the host implements it over the records API. */
export type LoadOptions = (source: LookupSource, search: string) => Promise<SelectOption[]>;

/** A problem with what was typed that the value itself cannot carry (shown inline, blocks submit). */
export type InputProblem =
  | { code: 'invalidJson' | 'invalidNumber' | 'invalidInteger' }
  | { code: 'tooManyDecimals'; scale: number }
  /** A date that cannot be read; `format` is how the UI language writes one (YYYY/MM/DD). */
  | { code: 'invalidDate'; format: string };

/** What every widget receives; widgets know nothing of the form model. */
export interface WidgetProps {
  /** The id of the widget's labelable control (`<label htmlFor>`). */
  id: string;
  /** The id of the field's label, for widgets that are a group of controls (`aria-labelledby`). */
  labelId: string;
  /** The record value (as the records API carries it). */
  value: unknown;
  onChange(value: unknown): void;
  onBlur(): void;
  /** Reports what was typed but cannot be a value (`null`: no problem). */
  onInputProblem(problem: InputProblem | null): void;
  field: FieldDefinition;
  /** Static options for select-like widgets (`[]` when there are none). */
  options: readonly SelectOption[];
  /** Set for lookups: the records the value may refer to. */
  lookup?: LookupSource;
  loadOptions?: LoadOptions;
  placeholder?: string;
  /** Today (YYYY-MM-DD), where a calendar starts without a value; the host's clock, never read here. */
  today?: string;
  locale: RendererLocale;
  messages: RendererMessages;
  required: boolean;
  readOnly: boolean;
  disabled: boolean;
  invalid: boolean;
  /** Space-separated ids of the help text and error message. */
  describedBy?: string;
}
