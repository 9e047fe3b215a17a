/** The artifact's test cases added, replaced and removed; each answers a new artifact (the editor's history keeps each). */
import type { DecisionArtifact, DecisionTestCase } from '@bankforge/rule-engine';

function withTests(artifact: DecisionArtifact, tests: DecisionTestCase[]): DecisionArtifact {
  if (tests.length > 0) return { ...artifact, tests };
  // No cases left: the document reads as one that never had any (so it can match the published one).
  const { tests: _none, ...rest } = artifact;
  return rest;
}

export function addTestCase(artifact: DecisionArtifact, test: DecisionTestCase): DecisionArtifact {
  return withTests(artifact, [...(artifact.tests ?? []), test]);
}

export function replaceTestCase(
  artifact: DecisionArtifact,
  index: number,
  test: DecisionTestCase,
): DecisionArtifact {
  const tests = artifact.tests ?? [];
  if (index < 0 || index >= tests.length) return artifact;
  return withTests(
    artifact,
    tests.map((t, i) => (i === index ? test : t)),
  );
}

export function removeTestCase(artifact: DecisionArtifact, index: number): DecisionArtifact {
  const tests = artifact.tests ?? [];
  if (index < 0 || index >= tests.length) return artifact;
  return withTests(
    artifact,
    tests.filter((_, i) => i !== index),
  );
}

/** A name no case has yet: `Case 3`, from a localized pattern. */
export function freshCaseName(artifact: DecisionArtifact, pattern: (n: number) => string): string {
  const taken = new Set((artifact.tests ?? []).map((t) => t.name));
  let n = taken.size + 1;
  while (taken.has(pattern(n))) n++;
  return pattern(n);
}
