/**
 * JSON Schema (draft-07) of the `automation` artifact: its structure only. Unique ids, FEEL syntax,
 * durations, times, zones and the entity's fields are `automationKind`'s check.
 */
import { filterJsonSchema, IDENTIFIER_PATTERN, localizedTextSchema } from '@bankforge/data-model';
import {
  AUTOMATION_ACTION_TYPES,
  AUTOMATION_CASE_EVENTS,
  AUTOMATION_RECORD_EVENTS,
  CONNECTOR_METHODS,
  SCHEDULE_EVERY,
} from './automation-definition.js';

/** Automation keys: as the server's artifact keys (lower snake case). */
export const AUTOMATION_KEY_PATTERN = IDENTIFIER_PATTERN;
/** Action ids and `as` names: a FEEL name (letters, digits, `_`), so later actions can read a result. */
export const AUTOMATION_ACTION_ID_PATTERN = '^[A-Za-z_][A-Za-z0-9_]{0,63}$';

const key = { type: 'string', pattern: IDENTIFIER_PATTERN } as const;
const feel = { type: 'string', minLength: 1, maxLength: 10_000 } as const;
const shortText = { type: 'string', minLength: 1, maxLength: 200 } as const;
const feelMap = { type: 'object', propertyNames: { pattern: IDENTIFIER_PATTERN }, additionalProperties: feel, maxProperties: 200 } as const;
const nameList = { type: 'array', items: shortText, maxItems: 100, uniqueItems: true } as const;

const targetById = { type: 'object', additionalProperties: false, required: ['entity', 'id'], properties: { entity: key, id: feel } } as const;
const targetLookup = {
  type: 'object',
  additionalProperties: false,
  required: ['entity', 'where'],
  properties: {
    entity: key,
    where: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      items: { type: 'object', additionalProperties: false, required: ['field', 'op', 'value'], properties: { field: key, op: { enum: ['eq', 'ne'] }, value: feel } },
    },
  },
} as const;

const recordTrigger = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'entity', 'on'],
  properties: {
    type: { const: 'record' },
    entity: key,
    on: { type: 'array', items: { enum: [...AUTOMATION_RECORD_EVENTS] }, minItems: 1, uniqueItems: true },
    condition: feel,
  },
} as const;

const scheduleTrigger = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'every', 'at', 'timeZone'],
  properties: {
    type: { const: 'schedule' },
    every: { enum: [...SCHEDULE_EVERY] },
    at: { type: 'string', minLength: 1, maxLength: 10 },
    timeZone: { type: 'string', minLength: 1, maxLength: 64 },
    calendar: key,
    weekday: { type: 'integer', minimum: 1, maximum: 7 },
    dayOfMonth: { type: 'integer', minimum: 1, maximum: 28 },
    entity: key,
    filter: { $ref: '#/definitions/filter' },
    segment: { type: 'string', pattern: '^[0-9a-fA-F-]{36}$' },
  },
} as const;

const inboundTrigger = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'event'],
  properties: {
    type: { const: 'inbound' },
    event: key,
    entity: key,
    match: {
      type: 'object',
      additionalProperties: false,
      required: ['field', 'value'],
      properties: { field: key, value: feel },
    },
    condition: feel,
  },
} as const;

const caseTrigger = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'flow', 'events'],
  properties: {
    type: { const: 'case' },
    flow: { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,63}$' },
    events: { type: 'array', items: { enum: [...AUTOMATION_CASE_EVENTS] }, minItems: 1, uniqueItems: true },
    condition: feel,
  },
} as const;

const base = {
  id: { type: 'string', pattern: AUTOMATION_ACTION_ID_PATTERN },
  as: { type: 'string', pattern: AUTOMATION_ACTION_ID_PATTERN },
} as const;

/** One schema per action type, chosen by `type` (so an error names the action's own properties). */
const actionSchemas = {
  updateRecord: { required: ['values'], properties: { values: feelMap, target: { oneOf: [targetById, targetLookup] } } },
  setTags: { required: ['field'], properties: { field: key, add: nameList, remove: nameList } },
  createRecord: { required: ['entity', 'values'], properties: { entity: key, values: feelMap } },
  startFlow: { required: ['flow'], properties: { flow: { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,63}$' } } },
  assignOwner: { required: ['role'], properties: { role: shortText, branch: feel } },
  evaluateDecision: {
    required: ['decision', 'inputs'],
    properties: {
      decision: { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,63}$' },
      inputs: { type: 'object', propertyNames: shortText, additionalProperties: feel, maxProperties: 200 },
      write: { type: 'object', propertyNames: { pattern: IDENTIFIER_PATTERN }, additionalProperties: shortText, maxProperties: 200 },
    },
  },
  notify: {
    required: ['to', 'message'],
    properties: {
      to: {
        oneOf: [
          { type: 'object', additionalProperties: false, required: ['owner'], properties: { owner: { const: true } } },
          { type: 'object', additionalProperties: false, required: ['users'], properties: { users: { ...nameList, minItems: 1 } } },
          { type: 'object', additionalProperties: false, required: ['role'], properties: { role: shortText } },
        ],
      },
      message: {
        type: 'object',
        additionalProperties: false,
        required: ['en', 'zh-CN'],
        properties: { en: { type: 'string', minLength: 1, maxLength: 2000 }, 'zh-CN': { type: 'string', minLength: 1, maxLength: 2000 } },
      },
    },
  },
  callConnector: {
    required: ['connector', 'method', 'path'],
    properties: { connector: key, method: { enum: [...CONNECTOR_METHODS] }, path: { type: 'string', pattern: '^/', maxLength: 2000 }, body: feel },
  },
  wait: { required: ['duration'], properties: { duration: { type: 'string', minLength: 2, maxLength: 100 }, calendar: key } },
  condition: { required: ['when'], properties: { when: feel } },
} as const satisfies Record<(typeof AUTOMATION_ACTION_TYPES)[number], { required: readonly string[]; properties: object }>;

const action = {
  type: 'object',
  required: ['id', 'type'],
  properties: { type: { enum: [...AUTOMATION_ACTION_TYPES] } },
  allOf: AUTOMATION_ACTION_TYPES.map((type) => ({
    if: { properties: { type: { const: type } } },
    then: {
      additionalProperties: false,
      required: [...actionSchemas[type].required],
      properties: { type: { const: type }, ...base, ...actionSchemas[type].properties },
    },
  })),
} as const;

/** JSON Schema (draft-07) of the `automation` artifact document, envelope included. */
export const automationArtifactSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'BankForge automation artifact',
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'key', 'title', 'label', 'trigger', 'actions'],
  properties: {
    kind: { const: 'automation' },
    key: { type: 'string', pattern: AUTOMATION_KEY_PATTERN },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    version: { type: 'integer', minimum: 1 },
    schemaVersion: { const: 1 },
    label: localizedTextSchema,
    description: localizedTextSchema,
    enabled: { type: 'boolean' },
    trigger: {
      type: 'object',
      required: ['type'],
      properties: { type: { enum: ['record', 'schedule', 'inbound', 'case'] } },
      allOf: [recordTrigger, scheduleTrigger, inboundTrigger, caseTrigger].map((schema) => ({
        if: { properties: { type: { const: schema.properties.type.const } } },
        then: schema,
      })),
    },
    actions: { type: 'array', items: action, maxItems: 100 },
  },
  definitions: {
    filter: filterJsonSchema({ type: 'string', pattern: IDENTIFIER_PATTERN }),
  },
} as const;
