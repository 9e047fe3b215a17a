// @bankforge/data-model: entities, their fields and records; what the form, report and flow engines and the server share.

// Entities: the entity artifact, its fields and the FieldError every check answers with.
export {
  FIELD_TYPES,
  SYSTEM_FIELDS,
  IDENTIFIER_PATTERN,
  OPTION_COLORS,
  MULTI_SELECT_DISPLAYS,
  INDEXABLE_SYSTEM_FIELDS,
  ENTITY_INDEX_LIMITS,
  type EntityDefinition,
  type EntityIndex,
  type FieldDefinition,
  type FieldError,
  type FieldType,
  type LocalizedText,
  type MoneyValue,
  type MultiSelectDisplay,
  type OptionColor,
  type SelectOption,
  type SystemField,
} from './entity/entity-definition.js';
export { entityArtifactSchema, localizedTextSchema } from './entity/entity-artifact-schema.js';
export { validateEntityDefinition } from './entity/validate-entity-definition.js';
export { entityIndexColumns, INDEX_KEY_BYTES } from './entity/entity-indexes.js';
export { recordTitle, titleFieldKeys, parseTitleTemplate, titleTemplateProblems, TITLE_FIELD_TYPES, type TitleTemplate, type TitleTemplateProblem } from './entity/record-title.js';
export { DEFINITION_ERROR_CODES, type DefinitionErrorCode } from './entity/definition-errors.js';
// OpenAPI 3.0 schemas of an entity's records (as answered, new, changed): an integrator's typed contract.
export { entityApiSchemas, entitySchemaNames, type EntityApiSchemas, type OpenApiSchema } from './entity/entity-json-schema.js';

export { isMainlandMobile } from './field-types/mobile.js';
// JSON Pointers (RFC 6901), the paths of every problem the engines and the server report.
export { pointer, pointerTokens, valueAt } from './json-pointer/json-pointer.js';
export {
  validateResidentId,
  residentIdCheckCharacter,
  residentIdBirthDate,
  type ResidentIdResult,
} from './field-types/resident-id.js';
// Auto-numbering: the pattern (`LA{yyyyMM}{seq:6}`), its period and numbers; the server keeps the counters.
export {
  parseNumbering,
  numberingProblem,
  readNumber,
  numberingPeriod,
  formatNumber,
  maxSequence,
  localDateOf,
  isAutoNumbered,
  MAX_NUMBER_LENGTH,
  type Numbering,
  type NumberingPart,
  type NumberingPeriod,
  type NumberingProblem,
  type DateToken,
  type LocalDate,
} from './field-types/auto-number.js';
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
// Values read from another field (a birth date from a resident ID): filled on write and live in forms.
export { derivedValue, derivingFields, fillDerivedValues } from './record/derived-values.js';
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

// The filter language: `and`/`or`/`not` over `{field, op, value}`, the one JSON filter of the
// records query, lookup fields and reports; relative periods for `within`; its JSON Schema; depth.
export {
  FILTER_OPERATORS,
  type FilterCondition,
  type FilterOperator,
  type FilterProblem,
  type ParameterRef,
  type RecordFilter,
} from './filter/record-filter.js';
export {
  CALENDAR_UNITS,
  NAMED_PERIODS,
  isRelativePeriod,
  resolvePeriod,
  type CalendarUnit,
  type DateRange,
  type NamedPeriod,
  type RelativePeriod,
} from './filter/relative-dates.js';
export { operatorAllowed } from './filter/operator-allowed.js';
export { filterDepthProblem, MAX_FILTER_DEPTH } from './filter/filter-depth.js';
export { filterJsonSchema } from './filter/filter-schema.js';

// SQL: bound fragments, the SQLite and MySQL/MariaDB dialects, value types of columns, stored
// instants, and the one filter compiler (with the stored forms of currency and encrypted columns).
export {
  sql,
  raw,
  joinSql,
  andSql,
  TRUE_SQL,
  FALSE_SQL,
  type SqlFragment,
  type SqlValue,
} from './sql/fragment.js';
export { dialectOf, ident, type DialectName, type SqlDialect } from './sql/dialect.js';
export { isNumeric, isTemporal, valueTypeOf, SYSTEM_COLUMN_TYPES, SYSTEM_INDEXES, type ValueType } from './sql/value-type.js';
export { toStoredDatetime, fromStoredDatetime } from './sql/stored-datetime.js';
export {
  FilterCompiler,
  type FilterColumn,
  type FilterContext,
  type IssueSink,
  type StoredForm,
} from './sql/compile-filter.js';
export { CURRENCY_CODE, blindIndexForm } from './sql/stored-forms.js';

// Exports: CSV text (formula-safe cells) streamed in chunks, and waiting for a slow stream.
export { csvCell, csvLine, csvChunks, type CsvOptions } from './export/csv.js';
export { waitForDrain, type DrainingStream } from './export/drain.js';
