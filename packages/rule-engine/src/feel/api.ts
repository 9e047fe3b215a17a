/**
 * The public contract of the FEEL compiler (implemented under src/feel/). Other engines (form,
 * flow, report) and the DMN layer use only these.
 */
import type { EvaluationDeadline, FeelDateTime, FeelValue, FeelWarning } from './values/feel-value.js';
import type { RawShape } from './compiler/unary-tests.js';
import type { FeelType } from './values/types.js';

export type { RawShape, NumberInterval } from './compiler/unary-tests.js';

/** Where a parse error is, for an editor marker (1-based line and column). */
export interface FeelDiagnostic {
  message: string;
  line: number;
  column: number;
  offset: number;
  length: number;
}

export interface EvaluateOptions {
  /** Evaluation steps allowed before `StepBudgetExceeded` (default 1,000,000). */
  stepBudget?: number;
  /**
   * A time budget: the caller's clock (milliseconds) and the reading past which the evaluation
   * stops with `TimeBudgetExceeded`. The clock is read every 256 steps; the engine has none.
   */
  deadline?: EvaluationDeadline;
  /** The current date and time for `now()` and `today()`. */
  now?: FeelDateTime;
  /** Named types (a DMN model's item definitions) that `instance of` may name. */
  types?: ReadonlyMap<string, FeelType>;
}

export interface EvaluationResult {
  value: FeelValue;
  warnings: FeelWarning[];
}

/** Variables visible to an expression: a plain object or a map, keyed by FEEL name. */
export type FeelVariables = ReadonlyMap<string, FeelValue> | Readonly<Record<string, FeelValue>>;

export interface CompileOptions {
  /**
   * Names in scope that contain spaces or other characters (`Monthly Salary`, `Loan Amount`):
   * FEEL's grammar needs them to read such names as one.
   */
  names?: Iterable<string>;
}

export interface CompiledExpression {
  readonly source: string;
  /** The free variables the expression reads (first name of each path), for dependency graphs. */
  readonly reads: readonly string[];
  evaluate(variables: FeelVariables, options?: EvaluateOptions): EvaluationResult;
}

export interface CompiledUnaryTests {
  readonly source: string;
  readonly reads: readonly string[];
  /**
   * Exact fast paths for a host's raw JS number or string input (no decimal conversion), present
   * only where they decide exactly as `test` would and without warnings; null otherwise.
   */
  readonly testNumber: ((input: number) => boolean) | null;
  readonly testString: ((input: string) => boolean) | null;
  /** The raw tests as data (intervals of numbers or a set of strings), for indexed tables. */
  readonly rawShape: RawShape | null;
  /** True when the input passes; null (with a warning) when the test cannot be decided. */
  test(input: FeelValue, variables: FeelVariables, options?: EvaluateOptions): { value: boolean | null; warnings: FeelWarning[] };
}
