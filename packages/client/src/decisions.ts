/**
 * The decisions API's requests and answers: evaluating a published decision, its evaluation log,
 * and backtesting a draft against it. One definition for the server and the apps.
 */

import type { DecisionArtifact, EvaluationTraceJson } from '@bankforge/rule-engine';

/** `POST /api/decisions/{key}/evaluate`: input data values by name, as JSON (a number also as decimal text). */
export interface DecisionEvaluateRequest {
  inputs: Record<string, unknown>;
}

/** The query of `POST /api/decisions/{key}/evaluate`. */
export interface DecisionEvaluateOptions {
  /** A published version; the latest when absent. */
  version?: number;
  /** Add per table its input values and matched rules, per decision its value. */
  trace?: boolean;
}

/** The answer of `POST /api/decisions/{key}/evaluate`. */
export interface DecisionEvaluateAnswer {
  key: string;
  version: number;
  outputs: Record<string, unknown>;
  /** With `trace`: per table its input values and matched rules, per decision its value. */
  trace?: EvaluationTraceJson;
}

/** `GET /api/decisions/{key}/evaluations` query: a keyset page, newest first. */
export interface DecisionEvaluationQuery {
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

/** One evaluation as the log keeps it (sensitive inputs as `***`). */
export interface LoggedDecisionEvaluation {
  id: string;
  key: string;
  version: number;
  /** ISO instant. */
  at: string;
  /** The user's or API key's name. */
  caller: string;
  source: 'api' | 'flow' | 'automation';
  caseId: string | null;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  durationMs: number;
}

/** `GET /api/decisions/{key}/evaluations`. */
export interface DecisionEvaluationPage {
  items: LoggedDecisionEvaluation[];
  nextCursor: string | null;
}

/** `POST /api/decisions/{key}/backtest`. */
export interface DecisionBacktestRequest {
  /** A draft decision artifact of this key to try; the saved draft when absent. */
  document?: DecisionArtifact;
  /** How many of the latest evaluations to replay (default 1000). */
  limit?: number;
}

/** A logged evaluation the draft answers differently. */
export interface DecisionBacktestChange {
  evaluationId: string;
  at: string;
  inputs: Record<string, unknown>;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/** The answer of `POST /api/decisions/{key}/backtest`. */
export interface DecisionBacktestResult {
  key: string;
  /** The published version whose evaluations were replayed. */
  version: number;
  /** Replayed: changed + unchanged + failed. */
  evaluated: number;
  changed: number;
  unchanged: number;
  /** The draft could not evaluate them: an input no longer of its type, the evaluation budget. */
  failed: number;
  /** Not replayed: a sensitive input was logged masked. */
  skipped: number;
  /** The first changed evaluations (at most 200), newest first. */
  changes: DecisionBacktestChange[];
}
