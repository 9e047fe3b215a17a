/**
 * `@bankforge/form-engine/react`: the form renderer and everything a host needs to draw a form.
 * Deliberately free of Ajv (CSP without unsafe-eval, runtime bundle budget): type checks come
 * in through `FormModelOptions.typeChecks`.
 */
export { FormRenderer, type FormRendererProps } from './renderer/FormRenderer.js';
export type { RendererLocale, RendererMessages } from './locale/messages.js';
export type { InputProblem, LoadOptions, LookupSource, WidgetProps } from './widgets/widget-props.js';
// The widgets by type, and one labelled widget outside a model (e.g. a default-value editor).
export { DEFAULT_WIDGETS, WIDGETS } from './widgets/widget-for.js';
export { FieldInput, type FieldInputProps } from './widgets/FieldInput.js';
// A tags field's values as coloured chips, for what shows tags beside forms (list cells, filters).
export { TagChip, TagChips, tagClassName, type TagChipProps } from './widgets/TagChip.js';
// Dates and times as the UI language writes them (2026/07/05 14:30 in Chinese), for what shows them beside forms (list cells, search filters).
export { formatDateText, parseDateText, DATE_TEXT_FORMATS, formatDateTimeText, parseDateTimeText, DATETIME_TEXT_FORMATS } from './widgets/date-text.js';

// The form model and the form types a host needs (entity and field types come from @bankforge/data-model).
export { FormModel } from '../form/form-model.js';
export { compileForm } from '../form/compile-form.js';
export { repeatingGroups } from '../form/layout-groups.js';
export type {
  CompiledForm,
  FormModelOptions,
  FormState,
  FormValues,
} from '../form/form-model-api.js';
export { FORM_SCHEMA_VERSION } from '../form/form-definition.js';
export type {
  FieldState,
  FormDefinition,
  FormNode,
  FormFieldNode,
  OptionSource,
  WidgetType,
} from '../form/form-definition.js';
