/**
 * JSON Schema (draft-07) of the `flow` artifact: its structure only. The graph rules (one start,
 * reachability, default edges, joins, FEEL syntax, ...) need more than a schema; they are in
 * `validateFlowDefinition`, which runs this schema first.
 */
import {
  APPROVAL_ACTIONS,
  APPROVAL_MODES,
  FLOW_NODE_TYPES,
  FLOW_OUTCOMES,
  FLOW_VARIABLE_TYPES,
  SERVICE_EFFECTS,
  TIMEOUT_ACTIONS,
} from './flow-definition.js';

/** Flow keys: as decision keys. */
export const FLOW_KEY_PATTERN = '^[a-z][a-z0-9_-]{0,63}$';
/** Node and edge ids: letters, digits, `_ . : -` (UUIDs fit). */
export const FLOW_ID_PATTERN = '^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,127}$';

const id = { type: 'string', pattern: FLOW_ID_PATTERN } as const;
const feel = { type: 'string', minLength: 1, maxLength: 10_000 } as const;
const duration = { type: 'string', minLength: 2, maxLength: 100 } as const;
const shortText = { type: 'string', minLength: 1, maxLength: 200 } as const;
const positiveInteger = { type: 'integer', minimum: 1 } as const;

const localizedText = {
  type: 'object',
  additionalProperties: false,
  required: ['en', 'zh-CN'],
  properties: {
    en: { type: 'string', maxLength: 200 },
    'zh-CN': { type: 'string', maxLength: 200 },
  },
} as const;

const position = {
  type: 'object',
  additionalProperties: false,
  required: ['x', 'y'],
  properties: { x: { type: 'number' }, y: { type: 'number' } },
} as const;

/** A map from names to FEEL sources (decision and subflow inputs). */
const feelMap = {
  type: 'object',
  propertyNames: { minLength: 1, maxLength: 200 },
  additionalProperties: feel,
} as const;

/** A map from names to names or result paths (decision, service and subflow outputs). */
const nameMap = {
  type: 'object',
  propertyNames: { minLength: 1, maxLength: 200 },
  additionalProperties: shortText,
} as const;

const assigneeRule = {
  type: 'object',
  required: ['kind'],
  properties: { kind: { enum: ['user', 'role', 'branchRole', 'manager', 'expression'] } },
  allOf: [
    {
      if: { properties: { kind: { const: 'user' } } },
      then: {
        additionalProperties: false,
        required: ['userId'],
        properties: { kind: true, userId: shortText },
      },
    },
    {
      if: { properties: { kind: { enum: ['role', 'branchRole'] } } },
      then: { additionalProperties: false, required: ['role'], properties: { kind: true, role: shortText } },
    },
    {
      if: { properties: { kind: { const: 'manager' } } },
      then: {
        additionalProperties: false,
        required: ['levels'],
        properties: { kind: true, levels: { type: 'integer', minimum: 1, maximum: 20 } },
      },
    },
    {
      if: { properties: { kind: { const: 'expression' } } },
      then: { additionalProperties: false, required: ['feel'], properties: { kind: true, feel } },
    },
  ],
} as const;

const assignees = { type: 'array', items: assigneeRule } as const;

/** Properties every node has. */
const base = { id: true, type: true, name: true, position: true } as const;

function nodeSchema(
  type: string,
  properties: Record<string, unknown> = {},
  required: readonly string[] = [],
): Record<string, unknown> {
  return {
    if: { properties: { type: { const: type } } },
    then: {
      additionalProperties: false,
      ...(required.length > 0 ? { required } : {}),
      properties: { ...base, ...properties },
    },
  };
}

/** Loops, multi-instance, boundary timers and token quantities of service and subflow nodes. */
const activityBehaviour = {
  loop: {
    type: 'object',
    additionalProperties: false,
    properties: { condition: feel, maximum: { type: 'integer', minimum: 1, maximum: 10_000 }, testBefore: { type: 'boolean' } },
  },
  multiInstance: {
    type: 'object',
    additionalProperties: false,
    required: ['cardinality'],
    properties: { sequential: { type: 'boolean' }, cardinality: feel, completionCondition: feel },
  },
  boundaryTimers: {
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'duration', 'interrupting', 'edge'],
      properties: { id, duration, interrupting: { type: 'boolean' }, edge: id, name: localizedText, position },
    },
  },
  startQuantity: { type: 'integer', minimum: 1, maximum: 100 },
  completionQuantity: { type: 'integer', minimum: 1, maximum: 100 },
} as const;

const timeout = {
  type: 'object',
  additionalProperties: false,
  required: ['duration', 'action'],
  properties: {
    duration,
    businessCalendar: { type: 'boolean' },
    action: { enum: TIMEOUT_ACTIONS },
    escalateTo: {
      type: 'object',
      oneOf: [
        {
          additionalProperties: false,
          required: ['manager'],
          properties: { manager: { const: true } },
        },
        { additionalProperties: false, required: ['role'], properties: { role: shortText } },
      ],
    },
  },
} as const;

