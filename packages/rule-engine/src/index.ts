// @bankforge/rule-engine: FEEL compiled to closures, DMN decisions, and a DMN TCK runner.
//
// This is the package's whole public face: what the form, flow and report engines, the designer,
// the server and integrators use. The FEEL arithmetic, comparisons, types and built-in library
// behind it stay internal (their modules under src/feel/ and src/dmn/). Add a name here only when
// another workspace or an integrator needs it, then run `npm run api-report` and commit
// api-report.md with it (`npm test` fails while the two differ).

// FEEL: compile an expression or unary tests once, evaluate them many times.
export {
  compileExpression,
  compileUnaryTests,
  parseExpression,
  parseUnaryTests,
  FeelSyntaxError,
  type ParseResult,
  type FeelSyntaxNode,
} from './feel/compile.js';
export type {
  CompileOptions,
  CompiledExpression,
  CompiledUnaryTests,
  EvaluateOptions,
  EvaluationResult,
  FeelDiagnostic,
  FeelVariables,
} from './feel/api.js';
export { expressionRisks, type ExpressionRisk, type RiskOptions } from './feel/risks.js';

// FEEL values: what expressions read and answer, their conversions from and to JSON data, and the
// evaluation budget's errors.
export {
  FeelDecimal,
  FeelDate,
  FeelTime,
  FeelDateTime,
  DaysTimeDuration,
  YearsMonthsDuration,
  FeelContext,
  FeelRange,
  FeelFunction,
  EvaluationBudgetExceeded,
  StepBudgetExceeded,
  TimeBudgetExceeded,
  type FeelNumber,
  type FeelValue,
  type FeelWarning,
  type EvaluationDeadline,
} from './feel/values/feel-value.js';
export { toFeelValue, fromFeelValue, isFeelNumber } from './feel/values/json.js';
export {
  parseDate,
  parseDateTime,
  parseDuration,
  formatDate,
  instantSeconds,
} from './feel/values/temporal.js';

// DMN: the decision artifact, its compiled model and evaluation, the DMN XML importer.
export type {
  Aggregation,
  BoxedExpression,
  BusinessKnowledgeModel,
  ContextEntry,
  ContextExpression,
  Decision,
  DecisionArtifact,
  DecisionDrg,
  DecisionModel,
  DecisionService,
  DecisionTable,
  DecisionTableInput,
  DecisionTableOutput,
  DecisionTableRule,
  FunctionDefinitionExpression,
  HitPolicy,
  InputData,
  InvocationBinding,
  InvocationExpression,
  ItemDefinition,
  ListExpression,
  LiteralExpression,
  ModelImport,
  RelationExpression,
  Requirements,
  TypedName,
} from './dmn/model.js';
export { decisionArtifactSchema } from './dmn/model.js';
export {
  compileDecisionModel,
  UnknownDecisionError,
  type CompiledDecisionModel,
  type DecisionResult,
  type DmnDiagnostic,
  type JsonDecisionResult,
  type Inputs as DecisionInputs,
} from './dmn/evaluate.js';
export type {
  DmnWarning,
  DmnEvaluateOptions,
  EvaluationTrace,
  DecisionTrace,
  DecisionTableTrace,
} from './dmn/run.js';
export { importDmn, XmlError, type DmnImportResult } from './dmn/xml/import-dmn.js';
export { exportDmn, type DmnExportOptions } from './dmn/xml/export-dmn.js';
export { decisionKind } from './dmn/decision-kind.js';

// Decision test suites: the cases an artifact carries, run with what each matched and the rules none reach;
// and the artifact as hosts call it with JSON (top decision, inputs, outputs, trace).
export { runDecisionTests, type DecisionTestReport, type DecisionTestResult, type MatchedRules } from './test-suite/run-tests.js';
export type { DecisionTestCase } from './test-suite/test-case.js';
export type { DecisionTestCoverage, RuleRef, TableCoverage } from './test-suite/coverage.js';
export { sameJson, type OutputDifference } from './test-suite/compare.js';
export { decisionTestProblems } from './test-suite/test-problems.js';
export { decisionInputReader, decisionOutputs, topDecisionName, type DecisionInputReader } from './test-suite/decision-io.js';
export { traceJson, type DecisionTableTraceJson, type DecisionValueTraceJson, type EvaluationTraceJson } from './test-suite/trace-json.js';

// Decision table analysis: gaps, overlaps and rules that never decide, for the decision designer.
export { analyzeDecisionTable } from './analysis/analyze.js';
export type {
  ColumnAnalysis,
  ColumnKind,
  DecisionTableAnalysis,
  DecisionTableAnalysisOptions,
  RuleOverlap,
  SkippedCell,
  TableGap,
  UnreachableRule,
} from './analysis/types.js';

// Artifact kinds: the contract each engine's kinds meet, so a host registers them and special-cases none.
export {
  unchangedDocument,
  type ArtifactCheckContext,
  type ArtifactElement,
  type ArtifactKindDefinition,
  type ArtifactProblem,
  type ArtifactUpgrade,
  type ElementLabel,
} from './artifact/artifact-kind.js';
