export * from './entity/entity-definition.js';
export { entityArtifactSchema, FIELD_ID_PATTERN } from './entity/entity-artifact-schema.js';
export { validateEntityDefinition } from './entity/validate-entity-definition.js';
export { DEFINITION_ERROR_CODES, type DefinitionErrorCode } from './entity/definition-errors.js';

export { isMainlandMobile } from './field-types/mobile.js';
export {
  validateResidentId,
  residentIdCheckCharacter,
  type ResidentIdResult,
} from './field-types/resident-id.js';
export { ISO_CURRENCIES, isIsoCurrency, type IsoCurrency } from './field-types/currency.js';
export { canonicalDecimal, decimalFits, compareDecimal } from './field-types/decimal.js';
export { isIsoDate, canonicalDatetime, isUtcDatetime } from './field-types/date-time.js';
export { isJsonValue, MAX_JSON_DEPTH } from './field-types/json-value.js';
export {
  columnKind,
  stringLength,
  decimalShape,
  moneyCurrencyColumn,
  MONEY_CURRENCY_SUFFIX,
  blindIndexColumn,
  isEncrypted,
  ENCRYPTABLE_TYPES,
  DEFAULT_TEXT_LENGTH,
  MAX_TEXT_LENGTH,
  type ColumnKind,
} from './field-types/column-shape.js';

export { normalizeRecordValues, normalizeFieldValue } from './record/normalize.js';
export { applyFieldDefaults } from './record/defaults.js';
export {
  recordJsonSchema,
  fieldJsonSchema,
  REFERENCE_PATTERN,
  URL_SCHEME_PATTERN,
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
export * from './form/index.js';

// The form artifact's JSON Schema; schemaVersion up-migrations of stored forms and entities.
export { formArtifactSchema, FORM_NODE_ID_PATTERN, FORM_LIMITS } from './form/form-schema.js';
export { migrateFormDocument, formMigrations } from './form/migrations/form-migrations.js';
export { migrateEntityDocument, entityMigrations, ENTITY_SCHEMA_VERSION } from './form/migrations/entity-migrations.js';
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

// Standalone record validators (Node only: generated with Ajv; the browser runs them through `@bankforge/form-engine/browser`).
export { standaloneValidatorModule } from './standalone/validator-module.js';
export { TYPE_OPTION_TYPES, NOT_INDEXABLE_TYPES, optionApplies, isIndexable, type TypeOption } from './entity/type-options.js';
