/**
 * The `decision` artifact kind: its schema, and a check that compiles the model, so that a
 * decision that would answer null with a diagnostic at every evaluation is refused instead.
 */
import {
  unchangedDocument,
  type ArtifactKindDefinition,
  type ArtifactProblem,
} from '../artifact/artifact-kind.js';
import type { DmnDiagnostic } from './boxed-expressions.js';
import { decisionElements } from './decision-elements.js';
import { compileDecisionModel } from './evaluate.js';
import { decisionArtifactSchema, type DecisionArtifact } from './model.js';

/** The lists a diagnostic's element may be in, by where they sit in the document. */
const ELEMENT_LISTS = ['decisions', 'businessKnowledgeModels', 'decisionServices'] as const;

/** `logic.rules[2].inputEntries[0]` → `/logic/rules/2/inputEntries/0`. */
function pointerOfDottedPath(path: string): string {
  const tokens = path.split(/[.[\]]+/).filter((t) => t !== '');
  return tokens.map((t) => `/${t.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** Where a diagnostic points in the document: its element (by name, or `import.name`), then the place in it. */
function diagnosticPath(decision: DecisionArtifact, diagnostic: DmnDiagnostic): string {
  for (const list of ELEMENT_LISTS) {
    const index = (decision[list] ?? []).findIndex(
      (e) => (e.import === undefined ? e.name : `${e.import}.${e.name}`) === diagnostic.element,
    );
    if (index >= 0) return `/${list}/${index}${pointerOfDottedPath(diagnostic.path)}`;
  }
  return diagnostic.element === '(item definitions)' ? '/itemDefinitions' : '';
}

export const decisionKind: ArtifactKindDefinition<DecisionArtifact> = {
  kind: 'decision',
  schema: decisionArtifactSchema,
  upgrade: unchangedDocument,
  check(decision) {
    const problems: ArtifactProblem[] = compileDecisionModel(decision).diagnostics.map((diagnostic) => ({
      path: diagnosticPath(decision, diagnostic),
      code: 'doesNotCompile',
      message: `${diagnostic.element}: ${diagnostic.message}`,
    }));
    return Promise.resolve(problems);
  },
  elements: decisionElements,
};
