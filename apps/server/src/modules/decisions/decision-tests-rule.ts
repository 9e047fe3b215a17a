import { decisionTestProblems, runDecisionTests, type ArtifactProblem, type DecisionArtifact } from '@bankforge/rule-engine';
import { ProblemError } from '../../platform/problem/problem-error.js';
import type { ServerCheckContext } from '../artifacts/server-kind.js';

/**
 * The server's publish rule for decisions, after the engine's check (the model compiles and its
 * types hold): its test cases must pass. A failing case refuses the publish with 422
 * `decisionTestsFailed`, one error per failing case (`/tests/<index>`).
 */
export function decisionTestsOnPublish(document: unknown, context: ServerCheckContext): readonly ArtifactProblem[] {
  if (context.stage !== 'publish') return [];
  const report = runDecisionTests(document as DecisionArtifact);
  if (report.failed === 0) return [];
  const { key } = document as DecisionArtifact;
  throw ProblemError.invalid(`${report.failed} of the ${report.results.length} test cases of decision ${key} fail; it is not published.`, decisionTestProblems(report), 'decisionTestsFailed');
}
