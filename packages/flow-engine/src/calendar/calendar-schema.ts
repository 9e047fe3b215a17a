/**
 * JSON Schema (draft-07) of the `calendar` artifact: its structure only. Whether the dates are real,
 * filed under their year, and the periods in order is `calendarKind`'s check.
 */

/** Calendar keys: as the server's artifact keys (lower snake case). */
export const CALENDAR_KEY_PATTERN = '^[a-z][a-z0-9_]{0,47}$';

const localizedText = {
  type: 'object',
  additionalProperties: false,
  required: ['en', 'zh-CN'],
  properties: {
    en: { type: 'string', maxLength: 200 },
    'zh-CN': { type: 'string', maxLength: 200 },
  },
} as const;

const time = { type: 'string', pattern: '^(?:[01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$' } as const;

/** The shape only: 2026-02-30 passes here and is refused by the check, with a clearer message. */
const date = { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' } as const;

const calendarDay = {
  type: 'object',
  additionalProperties: false,
  required: ['date'],
  properties: { date, name: localizedText },
} as const;

const days = { type: 'array', items: calendarDay, maxItems: 366 } as const;

const workingPeriod = {
  type: 'object',
  additionalProperties: false,
  required: ['start', 'end'],
  properties: { start: time, end: time },
} as const;

/** JSON Schema (draft-07) of the `calendar` artifact document, envelope included. */
export const calendarArtifactSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'BankForge business calendar artifact',
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'key', 'title', 'schemaVersion', 'name', 'workingHours', 'years'],
  properties: {
    kind: { const: 'calendar' },
    key: { type: 'string', pattern: CALENDAR_KEY_PATTERN },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    version: { type: 'integer', minimum: 1 },
    schemaVersion: { const: 1 },
    name: localizedText,
    description: { type: 'string', maxLength: 2000 },
    timeZone: { type: 'string', minLength: 1, maxLength: 64 },
    workingWeekdays: {
      type: 'array',
      items: { type: 'integer', minimum: 1, maximum: 7 },
      minItems: 1,
      uniqueItems: true,
    },
    workingHours: { type: 'array', items: workingPeriod, minItems: 1, maxItems: 24 },
    years: {
      type: 'object',
      propertyNames: { pattern: '^[0-9]{4}$' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: { holidays: days, workingDays: days },
      },
    },
  },
} as const;
