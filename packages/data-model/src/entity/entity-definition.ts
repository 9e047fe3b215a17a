/** A text in both languages the product ships: English and Simplified Chinese. */
export interface LocalizedText {
  en: string;
  'zh-CN': string;
}

/**
 * The field types a bank analyst can give an entity. Each is validated by the same code in the
 * browser and on the server (see `src/field-types/` and `src/record/`).
 */
export const FIELD_TYPES = [
  'text',
  'longText',
  'integer',
  'decimal',
  'money',
  'percentage',
  'boolean',
  'date',
  'datetime',
  'singleSelect',
  'multiSelect',
  'reference',
  'email',
  'mobile',
  'residentId',
  'url',
  'autoNumber',
  'json',
] as const;

export type FieldType = (typeof FIELD_TYPES)[number];

/**
 * The colours an option may be shown in, by name: the runtime maps each to its own styles, so an
 * artifact can never carry CSS (a colour is a name from this list, not a value put in a style).
 */
export const OPTION_COLORS = ['grey', 'red', 'orange', 'yellow', 'green', 'teal', 'blue', 'indigo', 'purple', 'pink'] as const;

export type OptionColor = (typeof OPTION_COLORS)[number];

export interface SelectOption {
  value: string;
  label: LocalizedText;
  /** The option's chip colour (tags); without one, the neutral grey. */
  color?: OptionColor;
}

/** How a multiSelect shows its values: `tags`, as coloured chips from its managed option list. */
export const MULTI_SELECT_DISPLAYS = ['tags'] as const;

export type MultiSelectDisplay = (typeof MULTI_SELECT_DISPLAYS)[number];

export interface FieldDefinition {
  /** Stable identity: survives renames of `key`, so a migration can follow the data. */
  id: string;
  /** The property name in records and the column name in the entity's table. */
  key: string;
  type: FieldType;
  label: LocalizedText;
  description?: string;
  required?: boolean;
  unique?: boolean;
  indexed?: boolean;
  /** Personal data (national ID, phone, account number): encrypted at rest, masked in the audit log; unmasked reads are audited. */
  sensitive?: boolean;
  /**
   * The key of another field of the entity this one's value can be read from (a birth date from a
   * resident ID): a reader's role that masks or hides that field masks or hides this one with it,
   * unless the role rules on this field itself.
   */
  derivedFrom?: string;
  default?: unknown;
  /** text, longText, email, url: string length bounds. */
  minLength?: number;
  maxLength?: number;
  /** integer, decimal, money, percentage: numeric bounds; date, datetime: ISO bounds. */
  min?: number | string;
  max?: number | string;
  /** text: an ECMAScript regular expression the whole value must match. */
  pattern?: string;
  /** text with a pattern: the expected format in words ("two letters then eight digits"), which errors quote instead of the expression. */
  patternHint?: LocalizedText;
  /**
   * autoNumber: how the server numbers new records, e.g. `LA{yyyyMM}{seq:6}`: literal text, date
   * parts (yyyy, yy, MM, dd) of the creation date in the bank's time zone and one `{seq:N}`, which
   * restarts each period the date parts name. See `field-types/auto-number.ts`.
   */
  numbering?: string;
  /** decimal, money, percentage: total digits and digits after the point. */
  precision?: number;
  scale?: number;
  /** money: the ISO 4217 currencies allowed (any when absent). */
  currencies?: string[];
  /** singleSelect, multiSelect. */
  options?: SelectOption[];
  /** multiSelect: `tags` shows the values as coloured chips (lists, record pages, filters). */
  display?: MultiSelectDisplay;
  /** reference: the key of the entity referred to. */
  reference?: { entity: string };
}

/** The `entity` artifact: a business object and its fields. */
export interface EntityDefinition {
  kind: 'entity';
  key: string;
  title: string;
  version?: number;
  schemaVersion?: number;
  label: LocalizedText;
  pluralLabel?: LocalizedText;
  description?: string;
  /** Purposes (e.g. `marketing`) for which processing a record needs the customer's recorded consent. */
  consentPurposes?: string[];
  /**
   * How a record is named wherever it is shown or referred to: literal text and `{field}`
   * placeholders, e.g. `{name} · {customer_no}`. Without one, the first unique (else required) text field.
   */
  titleTemplate?: string;
  fields: FieldDefinition[];
  /**
   * Indexes over several columns, declared for the lists and reports that read the entity in bulk
   * (a dashboard over a million loans filtered by date and grouped by branch): each names fields by
   * key, in order. The store puts `deleted_at` first, since every read filters on it.
   */
  indexes?: EntityIndex[];
}

/** A composite index of an entity's table: its fields' columns in order (a money field's amount and currency). */
export interface EntityIndex {
  /** Stable identity of the index (its physical name derives from it). */
  key: string;
  /** Field keys, or the system columns a report may read (`owner_id`, `created_at`, `updated_at`, `created_by`, `updated_by`). */
  fields: string[];
}

/** System columns an entity index may name (`deleted_at` leads every such index by itself; `id` is the primary key). */
export const INDEXABLE_SYSTEM_FIELDS = ['owner_id', 'created_at', 'updated_at', 'created_by', 'updated_by'] as const;

/** Bounds of an entity's composite indexes (MySQL allows 16 columns; a money field takes two, `deleted_at` one). */
export const ENTITY_INDEX_LIMITS = { indexes: 8, fields: 6 } as const;

/** Columns every entity table has; field keys may not take these names. */
export const SYSTEM_FIELDS = [
  'id',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'owner_id',
  'version',
  'deleted_at',
] as const;

export type SystemField = (typeof SYSTEM_FIELDS)[number];

/** Entity and field keys: lower snake case, so they are safe and portable as SQL identifiers. */
export const IDENTIFIER_PATTERN = '^[a-z][a-z0-9_]{0,47}$';

/** A money value as records carry it: the amount as an exact decimal string. */
export interface MoneyValue {
  amount: string;
  currency: string;
}

/** One validation failure, addressed by a JSON Pointer into the record or artifact. */
export interface FieldError {
  path: string;
  code: string;
  message: string;
  /** The same message in Simplified Chinese. */
  messageZh: string;
}
