/**
 * `runDecisionTests`: a decision artifact's test cases run against its own model, with what each
 * decided (and which rules it matched) and the rules no case reaches.
 */
import { fromFeelValue } from '../feel/values/json.js';
import { EvaluationBudgetExceeded } from '../feel/values/feel-value.js';
import { compileDecisionModel, UnknownDecisionError, type CompiledDecisionModel } from '../dmn/evaluate.js';
import type { DecisionArtifact } from '../dmn/model.js';
import { differingOutputs, type OutputDifference } from './compare.js';
import { CoverageCounter, type DecisionTestCoverage } from './coverage.js';
import { decisionInputReader, decisionOutputs, topDecisionName } from './decision-io.js';

/** What one table matched in a test case. */
export interface MatchedRules {
  table: string;
  matchedRules: number[];
  matchedRuleIds: (string | null)[];
}

export interface DecisionTestResult {
  /** The case's place in `tests`. */
  index: number;
  name: string;
  /** The decision evaluated (the top decision when the case names none). */
  decision: string;
  passed: boolean;
  expected: Record<string, unknown>;
  /** The decision's outputs (empty when it could not be evaluated). */
  actual: Record<string, unknown>;
  /** The expected outputs the actual ones do not match. */
  differences: OutputDifference[];
  /** The rules each table matched, in evaluation order. */
  matchedRules: MatchedRules[];
  /** Why the case could not be evaluated: the decision does not exist, the evaluation budget ran out. */
  error?: string;
}

export interface DecisionTestReport {
  passed: number;
  failed: number;
  results: DecisionTestResult[];
  coverage: DecisionTestCoverage;
}

/**
 * Runs every test case of the artifact (none: an empty report, every rule uncovered). The model
 * is compiled here unless the caller has it compiled already.
 */
export function runDecisionTests(artifact: DecisionArtifact, compiled: CompiledDecisionModel = compileDecisionModel(artifact)): DecisionTestReport {
  const top = topDecisionName(artifact);
  const read = decisionInputReader(artifact);
  const coverage = new CoverageCounter(artifact);
  const results = (artifact.tests ?? []).map((test, index): DecisionTestResult => {
    const decision = test.decision ?? top;
    const base = { index, name: test.name, decision, expected: test.expected };
    try {
      const answer = compiled.evaluate(decision, read(test.inputs), { trace: true });
      const tables = answer.trace?.tables ?? [];
      coverage.add(tables);
      const actual = decisionOutputs(fromFeelValue(answer.value));
      const differences = differingOutputs(test.expected, actual);
      const matchedRules = tables.map((t) => ({ table: t.element, matchedRules: t.matchedRules, matchedRuleIds: t.matchedRuleIds }));
      return { ...base, passed: differences.length === 0, actual, differences, matchedRules };
    } catch (error) {
      if (!(error instanceof UnknownDecisionError) && !(error instanceof EvaluationBudgetExceeded)) throw error;
      return { ...base, passed: false, actual: {}, differences: [], matchedRules: [], error: error.message };
    }
  });
  const passed = results.filter((r) => r.passed).length;
  return { passed, failed: results.length - passed, results, coverage: coverage.report() };
}
