import {
  compileDecisionModel,
  decisionInputReader,
  decisionOutputs,
  topDecisionName,
  type CompiledDecisionModel,
  type DecisionArtifact,
  type DecisionInputReader,
  type DmnWarning,
  type EvaluationTrace,
} from '@bankforge/rule-engine';

/** What a sensitive input's value is stored as. */
export const MASKED = '***';

/** One evaluation of a decision's top decision: its named outputs, and what it did. */
export interface DecisionEvaluation {
  outputs: Record<string, unknown>;
  warnings: readonly DmnWarning[];
  trace?: EvaluationTrace;
  /** How long the engine took, in microseconds. */
  micros: number;
}

/** A published version, compiled. */
export type PublishedDecision = CompiledDecision<number>;

/**
 * A decision artifact compiled once, as the server calls it: its top decision with JSON inputs
 * (the rule engine's conventions), the names of its input data and which of them are sensitive.
 */
export class CompiledDecision<Version extends number | null = number | null> {
  readonly model: CompiledDecisionModel;
  readonly top: string;
  readonly inputNames: ReadonlySet<string>;
  readonly sensitiveInputs: ReadonlySet<string>;
  private readonly read: DecisionInputReader;

  constructor(
    readonly key: string,
    /** The published version; null for a draft. */
    readonly version: Version,
    readonly artifact: DecisionArtifact,
  ) {
    this.model = compileDecisionModel(artifact);
    this.top = topDecisionName(artifact);
    // An imported model's input data is given as `import.name`, as the engine keys it.
    const keyOf = (i: { name: string; import?: string }): string => (i.import === undefined ? i.name : `${i.import}.${i.name}`);
    const inputData = artifact.inputData ?? [];
    this.inputNames = new Set(inputData.map(keyOf));
    this.sensitiveInputs = new Set(inputData.filter((i) => i.sensitive === true).map(keyOf));
    this.read = decisionInputReader(artifact);
  }

  /** Evaluates the top decision; may throw the engine's EvaluationBudgetExceeded. */
  evaluate(inputs: Readonly<Record<string, unknown>>, trace = false): DecisionEvaluation {
    const started = performance.now();
    const result = this.model.evaluateJson(this.top, this.read(inputs), trace ? { trace: true } : undefined);
    const micros = Math.round((performance.now() - started) * 1000);
    const evaluation: DecisionEvaluation = { outputs: decisionOutputs(result.value), warnings: result.warnings, micros };
    if (result.trace) evaluation.trace = result.trace;
    return evaluation;
  }

  /** The inputs given that the model does not declare. */
  unknownInputs(inputs: Readonly<Record<string, unknown>>): string[] {
    return Object.keys(inputs).filter((name) => !this.inputNames.has(name));
  }

  /** Inputs whose value does not conform to their declared type (the engine read them as null and warned). */
  mistypedInputs(evaluation: DecisionEvaluation): DmnWarning[] {
    return evaluation.warnings.filter((w) => w.code === 'dmn.typeMismatch' && w.element !== undefined && this.inputNames.has(w.element));
  }

  /** The inputs as the log keeps them: a sensitive input's value as `***`. */
  masked(inputs: Readonly<Record<string, unknown>>): Readonly<Record<string, unknown>> {
    if (this.sensitiveInputs.size === 0) return inputs;
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(inputs)) out[name] = value !== null && value !== undefined && this.sensitiveInputs.has(name) ? MASKED : value;
    return out;
  }

  /** Whether a logged evaluation had a sensitive value masked (it cannot be evaluated again). */
  hasMaskedInputs(logged: Readonly<Record<string, unknown>>): boolean {
    for (const name of this.sensitiveInputs) if (logged[name] === MASKED) return true;
    return false;
  }
}
