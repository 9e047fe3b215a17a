// Entities: the entity artifact, its fields and the FieldError every check answers with.
export {
  FIELD_TYPES,
  SYSTEM_FIELDS,
  IDENTIFIER_PATTERN,
  type EntityDefinition,
  type FieldDefinition,
  type FieldError,
  type FieldType,
  type LocalizedText,
  type MoneyValue,
  type SelectOption,
  type SystemField,
} from './entity/entity-definition.js';
export { entityArtifactSchema } from './entity/entity-artifact-schema.js';
export { validateEntityDefinition } from './entity/validate-entity-definition.js';
export { DEFINITION_ERROR_CODES, type DefinitionErrorCode } from './entity/definition-errors.js';

export { isMainlandMobile } from './field-types/mobile.js';
// JSON Pointers (RFC 6901), the paths of every problem the engines and the server report.
export { pointer, pointerTokens } from './shared/json-pointer.js';
export {
  validateResidentId,
  residentIdCheckCharacter,
  type ResidentIdResult,
} from './field-types/resident-id.js';
export { ISO_CURRENCIES, isIsoCurrency, type IsoCurrency } from './field-types/currency.js';
export { canonicalDecimal, decimalFits, compareDecimal } from './field-types/decimal.js';
export { isIsoDate, canonicalDatetime, isUtcDatetime } from './field-types/date-time.js';
export { isJsonValue } from './field-types/json-value.js';
export {
  columnKind,
  entityTable,
  stringLength,
  decimalShape,
  moneyCurrencyColumn,
  blindIndexColumn,
  isEncrypted,
  ENCRYPTABLE_TYPES,
  type ColumnKind,
} from './field-types/column-shape.js';

export { normalizeRecordValues, normalizeFieldValue } from './record/normalize.js';
export { applyFieldDefaults } from './record/defaults.js';
export {
  recordJsonSchema,
  fieldJsonSchema,
  type JsonSchema,
  type RecordSchemaOptions,
} from './record/record-schema.js';
export {
  compileRecordValidator,
  type RecordValidator,
  type RecordValidatorOptions,
} from './record/record-validator.js';
export { fieldPatternProblem, type PatternProblem } from './record/field-pattern.js';
export { RECORD_ERROR_CODES, type RecordErrorCode } from './record/error-codes.js';

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
  type RecordFilter,
  type WidgetType,
} from './form/form-definition.js';
export type {
  CompiledForm,
  FormEvaluationBudget,
  FormModelOptions,
  FormState,
  FormValues,
  RecordTypeCheck,
} from './form/form-model-api.js';
export { compileForm, type CompileFormOptions } from './form/compile-form.js';
export { repeatingGroups } from './form/layout-groups.js';
export { FORM_ERROR_CODES, type FormErrorCode } from './form/compile/form-errors.js';
export { WIDGETS_FOR_FIELD_TYPE } from './form/compile/widgets.js';
export { FormModel } from './form/form-model.js';
export { isBudgetExceededError, type BudgetExceededError } from './form/model/model-errors.js';
export { evaluateSubmission, type Submission, type SubmissionResult } from './form/submission/evaluate-submission.js';

// The form artifact's JSON Schema; schemaVersion up-migrations of stored forms and entities.
export { formArtifactSchema, FORM_NODE_ID_PATTERN, FORM_LIMITS } from './form/form-schema.js';
export { migrateFormDocument } from './form/migrations/form-migrations.js';
export { migrateEntityDocument, ENTITY_SCHEMA_VERSION } from './form/migrations/entity-migrations.js';
export {
  defineMigrations,
  MigrationError,
  MIGRATION_ERROR_CODES,
  type MigrationErrorCode,
  type MigrationStep,
  type Migrations,
  type Migrated,
  type StoredDocument,
} from './form/migrations/migration-registry.js';

// The entity and form artifact kinds, as the server registers them.
export { entityKind } from './artifact/entity-kind.js';
export { formKind, entitiesOfForm, type FormCheckContext } from './artifact/form-kind.js';

// Standalone record validators (Node only: generated with Ajv; the browser runs them through `@bankforge/form-engine/browser`).
export { standaloneValidatorModule } from './standalone/validator-module.js';
export { TYPE_OPTION_TYPES, optionApplies, isIndexable, type TypeOption } from './entity/type-options.js';
