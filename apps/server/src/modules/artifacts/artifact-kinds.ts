import { IDENTIFIER_PATTERN } from '@bankforge/data-model';
import type { AppDocument, ArtifactDocument, ArtifactKind } from '@bankforge/client';
import { ProblemError } from '../../platform/problem/problem-error.js';

/**
 * The kinds the server serves (routes, designer rights). What each kind's documents are is its
 * engine's to say: ArtifactKindRegistry registers one definition for each of these. The kind and
 * the document envelope are the client's types, the API's one definition of them.
 */
export const ARTIFACT_KINDS = ['entity', 'form', 'flow', 'decision', 'report', 'dashboard', 'automation', 'calendar', 'app'] as const satisfies readonly ArtifactKind[];
export type { ArtifactDocument, ArtifactKind };

/** An app as the client library describes it: the server and the designer read the same shape. */
export type AppArtifact = AppDocument;

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
