// @bankforge/data-model: entities, their fields and records; what the form, report and flow engines and the server share.

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
export { pointer, pointerTokens, valueAt } from './json-pointer/json-pointer.js';
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
export type { RecordTypeCheck } from './record/type-check.js';
export { fieldPatternProblem, type PatternProblem } from './record/field-pattern.js';
export { RECORD_ERROR_CODES, type RecordErrorCode } from './record/error-codes.js';

// Stored documents: schemaVersion up-migrations (the form engine registers its own) and the entity artifact kind.
export { migrateEntityDocument, ENTITY_SCHEMA_VERSION } from './entity/entity-migrations.js';
export {
  defineMigrations,
  MigrationError,
  MIGRATION_ERROR_CODES,
  type MigrationErrorCode,
  type MigrationStep,
  type Migrations,
  type Migrated,
  type StoredDocument,
} from './migrations/migration-registry.js';
export { upgradeDocument } from './migrations/upgrade-document.js';
export { entityKind } from './entity/entity-kind.js';

// Standalone record validators (Node only: generated with Ajv; the browser runs them through `@bankforge/data-model/browser`).
export { standaloneValidatorModule } from './standalone/validator-module.js';
export { TYPE_OPTION_TYPES, optionApplies, isIndexable, type TypeOption } from './entity/type-options.js';
