import { formArtifactSchema, IDENTIFIER_PATTERN, MigrationError, migrateEntityDocument, migrateFormDocument, validateEntityDefinition } from '@bankforge/form-engine';
import { flowArtifactSchema } from '@bankforge/flow-engine';
import { reportArtifactSchema } from '@bankforge/report-engine';
import { decisionArtifactSchema } from '@bankforge/rule-engine';
import type { AppDocument } from '@bankforge/client';
import { Ajv } from 'ajv';
import { entityLimitProblems } from '../metadata/entity-limits.js';
import { reportFilterDepthProblems } from '../request-validation/filter-depth.js';
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

/** An app as the client library describes it: the server and the designer read the same shape. */
export type AppArtifact = AppDocument;

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
        label: {
          type: 'object',
          required: ['en', 'zh-CN'],
          additionalProperties: false,
          properties: { en: { type: 'string', minLength: 1, maxLength: 200 }, 'zh-CN': { type: 'string', minLength: 1, maxLength: 200 } },
        },
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
/** Each engine's own schema; entities are checked by the form engine's validateEntityDefinition after the envelope. */
const ENGINE_SCHEMAS: Record<Exclude<ArtifactKind, 'entity'>, object> = { app: appSchema, form: formArtifactSchema, decision: decisionArtifactSchema, flow: flowArtifactSchema, report: reportArtifactSchema };
const validators = new Map(ARTIFACT_KINDS.map((kind) => [kind, ajv.compile(kind === 'entity' ? envelopeSchema(kind) : ENGINE_SCHEMAS[kind])] as const));

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
 * Checks a document against its kind's schema: the entity and form schemas of the form engine, the
 * decision schema of the rule engine, the flow schema of the flow engine, the report schema of the
 * report engine, and the envelope and contents of apps. Forms are checked against their entities
 * when they are published (FormCatalog.checkPublishable).
 */
export function artifactProblems(kind: ArtifactKind, document: unknown): ProblemFieldError[] {
  const validate = validators.get(kind)!;
  if (!validate(document)) return problemErrorsOf(validate.errors ?? []);
  if (kind === 'entity') {
    const problems = validateEntityDefinition(document).map((e) => ({ path: e.path, code: e.code, message: e.message, messageZh: e.messageZh }));
    return problems.length > 0 ? problems : entityLimitProblems(document);
  }
  if (kind === 'app') return duplicateContents(document as AppArtifact);
  if (kind === 'report') return reportFilterDepthProblems(document);
  return [];
}

/** An app lists each artifact once: a page twice in the menu is a mistake, not a wish. */
function duplicateContents(app: AppArtifact): ProblemFieldError[] {
  const seen = new Set<string>();
  return app.artifacts.flatMap((ref, index) => {
    const id = `${ref.kind}:${ref.key}`;
    if (!seen.has(id)) {
      seen.add(id);
      return [];
    }
    return [{ path: `/artifacts/${index}`, code: 'duplicate', message: `${ref.kind} ${ref.key} is in the app already`, messageZh: `${ref.kind} ${ref.key} 已在应用中` }];
  });
}

/**
 * Brings a document written in an earlier format of its kind up to the current one (documents
 * without `schemaVersion` are version 1), so old exports and drafts still load. A document from a
 * newer BankForge is refused rather than misread.
 */
export function upgradeArtifact(kind: ArtifactKind, document: unknown): unknown {
  if (kind !== 'form' && kind !== 'entity') return document;
  // Anything that is not a document of this kind is left for the schema to describe.
  if (typeof document !== 'object' || document === null || (document as { kind?: unknown }).kind !== kind) return document;
  try {
    return (kind === 'form' ? migrateFormDocument(document) : migrateEntityDocument(document)).document;
  } catch (error) {
    if (!(error instanceof MigrationError)) throw error;
    throw ProblemError.invalid(`The ${kind} cannot be read: ${error.message}`, [{ path: '/schemaVersion', code: error.code, message: error.message, messageZh: error.messageZh }], 'invalidArtifact');
  }
}
