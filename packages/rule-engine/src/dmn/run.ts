/** Per-evaluation state of a decision model: warnings, the optional trace, FEEL options. */
import type { FeelValue, FeelWarning } from '../feel/values/feel-value.js';
import type { EvaluateOptions } from './feel-bridge.js';

/** A warning of a DMN evaluation: the FEEL or DMN problem and where it happened. */
export interface DmnWarning extends FeelWarning {
  /** The decision (or BKM, decision service) being evaluated. */
  element?: string;
}

/** What one decision table did: the input values, which rules matched, the result. */
export interface DecisionTableTrace {
  element: string;
  hitPolicy: string;
  /** Values of the input expressions, in column order. */
  inputs: FeelValue[];
  /** Indexes (0-based) of the rules that matched, in rule order. */
  matchedRules: number[];
  /** Ids of those rules, when the model gives ids. */
  matchedRuleIds: (string | null)[];
  /** Output of each matched rule (a context when the table has several outputs). */
  ruleOutputs: FeelValue[];
  /** The table's result after the hit policy. */
  result: FeelValue;
  /** True when no rule matched and default output entries gave the result. */
  defaulted: boolean;
}

export interface DecisionTrace {
  element: string;
  kind: 'decision' | 'inputData' | 'override' | 'decisionService';
  value: FeelValue;
}

export interface EvaluationTrace {
  /** Decisions (and input data read) in the order their evaluation completed. */
  decisions: DecisionTrace[];
  tables: DecisionTableTrace[];
}

export interface DmnEvaluateOptions extends EvaluateOptions {
  /** Record a trace (decisions, decision tables' matched rules). Default false. */
  trace?: boolean;
}

const NO_OPTIONS: EvaluateOptions = Object.freeze({});

export class Run {
  readonly warnings: DmnWarning[];
  readonly trace: EvaluationTrace | null;
  /** Name of the element being evaluated, for warnings. */
  element = '';
  readonly feelOptions: EvaluateOptions;

  /** With a parent, the run reports into the parent's warnings and trace (a nested evaluation). */
  constructor(options: DmnEvaluateOptions | undefined, parent?: Run) {
    if (parent) {
      this.warnings = parent.warnings;
      this.trace = parent.trace;
      this.feelOptions = parent.feelOptions;
      return;
    }
    this.warnings = [];
    this.trace = options?.trace ? { decisions: [], tables: [] } : null;
    if (options?.stepBudget === undefined && options?.now === undefined && options?.types === undefined && options?.deadline === undefined) {
      this.feelOptions = NO_OPTIONS;
      return;
    }
    const feelOptions: EvaluateOptions = {};
    if (options.stepBudget !== undefined) feelOptions.stepBudget = options.stepBudget;
    if (options.now !== undefined) feelOptions.now = options.now;
    if (options.types !== undefined) feelOptions.types = options.types;
    if (options.deadline !== undefined) feelOptions.deadline = options.deadline;
    this.feelOptions = feelOptions;
  }

  warn(code: string, message: string): null {
    this.warnings.push(this.element ? { code, message, element: this.element } : { code, message });
    return null;
  }

  addFeelWarnings(warnings: readonly FeelWarning[]): void {
    for (const w of warnings) this.warnings.push(this.element ? { ...w, element: this.element } : w);
  }
}

/** Variables visible to an expression. */
export type Scope = ReadonlyMap<string, FeelValue>;

export function extendScope(scope: Scope, name: string, value: FeelValue): Map<string, FeelValue> {
  const next = new Map(scope);
  next.set(name, value);
  return next;
}
