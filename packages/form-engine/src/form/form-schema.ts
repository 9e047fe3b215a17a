/**
 * JSON Schema (draft-07) of the `form` artifact: its structure and size bounds only, so that any
 * draft the designer saves passes (a repeating group or lookup whose entity is not chosen yet
 * has `""` there). What needs the entities (fields exist, FEEL compiles, no dependency cycles,
 * unique node ids) is `compileForm`'s, at publish time. Documents of older `schemaVersion`s go
 * through `migrateFormDocument` first: this schema describes the current one.
 *
 * Nesting is bounded: the recursive definitions are unrolled per level (`node1` … `node8`), since
 * a validator (and every walk over the layout) would overflow the stack on a document nested
 * tens of thousands deep, which fits in a request body.
 */
import { FILTER_OPERATORS, IDENTIFIER_PATTERN } from '@bankforge/data-model';
import { FORM_SCHEMA_VERSION, WIDGET_TYPES, type FormNodeType } from './form-definition.js';

/** Layout node ids: letters, digits, `_ . : -` (UUIDs fit), at most 64. */
export const FORM_NODE_ID_PATTERN = '^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,63}$';

/** Upper bounds of a form document, so that a hostile one cannot be huge. */
export const FORM_LIMITS = {
  /** Nodes in one container (the layout, a section, a column, a tab). */
  nodesPerContainer: 200,
  columns: 6,
  tabs: 20,
  /** Columns of a repeating group. */
  groupFields: 100,
  rows: 10_000,
  validations: 200,
  staticOptions: 1000,
  /** How deep containers nest (a section in a tab in columns is 3): deeper is refused. */
  layoutDepth: 8,
  /** Conditions in one `and` / `or` of a lookup filter. */
  filterTerms: 50,
  /** How deep `and` / `or` nest in a lookup filter. */
  filterDepth: 4,
  expressionLength: 4000,
  labelLength: 200,
  helpLength: 1000,
} as const;

const NODE_TYPES: readonly FormNodeType[] = ['field', 'section', 'columns', 'tabs', 'repeatingGroup'];
const CONTAINER_TYPES: ReadonlySet<FormNodeType> = new Set(['section', 'columns', 'tabs']);

/** 1, 2, …, n. */
const upTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

const identifier = { type: 'string', pattern: IDENTIFIER_PATTERN } as const;
/** An identifier the designer may leave empty until the analyst picks one. */
const identifierOrUnset = { type: 'string', pattern: `^$|${IDENTIFIER_PATTERN}` } as const;
const nodeId = { type: 'string', pattern: FORM_NODE_ID_PATTERN } as const;
const expression = { type: 'string', maxLength: FORM_LIMITS.expressionLength } as const;

function localizedText(maxLength: number): object {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['en', 'zh-CN'],
    properties: { en: { type: 'string', maxLength }, 'zh-CN': { type: 'string', maxLength } },
  };
}

const label = localizedText(FORM_LIMITS.labelLength);

/** The nodes of a container at `level` (the layout's own are at level 1). */
function nodeList(level: number): object {
  return {
    type: 'array',
    maxItems: FORM_LIMITS.nodesPerContainer,
    items: { $ref: `#/definitions/node${level}` },
  };
}

/** Properties every layout node has. */
const nodeBase = { id: nodeId, visibleWhen: expression } as const;

const fieldNode = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type', 'field'],
  properties: {
    ...nodeBase,
    type: { const: 'field' },
    field: identifier,
    widget: { enum: [...WIDGET_TYPES] },
    label,
    help: localizedText(FORM_LIMITS.helpLength),
    placeholder: label,
    default: {},
    requiredWhen: expression,
    readonlyWhen: expression,
    value: expression,
    options: { $ref: '#/definitions/optionSource' },
  },
};

/** A layout node at `level`: dispatched on `type`, so that errors come from the kind of node it says it is. */
function nodeAt(level: number): object {
  const types =
    level < FORM_LIMITS.layoutDepth ? NODE_TYPES : NODE_TYPES.filter((t) => !CONTAINER_TYPES.has(t));
  const definition = (type: FormNodeType): string => (CONTAINER_TYPES.has(type) ? `${type}${level}` : type);
  return {
    type: 'object',
    required: ['id', 'type'],
    properties: { id: nodeId, type: { enum: types } },
    allOf: types.map((type) => ({
      if: { required: ['type'], properties: { type: { const: type } } },
      then: { $ref: `#/definitions/${definition(type)}` },
    })),
  };
}

