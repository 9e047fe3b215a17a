// @bankforge/form-engine: the form artifact, the form model and its React renderer. Entities and records live in @bankforge/data-model.

// The form artifact, compileForm (publish-time analysis), FormModel and the server's evaluateSubmission.
export {
  FORM_SCHEMA_VERSION,
  WIDGET_TYPES,
  type FieldState,
  type FormColumn,
  type FormColumns,
  type FormDefinition,
  type FormFieldNode,
  type FormNode,
  type FormNodeBase,
  type FormNodeType,
  type FormRepeatingGroup,
  type FormSection,
  type FormTab,
  type FormTabs,
  type FormValidation,
  type OptionSource,
  type WidgetType,
} from './form/form-definition.js';
export type {
  CompiledForm,
  FormEvaluationBudget,
  FormModelOptions,
  FormState,
  FormValues,
} from './form/form-model-api.js';
export { compileForm, type CompileFormOptions } from './form/compile-form.js';
export { repeatingGroups } from './form/layout-groups.js';
export { FORM_ERROR_CODES, type FormErrorCode } from './form/compile/form-errors.js';
export { WIDGETS_FOR_FIELD_TYPE } from './form/compile/widgets.js';
export { FormModel } from './form/form-model.js';
export { isBudgetExceededError, type BudgetExceededError } from './form/model/model-errors.js';
export { evaluateSubmission, type Submission, type SubmissionResult } from './form/submission/evaluate-submission.js';

// The form artifact's JSON Schema; schemaVersion up-migrations of stored forms.
export { formArtifactSchema, FORM_NODE_ID_PATTERN, FORM_LIMITS } from './form/form-schema.js';
export { migrateFormDocument } from './form/migrations/form-migrations.js';

// The form artifact kind, as the server registers it.
export { formKind, entitiesOfForm, type FormCheckContext } from './artifact/form-kind.js';
// A form's elements as versions are compared, its fields named by their entities' labels when given.
export { formElements } from './artifact/form-elements.js';

