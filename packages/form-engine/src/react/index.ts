/**
 * `@bankforge/form-engine/react`: the form renderer and everything a host needs to draw a form.
 * Deliberately free of Ajv (CSP without unsafe-eval, runtime bundle budget): type checks come
 * in through `FormModelOptions.typeChecks`.
 */
export { FormRenderer, type FormRendererProps } from './renderer/FormRenderer.js';
export { useFormState } from './state/use-form-state.js';
export { RENDERER_MESSAGES, type RendererLocale, type RendererMessages } from './locale/messages.js';
export type { InputProblem, LoadOptions, LookupSource, WidgetProps } from './widgets/widget-props.js';
export { DEFAULT_WIDGETS, WIDGETS, widgetTypeOf } from './widgets/widget-for.js';
export { FieldInput, type FieldInputProps } from './widgets/FieldInput.js';
export { TextWidget, type TextKind } from './widgets/TextWidget.js';
export { TextareaWidget } from './widgets/TextareaWidget.js';
export { NumberWidget } from './widgets/NumberWidget.js';
export { MoneyWidget } from './widgets/MoneyWidget.js';
export { CheckboxWidget } from './widgets/CheckboxWidget.js';
export { DateWidget } from './widgets/DateWidget.js';
export { DatetimeWidget } from './widgets/DatetimeWidget.js';
export { SelectWidget } from './widgets/SelectWidget.js';
export { RadioWidget } from './widgets/RadioWidget.js';
export { MultiSelectWidget } from './widgets/MultiSelectWidget.js';
export { CheckboxesWidget } from './widgets/CheckboxesWidget.js';
export { LookupWidget, LOOKUP_SEARCH_DELAY_MS } from './widgets/LookupWidget.js';
export { JsonWidget } from './widgets/JsonWidget.js';

export { FormModel } from '../form/form-model.js';
export { compileForm } from '../form/compile-form.js';
export type {
  CompiledForm,
  FormModelOptions,
  FormState,
  FormValues,
  RecordTypeCheck,
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
export type {
  EntityDefinition,
  FieldDefinition,
  FieldError,
  LocalizedText,
  SelectOption,
} from '../entity/entity-definition.js';
