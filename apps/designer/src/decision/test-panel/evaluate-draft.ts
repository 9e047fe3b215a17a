/**
 * The draft evaluated in the browser, as the server would evaluate it once published: its top
 * decision, JSON inputs read the hosts' way, the answer as named outputs, with the trace.
 */
import {
  decisionInputReader,
  decisionOutputs,
  EvaluationBudgetExceeded,
  fromFeelValue,
  topDecisionName,
  traceJson,
  UnknownDecisionError,
  type CompiledDecisionModel,
  type DecisionArtifact,
  type DmnWarning,
  type EvaluationTraceJson,
  type MatchedRules,
} from '@bankforge/rule-engine';

export interface DraftEvaluation {
  decision: string;
  outputs: Record<string, unknown>;
  /** The rules each table matched, in evaluation order (what the grid highlights). */
  matchedRules: MatchedRules[];
  trace: EvaluationTraceJson;
  warnings: readonly DmnWarning[];
}

/** The evaluation, or why there is none (no decision, the evaluation budget ran out). */
export type DraftAnswer =
  { evaluation: DraftEvaluation; error?: undefined } | { evaluation?: undefined; error: string };

export function evaluateDraft(
  artifact: DecisionArtifact,
  compiled: CompiledDecisionModel,
  inputs: Readonly<Record<string, unknown>>,
): DraftAnswer {
  const decision = topDecisionName(artifact);
  try {
    const answer = compiled.evaluate(decision, decisionInputReader(artifact)(inputs), { trace: true });
    const trace = traceJson(answer.trace ?? { decisions: [], tables: [] });
    return {
      evaluation: {
        decision,
        outputs: decisionOutputs(fromFeelValue(answer.value)),
        matchedRules: trace.tables.map((t) => ({
          table: t.table,
          matchedRules: t.matchedRules,
          matchedRuleIds: t.matchedRuleIds,
        })),
        trace,
        warnings: answer.warnings,
      },
    };
  } catch (error) {
    if (error instanceof UnknownDecisionError || error instanceof EvaluationBudgetExceeded)
      return { error: error.message };
    throw error;
  }
}
