import { IDENTIFIER_PATTERN, validateEntityDefinition } from '@bankforge/form-engine';
import { flowArtifactSchema } from '@bankforge/flow-engine';
import { reportArtifactSchema } from '@bankforge/report-engine';
import { decisionArtifactSchema } from '@bankforge/rule-engine';
import { Ajv } from 'ajv';
import { problemErrorsOf } from '../request-validation/request-schema.js';
import { ProblemError, type ProblemFieldError } from '../problem/problem-error.js';

export const ARTIFACT_KINDS = ['entity', 'form', 'flow', 'decision', 'report', 'app'] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];

/** Every artifact is a JSON object with this envelope; engines add their own schema per kind. */
export interface ArtifactDocument {
  kind: ArtifactKind;
  key: string;
  title: string;
  version?: number;
  schemaVersion?: number;
  [property: string]: unknown;
}

export interface AppArtifact extends ArtifactDocument {
  kind: 'app';
  artifacts: { kind: Exclude<ArtifactKind, 'app'>; key: string }[];
}

function envelopeSchema(kind: ArtifactKind): object {
  return {
    type: 'object',
    required: ['kind', 'key', 'title'],
    properties: {
      kind: { const: kind },
      key: { type: 'string', pattern: IDENTIFIER_PATTERN },
      title: { type: 'string', minLength: 1, maxLength: 200 },
      version: { type: 'integer', minimum: 1 },
      schemaVersion: { type: 'integer', minimum: 1 },
    },
  };
}

const appSchema = {
  allOf: [
    envelopeSchema('app'),
    {
      type: 'object',
      required: ['artifacts'],
      properties: {
        artifacts: {
          type: 'array',
          maxItems: 1000,
          items: {
            type: 'object',
            required: ['kind', 'key'],
            additionalProperties: false,
            properties: {
              kind: { enum: ARTIFACT_KINDS.filter((k) => k !== 'app') },
              key: { type: 'string', pattern: IDENTIFIER_PATTERN },
            },
          },
        },
      },
    },
  ],
};

const ajv = new Ajv({ allErrors: true, strict: false });
/** Each engine's own schema where its engine exists; the envelope for kinds still to come. */
const ENGINE_SCHEMAS: Partial<Record<ArtifactKind, object>> = { app: appSchema, decision: decisionArtifactSchema, flow: flowArtifactSchema, report: reportArtifactSchema };
const validators = new Map(ARTIFACT_KINDS.map((kind) => [kind, ajv.compile(ENGINE_SCHEMAS[kind] ?? envelopeSchema(kind))] as const));

export function parseKind(kind: string): ArtifactKind {
  if ((ARTIFACT_KINDS as readonly string[]).includes(kind)) return kind as ArtifactKind;
  throw ProblemError.notFound('unknownArtifactKind', `Artifact kind must be one of ${ARTIFACT_KINDS.join(', ')}.`);
}

export function parseKey(key: string): string {
  if (new RegExp(IDENTIFIER_PATTERN).test(key)) return key;
  throw ProblemError.badRequest('invalidArtifactKey', 'An artifact key is lower snake case: a letter, then letters, digits or _ (48 at most).', [
    { path: 'key', code: 'pattern', message: `must match ${IDENTIFIER_PATTERN}` },
  ]);
}

/**
 * Checks a document against its kind's schema: the entity schema of the form engine, the decision
 * schema of the rule engine, the flow schema of the flow engine, the report schema of the report
 * engine, and the envelope (and app contents) for forms, whose engine has not published one yet.
 */
export function artifactProblems(kind: ArtifactKind, document: unknown): ProblemFieldError[] {
  const validate = validators.get(kind)!;
  if (!validate(document)) return problemErrorsOf(validate.errors ?? []);
  if (kind === 'entity') {
    return validateEntityDefinition(document).map((e) => ({ path: e.path, code: e.code, message: e.message, messageZh: e.messageZh }));
  }
  return [];
}
