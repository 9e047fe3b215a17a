/**
 * The native `decision` artifact: a DMN decision requirements graph (DRG) as JSON, what the
 * decision designer emits and what the DMN XML importer produces. FEEL stays as source text
 * (expressions and unary tests); `compileDecisionModel` compiles it once.
 */
import { decisionTestCaseSchema, type DecisionTestCase } from '../test-suite/test-case.js';

/** Hit policies by their DMN letter: Unique, Any, Priority, First, Rule order, Output order, Collect. */
export type HitPolicy = 'U' | 'A' | 'P' | 'F' | 'R' | 'O' | 'C';
/** Aggregation of a Collect table: C+ C< C> C#. */
export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT';

export const HIT_POLICIES: readonly HitPolicy[] = ['U', 'A', 'P', 'F', 'R', 'O', 'C'];
export const AGGREGATIONS: readonly Aggregation[] = ['SUM', 'MIN', 'MAX', 'COUNT'];

/** A named, optionally typed slot: a formal parameter, a relation column, a context entry variable. */
export interface TypedName {
  name: string;
  typeRef?: string;
}

export interface LiteralExpression {
  kind: 'literalExpression';
  /** FEEL expression text. Empty text evaluates to null. */
  text: string;
  typeRef?: string;
}

export interface DecisionTableInput {
  /** FEEL expression whose value is tested by the column's unary tests. */
  expression: string;
  label?: string;
  typeRef?: string;
  /** Unary tests every input value must pass (`"High", "Low"`, `[0..100]`). */
  inputValues?: string;
}

export interface DecisionTableOutput {
  /** Required when the table has more than one output: the key of the result context. */
  name?: string;
  label?: string;
  typeRef?: string;
  /** Unary tests listing allowed output values; for P and O their order is the priority. */
  outputValues?: string;
  /** FEEL expression used when no rule matches. */
  defaultOutputEntry?: string;
}

export interface DecisionTableRule {
  id?: string;
  /** One unary-tests text per input (`-` matches anything). */
  inputEntries: string[];
  /** One FEEL expression text per output. */
  outputEntries: string[];
  /** Annotation column values (free text), for the designer and the trace. */
  annotations?: string[];
}

export interface DecisionTable {
  kind: 'decisionTable';
  hitPolicy: HitPolicy;
  aggregation?: Aggregation;
  inputs: DecisionTableInput[];
  outputs: DecisionTableOutput[];
  rules: DecisionTableRule[];
  /** Names of the annotation columns. */
  annotations?: string[];
  outputLabel?: string;
  typeRef?: string;
}

export interface ContextEntry {
  /** Absent on the final result entry of a context. */
  name?: string;
  typeRef?: string;
  value: BoxedExpression;
}

export interface ContextExpression {
  kind: 'context';
  entries: ContextEntry[];
  typeRef?: string;
}

export interface RelationExpression {
  kind: 'relation';
  columns: TypedName[];
  /** Each row has one expression per column. */
  rows: BoxedExpression[][];
  typeRef?: string;
}

export interface ListExpression {
  kind: 'list';
  items: BoxedExpression[];
  typeRef?: string;
}

export interface InvocationBinding {
  /** The parameter name the value is bound to. */
  name: string;
  /** Absent: the parameter is null. */
  value?: BoxedExpression;
}

export interface InvocationExpression {
  kind: 'invocation';
  /** FEEL expression naming the function (a BKM or decision service name, usually). */
  function: string;
  bindings: InvocationBinding[];
  typeRef?: string;
}

export interface FunctionDefinitionExpression {
  kind: 'functionDefinition';
  parameters: TypedName[];
  body: BoxedExpression;
  typeRef?: string;
}

/** Boxed conditional (DMN 1.5, 10.2.1.8): `if` true gives `then`, anything else `else`. */
export interface ConditionalExpression {
  kind: 'conditional';
  if: BoxedExpression;
  then: BoxedExpression;
  else: BoxedExpression;
  typeRef?: string;
}

/** Boxed filter (10.2.1.9): the items of `in` for which `match` is true (`item` names each one). */
export interface FilterExpression {
  kind: 'filter';
  in: BoxedExpression;
  match: BoxedExpression;
  typeRef?: string;
}

/** Boxed iterator `for` (10.2.1.10): `return` for each item of `in`, bound to `iteratorVariable`. */
export interface ForExpression {
  kind: 'for';
  iteratorVariable: string;
  in: BoxedExpression;
  return: BoxedExpression;
  typeRef?: string;
}

