/**
 * What `analyzeDecisionTable` answers: problems located by rule and column index (0-based, as a
 * grid draws them), each with a stable `code` for the designer to translate. Regions are given as
 * one FEEL unary test per input column, the shape of a rule's `inputEntries`, so a gap can become
 * a new rule as it is.
 */
import type { HitPolicy, ItemDefinition } from '../dmn/model.js';

export interface DecisionTableAnalysisOptions {
  /** The model's item definitions: an input's typeRef naming one gives its kind and allowed values. */
  itemDefinitions?: readonly ItemDefinition[];
  /** Names with spaces in scope (input data, decisions), so that cells naming them parse. */
  names?: readonly string[];
  /** Most gaps listed (default 100); `truncated` says when there are more. */
  maxGaps?: number;
  /** Most overlaps listed (default 200); `truncated` says when there are more. */
  maxOverlaps?: number;
}

/** The kind of value an input column is analysed as. */
export type ColumnKind = 'number' | 'string' | 'boolean' | 'date' | 'dateTime';

export interface ColumnAnalysis {
  column: number;
  /** The input's label, or its expression. */
  label: string;
  /** null when no cell names a kind (only `-`), or the column is unknown. */
  kind: ColumnKind | null;
  /** The column's allowed values could not be read, or its type is not one the analysis reads: its cells were skipped. */
  unknown: boolean;
}

/** Input values no rule matches. */
export interface TableGap {
  code: 'gap';
  /** One unary test per input column (`-`: any value). */
  inputEntries: string[];
  /** The constrained columns by label: `credit_score: [600..650), amount: > 5000000`. */
  text: string;
}

/**
 * Two rules that match the same inputs: any overlap under UNIQUE (`overlap`), one whose outputs
 * differ under ANY (`conflictingOverlap`).
 */
export interface RuleOverlap {
  code: 'overlap' | 'conflictingOverlap';
  /** The two rules, ascending. */
  rules: [number, number];
  /** Where both match: one unary test per input column. */
  inputEntries: string[];
  text: string;
}

/**
 * A rule that never decides the result: under FIRST, earlier rules match whatever it matches;
 * under PRIORITY, rules of higher priority do (or of equal priority and earlier: those win ties).
 * `ruleNeverMatches` (any hit policy): no valid input passes all its cells.
 */
export interface UnreachableRule {
  code: 'shadowedRule' | 'ruleNeverMatches';
  rule: number;
  /** The rules that together take every input it matches: one when a single rule does. Empty for `ruleNeverMatches`. */
  coveredBy: number[];
}

/**
 * What the analysis could not read, so it made no claim from it: an input cell (the cell then
 * counts as matching anything when looking for gaps and nothing when looking for overlaps), a
 * column's allowed values (`rule` null; the whole column is then unknown), or an output cell whose
 * value is needed to compare rules under ANY or PRIORITY.
 */
export interface SkippedCell {
  /**
   * `syntaxError`: not FEEL unary tests (or a name with spaces the options did not give);
   * `unsupportedTest`: FEEL the analysis does not read (names, `?`, calls, string ranges);
   * `typeMismatch`: values of another kind than the column's; `unsupportedType`: a column type the
   * analysis does not read (times, durations, lists, contexts); `unknownAllowedValues`; and
   * `nonLiteralOutput`.
   */
  code:
    | 'syntaxError'
    | 'unsupportedTest'
    | 'typeMismatch'
    | 'unsupportedType'
    | 'unknownAllowedValues'
    | 'nonLiteralOutput';
  part: 'input' | 'output';
  /** null for a column's allowed values. */
  rule: number | null;
  /** The input (part `input`) or output (part `output`) column. */
  column: number;
  text: string;
}

export interface DecisionTableAnalysis {
  hitPolicy: HitPolicy;
  columns: ColumnAnalysis[];
  /** UNIQUE, ANY, PRIORITY and FIRST tables. */
  gaps: TableGap[];
  /** UNIQUE and ANY tables. */
  overlaps: RuleOverlap[];
  /** Shadowed rules of FIRST and PRIORITY tables; rules that never match in any table. */
  unreachable: UnreachableRule[];
  skipped: SkippedCell[];
  /** More gaps or overlaps exist than listed (the options' limits), or the search stopped at its work budget. */
  truncated: boolean;
}
