import type { LocalizedText, RecordFilter, SelectOption } from '@bankforge/data-model';

/** The version of the form artifact's format that this package writes; older ones are migrated up on load. */
export const FORM_SCHEMA_VERSION = 1;

/** How a field is drawn. Each field type has a default widget; some types offer alternatives. */
export const WIDGET_TYPES = [
  'text',
  'textarea',
  'number',
  'money',
  'percentage',
  'checkbox',
  'switch',
  'date',
  'datetime',
  'select',
  'radio',
  'multiSelect',
  'checkboxes',
  'lookup',
  'email',
  'mobile',
  'residentId',
  'url',
  'json',
] as const;
export type WidgetType = (typeof WIDGET_TYPES)[number];

/** Where a select's options come from: a fixed list, or the records of an entity (chosen by the records query's filter). */
export type OptionSource =
  | { type: 'static'; options: SelectOption[] }
  | { type: 'lookup'; entity: string; labelField: string; filter?: RecordFilter };

/**
 * Every layout node has an id unique within its form (the designer's handle for selection,
 * drag and drop and undo) and may be hidden by a FEEL condition.
 */
export interface FormNodeBase {
  id: string;
  /** FEEL; the node and everything inside it is shown only while this is true. */
  visibleWhen?: string;
}

/** One entity field placed on the form. */
export interface FormFieldNode extends FormNodeBase {
  type: 'field';
  /** The key of the entity field (of the group's entity inside a repeating group). */
  field: string;
  widget?: WidgetType;
  /** Overrides the entity field's label. */
  label?: LocalizedText;
  help?: LocalizedText;
  placeholder?: LocalizedText;
  /** The value a new record starts with (overrides the entity field's default). */
  default?: unknown;
  /** FEEL; the field must be filled while this is true (and the field is visible). */
  requiredWhen?: string;
  /** FEEL; the field cannot be edited while this is true. */
  readonlyWhen?: string;
  /** FEEL; a computed field: its value is this expression's result, never typed in. */
  value?: string;
  /** Options for select-like widgets; the entity field's options when absent. */
  options?: OptionSource;
}

/** A titled block of the form. */
export interface FormSection extends FormNodeBase {
  type: 'section';
  title: LocalizedText;
  children: FormNode[];
}

export interface FormColumn {
  id: string;
  children: FormNode[];
}

/** Side-by-side columns (two-column forms are the bank norm). */
export interface FormColumns extends FormNodeBase {
  type: 'columns';
  columns: FormColumn[];
}

export interface FormTab {
  id: string;
  title: LocalizedText;
  children: FormNode[];
}

export interface FormTabs extends FormNodeBase {
  type: 'tabs';
  tabs: FormTab[];
}

/**
 * A sub-table of a related entity's records (e.g. a customer's contacts). Its rows are the
 * values at `values[key]`; expressions inside it see their row as `item`.
 */
export interface FormRepeatingGroup extends FormNodeBase {
  type: 'repeatingGroup';
  /** The property that holds the rows in the form's values (an identifier, not an entity field). */
  key: string;
  title: LocalizedText;
  /** The related entity whose records the rows are. */
  entity: string;
  /** The reference field of the related entity that points back at this form's record. */
  foreignKey: string;
  /** The columns: fields of the related entity. */
  fields: FormFieldNode[];
  minRows?: number;
  maxRows?: number;
}

export type FormNode = FormFieldNode | FormSection | FormColumns | FormTabs | FormRepeatingGroup;
export type FormNodeType = FormNode['type'];

/** A cross-field rule: the form is invalid while `expression` is false. */
export interface FormValidation {
  id: string;
  /** FEEL yielding a boolean: true means valid. */
  expression: string;
  message: LocalizedText;
  /** The field key the message is shown on (the form's top when absent). */
  field?: string;
}

/** The `form` artifact: how an entity's records are entered and shown. */
export interface FormDefinition {
  kind: 'form';
  key: string;
  title: string;
  version?: number;
  schemaVersion: number;
  /** The key of the entity the form edits. */
  entity: string;
  label: LocalizedText;
  /**
   * The entity's default form: the server enforces its rules on record writes that name no
   * form. At most one published form per entity is the default.
   */
  default?: boolean;
  layout: FormNode[];
  validations?: FormValidation[];
}

/** Visible, required and read-only state of one field (or one cell of a repeating group). */
export interface FieldState {
  visible: boolean;
  required: boolean;
  readonly: boolean;
}