/** Boxed iterators `some` and `every` (10.2.1.10): does `satisfies` hold for some / every item of `in`? */
export interface QuantifiedExpression {
  kind: 'some' | 'every';
  iteratorVariable: string;
  in: BoxedExpression;
  satisfies: BoxedExpression;
  typeRef?: string;
}

export type BoxedExpression =
  | LiteralExpression
  | DecisionTable
  | ContextExpression
  | RelationExpression
  | ListExpression
  | InvocationExpression
  | FunctionDefinitionExpression
  | ConditionalExpression
  | FilterExpression
  | ForExpression
  | QuantifiedExpression;

export interface ItemDefinition {
  name: string;
  /** A built-in FEEL type (`number`, `string`, `date and time`...) or another item definition. */
  typeRef?: string;
  /** Unary tests every (item) value must pass. */
  allowedValues?: string;
  isCollection?: boolean;
  /** A structured type: one component per context key. */
  itemComponents?: ItemDefinition[];
}

export interface InputData {
  name: string;
  typeRef?: string;
  /** The import the element comes from (its elements are seen as `<import>.<name>`). */
  import?: string;
  /** Personal or confidential data (a national ID, an account number): hosts keep its values out of logs. */
  sensitive?: boolean;
}

/** What a decision or a BKM reads: element keys (`name`, or `import.name` for imported ones). */
export interface Requirements {
  decisions?: string[];
  inputs?: string[];
  /** Business knowledge models and decision services invoked. */
  knowledge?: string[];
}

export interface Decision {
  name: string;
  typeRef?: string;
  question?: string;
  requirements?: Requirements;
  logic?: BoxedExpression;
  import?: string;
}

export interface BusinessKnowledgeModel {
  name: string;
  parameters: TypedName[];
  /** The function's result type. */
  typeRef?: string;
  body?: BoxedExpression;
  requirements?: Pick<Requirements, 'knowledge'>;
  import?: string;
}

export interface DecisionService {
  name: string;
  /** Decisions whose results are the service's output (a context when more than one). */
  outputDecisions: string[];
  encapsulatedDecisions?: string[];
  /** Decisions whose values are passed in as parameters. */
  inputDecisions?: string[];
  /** Input data passed in as parameters. */
  inputData?: string[];
  typeRef?: string;
  import?: string;
}

/** A model imported by namespace, named in the importing model's FEEL by `name`. */
export interface ModelImport {
  name: string;
  namespace: string;
}

export interface DecisionDrg {
  namespace?: string;
  itemDefinitions?: ItemDefinition[];
  inputData?: InputData[];
  decisions: Decision[];
  businessKnowledgeModels?: BusinessKnowledgeModel[];
  decisionServices?: DecisionService[];
  imports?: ModelImport[];
}

/** The `decision` artifact document. */
export interface DecisionArtifact extends DecisionDrg {
  kind: 'decision';
  key: string;
  title: string;
  version?: number;
  schemaVersion?: number;
  description?: string;
  /** What the decisions must answer for given inputs: run on publish (`runDecisionTests`). */
  tests?: DecisionTestCase[];
}

/** A model ready to compile: an artifact, or a bare DRG (as the XML importer gives). */
export type DecisionModel = DecisionDrg & Partial<Pick<DecisionArtifact, 'kind' | 'key' | 'title'>>;

// ---------------------------------------------------------------------------------------------
// JSON Schema (draft-07)

const text = { type: 'string', maxLength: 100_000 } as const;
const name = { type: 'string', minLength: 1, maxLength: 500 } as const;
const typeRef = { type: 'string', minLength: 1, maxLength: 500 } as const;
const names = { type: 'array', items: name } as const;
const ref = (definition: string) => ({ $ref: `#/definitions/${definition}` }) as const;

const typedName = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: { name, typeRef },
} as const;

const requirements = {
  type: 'object',
  additionalProperties: false,
  properties: { decisions: names, inputs: names, knowledge: names },
} as const;

/**
 * JSON Schema (draft-07) of the `decision` artifact: its structure. Whether FEEL texts compile
 * and names resolve is checked by `compileDecisionModel` (its `diagnostics`).
 */