/** The containers at `level`, whose nodes are at the next level. */
function containersAt(level: number): Record<string, object> {
  const children = nodeList(level + 1);
  return {
    [`section${level}`]: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'type', 'title', 'children'],
      properties: { ...nodeBase, type: { const: 'section' }, title: label, children },
    },
    [`columns${level}`]: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'type', 'columns'],
      properties: {
        ...nodeBase,
        type: { const: 'columns' },
        columns: {
          type: 'array',
          minItems: 1,
          maxItems: FORM_LIMITS.columns,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'children'],
            properties: { id: nodeId, children },
          },
        },
      },
    },
    [`tabs${level}`]: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'type', 'tabs'],
      properties: {
        ...nodeBase,
        type: { const: 'tabs' },
        tabs: {
          type: 'array',
          minItems: 1,
          maxItems: FORM_LIMITS.tabs,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'title', 'children'],
            properties: { id: nodeId, title: label, children },
          },
        },
      },
    },
  };
}

const filterCondition = {
  additionalProperties: false,
  required: ['field', 'op'],
  properties: { field: identifier, op: { enum: FILTER_OPERATORS }, value: {} },
};

/** A lookup filter at `level`: the records query's filter language, `and`/`or`/`not` of `{ field, op, value }`. */
function filterAt(level: number): object {
  if (level === FORM_LIMITS.filterDepth) return { type: 'object', ...filterCondition };
  const terms = {
    type: 'array',
    maxItems: FORM_LIMITS.filterTerms,
    items: { $ref: `#/definitions/filter${level + 1}` },
  };
  return {
    type: 'object',
    oneOf: [
      { additionalProperties: false, required: ['and'], properties: { and: terms } },
      { additionalProperties: false, required: ['or'], properties: { or: terms } },
      {
        additionalProperties: false,
        required: ['not'],
        properties: { not: { $ref: `#/definitions/filter${level + 1}` } },
      },
      filterCondition,
    ],
  };
}

const definitions = {
  ...Object.fromEntries(upTo(FORM_LIMITS.layoutDepth).map((level) => [`node${level}`, nodeAt(level)])),
  ...Object.assign({}, ...upTo(FORM_LIMITS.layoutDepth - 1).map(containersAt)),
  field: fieldNode,
  repeatingGroup: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'type', 'key', 'title', 'entity', 'foreignKey', 'fields'],
    properties: {
      ...nodeBase,
      type: { const: 'repeatingGroup' },
      key: identifier,
      title: label,
      entity: identifierOrUnset,
      foreignKey: identifierOrUnset,
      fields: { type: 'array', maxItems: FORM_LIMITS.groupFields, items: { $ref: '#/definitions/field' } },
      minRows: { type: 'integer', minimum: 0, maximum: FORM_LIMITS.rows },
      maxRows: { type: 'integer', minimum: 0, maximum: FORM_LIMITS.rows },
    },
  },
  optionSource: {
    type: 'object',
    required: ['type'],
    properties: { type: { enum: ['static', 'lookup'] } },
    allOf: [
      {
        if: { required: ['type'], properties: { type: { const: 'static' } } },
        then: {
          additionalProperties: false,
          required: ['type', 'options'],
          properties: {
            type: { const: 'static' },
            options: {
              type: 'array',
              maxItems: FORM_LIMITS.staticOptions,
              items: {
                type: 'object',
                additionalProperties: false,
                required: ['value', 'label'],
                properties: { value: { type: 'string', maxLength: 64 }, label },
              },
            },
          },
        },
      },
      {
        if: { required: ['type'], properties: { type: { const: 'lookup' } } },
        then: {
          additionalProperties: false,
          required: ['type', 'entity', 'labelField'],
          properties: {
            type: { const: 'lookup' },
            entity: identifierOrUnset,
            labelField: identifierOrUnset,
            filter: { $ref: '#/definitions/filter1' },
          },
        },
      },
    ],
  },
  ...Object.fromEntries(upTo(FORM_LIMITS.filterDepth).map((level) => [`filter${level}`, filterAt(level)])),
  validation: {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'expression', 'message'],
    properties: {
      id: nodeId,
      expression,
      message: localizedText(FORM_LIMITS.helpLength),
      field: identifier,
    },
  },
};

/** JSON Schema (draft-07) of the `form` artifact document (see `FormDefinition`). */
export const formArtifactSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'BankForge form artifact',
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'key', 'title', 'schemaVersion', 'entity', 'label', 'layout'],
  properties: {
    kind: { const: 'form' },
    key: identifier,
    title: { type: 'string', minLength: 1, maxLength: FORM_LIMITS.labelLength },
    version: { type: 'integer', minimum: 1 },
    schemaVersion: {
      const: FORM_SCHEMA_VERSION,
      description:
        'The format version; older documents are migrated up by migrateFormDocument before validation.',
    },
    entity: identifier,
    label,
    default: { type: 'boolean' },
    layout: nodeList(1),
    validations: {
      type: 'array',
      maxItems: FORM_LIMITS.validations,
      items: { $ref: '#/definitions/validation' },
    },
  },
  definitions,
} as const;