const node = {
  type: 'object',
  required: ['id', 'type', 'name'],
  properties: {
    id,
    type: { enum: FLOW_NODE_TYPES },
    name: localizedText,
    position,
  },
  allOf: [
    nodeSchema('start'),
    nodeSchema('end', { outcome: { enum: FLOW_OUTCOMES }, errorCode: shortText }),
    nodeSchema('terminate', { outcome: { enum: FLOW_OUTCOMES } }, ['outcome']),
    nodeSchema(
      'approval',
      {
        assignees,
        mode: { enum: APPROVAL_MODES },
        // the range (0 < p <= 100) is a publish rule (`percentageOutOfRange`), reported on its own
        percentage: { type: 'number' },
        formKey: shortText,
        editableFields: { type: 'array', uniqueItems: true, items: shortText },
        actions: { type: 'array', uniqueItems: true, items: { enum: APPROVAL_ACTIONS } },
        returnTo: { enum: ['previous', 'any', 'initiator'] },
        timeout,
        authorityLimits: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['role', 'upTo', 'amountVariable'],
            properties: { role: shortText, upTo: { type: 'number', minimum: 0 }, amountVariable: shortText },
          },
        },
        distinctApprovers: { type: 'boolean' },
        rejectEdge: id,
        boundaryTimers: activityBehaviour.boundaryTimers,
      },
      ['assignees', 'mode', 'actions'],
    ),
    nodeSchema('branch'),
    nodeSchema('inclusive'),
    nodeSchema('inclusiveJoin', { splitId: id }),
    nodeSchema('parallel'),
    nodeSchema('join'),
    nodeSchema(
      'decision',
      { decisionKey: shortText, decisionVersion: positiveInteger, inputs: feelMap, outputs: nameMap },
      ['decisionKey', 'inputs', 'outputs'],
    ),
    nodeSchema(
      'service',
      {
        effect: { enum: SERVICE_EFFECTS },
        config: { type: 'object' },
        retry: {
          type: 'object',
          additionalProperties: false,
          required: ['maxAttempts'],
          properties: {
            maxAttempts: { type: 'integer', minimum: 1, maximum: 100 },
            backoff: {
              type: 'object',
              additionalProperties: false,
              required: ['delay'],
              properties: { delay: duration, multiplier: { type: 'number', minimum: 1, maximum: 10 } },
            },
          },
        },
        failureEdge: id,
        outputs: nameMap,
        ...activityBehaviour,
      },
      ['effect', 'config'],
    ),
    nodeSchema(
      'notify',
      { to: assignees, kind: { enum: ['cc', 'message'] }, template: { type: 'string', minLength: 1, maxLength: 10_000 } },
      ['to', 'kind', 'template'],
    ),
    nodeSchema('timer', { duration, businessCalendar: { type: 'boolean' }, until: feel }),
    nodeSchema(
      'subflow',
      { flowKey: { type: 'string', pattern: FLOW_KEY_PATTERN }, version: positiveInteger, inputs: feelMap, outputs: nameMap, ...activityBehaviour },
      ['flowKey', 'inputs', 'outputs'],
    ),
  ],
} as const;

const edge = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'source', 'target'],
  properties: {
    id,
    source: id,
    target: id,
    condition: feel,
    default: { type: 'boolean' },
    loop: {
      type: 'object',
      additionalProperties: false,
      required: ['maxIterations'],
      properties: { maxIterations: { type: 'integer', minimum: 1, maximum: 10_000 } },
    },
    name: localizedText,
  },
} as const;

const variable = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'type'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    type: { enum: FLOW_VARIABLE_TYPES },
    required: { type: 'boolean' },
    default: true,
    label: localizedText,
  },
} as const;

/** Field keys of the bound entity (as entity field keys are written). */
const fieldKey = { type: 'string', minLength: 1, maxLength: 100 } as const;

/** The record binding: which variables come from the record, which fields the flow controls and writes. */
const recordBinding = {
  type: 'object',
  additionalProperties: false,
  properties: {
    variables: { type: 'object', propertyNames: { minLength: 1, maxLength: 100 }, additionalProperties: fieldKey },
    controlledFields: { type: 'array', uniqueItems: true, items: fieldKey },
    writes: {
      type: 'object',
      propertyNames: { minLength: 1, maxLength: 100 },
      additionalProperties: { type: 'object', propertyNames: { minLength: 1, maxLength: 100 }, additionalProperties: feel },
    },
    startOn: { type: 'object', additionalProperties: false, minProperties: 1, properties: { created: { type: 'boolean' }, condition: feel } },
  },
} as const;

/**
 * JSON Schema (draft-07) of the `flow` artifact document. The server validates every save with
 * it; `validateFlowDefinition` runs it plus the publish-time graph rules.
 */
export const flowArtifactSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'BankForge flow artifact',
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'key', 'title', 'schemaVersion', 'variables', 'nodes', 'edges'],
  properties: {
    kind: { const: 'flow' },
    key: { type: 'string', pattern: FLOW_KEY_PATTERN },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    label: localizedText,
    version: positiveInteger,
    schemaVersion: { const: 1 },
    entity: { type: 'string', minLength: 1, maxLength: 100 },
    record: recordBinding,
    description: { type: 'string', maxLength: 2000 },
    variables: { type: 'array', items: variable },
    nodes: { type: 'array', items: node },
    edges: { type: 'array', items: edge },
  },
} as const;