export const decisionArtifactSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'BankForge decision artifact',
  type: 'object',
  additionalProperties: false,
  required: ['kind', 'key', 'title', 'decisions'],
  properties: {
    kind: { const: 'decision' },
    key: { type: 'string', pattern: '^[a-z][a-z0-9_-]{0,63}$' },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    version: { type: 'integer', minimum: 1 },
    schemaVersion: { type: 'integer', minimum: 1 },
    description: { type: 'string', maxLength: 2000 },
    namespace: { type: 'string', maxLength: 1000 },
    itemDefinitions: { type: 'array', items: ref('itemDefinition') },
    inputData: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: { name, typeRef, import: name, sensitive: { type: 'boolean' } },
      },
    },
    decisions: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: { name, typeRef, question: text, requirements, logic: ref('expression'), import: name },
      },
    },
    businessKnowledgeModels: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'parameters'],
        properties: {
          name,
          typeRef,
          parameters: { type: 'array', items: typedName },
          body: ref('expression'),
          requirements,
          import: name,
        },
      },
    },
    decisionServices: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'outputDecisions'],
        properties: {
          name,
          typeRef,
          outputDecisions: names,
          encapsulatedDecisions: names,
          inputDecisions: names,
          inputData: names,
          import: name,
        },
      },
    },
    imports: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'namespace'],
        properties: { name, namespace: { type: 'string', minLength: 1, maxLength: 1000 } },
      },
    },
    tests: { type: 'array', maxItems: 1000, items: decisionTestCaseSchema },
  },
  definitions: {
    itemDefinition: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name,
        typeRef,
        allowedValues: text,
        isCollection: { type: 'boolean' },
        itemComponents: { type: 'array', items: ref('itemDefinition') },
      },
    },
    expression: {
      type: 'object',
      required: ['kind'],
      properties: {
        kind: {
          enum: [
            'literalExpression',
            'decisionTable',
            'context',
            'relation',
            'list',
            'invocation',
            'functionDefinition',
            'conditional',
            'filter',
            'for',
            'some',
            'every',
          ],
        },
      },
      oneOf: [
        ref('literalExpression'),
        ref('decisionTable'),
        ref('context'),
        ref('relation'),
        ref('list'),
        ref('invocation'),
        ref('functionDefinition'),
        ref('conditional'),
        ref('filter'),
        ref('for'),
        ref('quantified'),
      ],
    },
    conditional: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'if', 'then', 'else'],
      properties: { kind: { const: 'conditional' }, typeRef, if: ref('expression'), then: ref('expression'), else: ref('expression') },
    },
    filter: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'in', 'match'],
      properties: { kind: { const: 'filter' }, typeRef, in: ref('expression'), match: ref('expression') },
    },
    for: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'iteratorVariable', 'in', 'return'],
      properties: { kind: { const: 'for' }, typeRef, iteratorVariable: name, in: ref('expression'), return: ref('expression') },
    },
    quantified: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'iteratorVariable', 'in', 'satisfies'],
      properties: { kind: { enum: ['some', 'every'] }, typeRef, iteratorVariable: name, in: ref('expression'), satisfies: ref('expression') },
    },
    literalExpression: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'text'],
      properties: { kind: { const: 'literalExpression' }, text, typeRef },
    },
    decisionTable: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'hitPolicy', 'inputs', 'outputs', 'rules'],
      properties: {
        kind: { const: 'decisionTable' },
        hitPolicy: { enum: [...HIT_POLICIES] },
        aggregation: { enum: [...AGGREGATIONS] },
        typeRef,
        outputLabel: text,
        annotations: { type: 'array', items: text },
        inputs: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['expression'],
            properties: { expression: text, label: text, typeRef, inputValues: text },
          },
        },
        outputs: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            properties: { name, label: text, typeRef, outputValues: text, defaultOutputEntry: text },
          },
        },
        rules: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['inputEntries', 'outputEntries'],
            properties: {
              id: { type: 'string', maxLength: 200 },
              inputEntries: { type: 'array', items: text },
              outputEntries: { type: 'array', items: text },
              annotations: { type: 'array', items: text },
            },
          },
        },
      },
    },
    context: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'entries'],
      properties: {
        kind: { const: 'context' },
        typeRef,
        entries: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['value'],
            properties: { name, typeRef, value: ref('expression') },
          },
        },
      },
    },
    relation: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'columns', 'rows'],
      properties: {
        kind: { const: 'relation' },
        typeRef,
        columns: { type: 'array', items: typedName },
        rows: { type: 'array', items: { type: 'array', items: ref('expression') } },
      },
    },
    list: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'items'],
      properties: { kind: { const: 'list' }, typeRef, items: { type: 'array', items: ref('expression') } },
    },
    invocation: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'function', 'bindings'],
      properties: {
        kind: { const: 'invocation' },
        typeRef,
        function: text,
        bindings: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['name'],
            properties: { name, value: ref('expression') },
          },
        },
      },
    },
    functionDefinition: {
      type: 'object',
      additionalProperties: false,
      required: ['kind', 'parameters', 'body'],
      properties: {
        kind: { const: 'functionDefinition' },
        typeRef,
        parameters: { type: 'array', items: typedName },
        body: ref('expression'),
      },
    },
  },
} as const;
