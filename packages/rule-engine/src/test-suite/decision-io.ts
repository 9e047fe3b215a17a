/**
 * A decision artifact as hosts call it with JSON: which decision answers (the top one), how JSON
 * inputs reach FEEL, and how the answer reads as named outputs. The server's API, its flows and
 * the test suites all go through here, so a decision answers the same wherever it is called.
 */
import { FeelDecimal } from '../feel/values/feel-value.js';
import { builtinTypeName } from '../dmn/item-definition.js';
import type { DecisionArtifact, DecisionModel } from '../dmn/model.js';

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;
/** Item definitions naming each other deeper than this are not followed (a cycle, or nonsense). */
const MAX_TYPE_DEPTH = 16;

/**
 * The decision a caller means when it names none: the one no other decision of the model
 * requires (imported decisions aside), else the last one.
 */
export function topDecisionName(model: DecisionModel): string {
  const own = model.decisions.filter((d) => d.import === undefined);
  const required = new Set(model.decisions.flatMap((d) => d.requirements?.decisions ?? []));
  const tops = own.filter((d) => !required.has(d.name));
  const top = tops.length === 1 ? tops[0] : (own.at(-1) ?? model.decisions.at(-1));
  if (!top) return '';
  return top.import === undefined ? top.name : `${top.import}.${top.name}`;
}

/** A decision's value (as JSON) as named outputs: a context's entries, anything else as `result`. */
export function decisionOutputs(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { result: value };
}

/** Reads a host's JSON inputs for a model (see `decisionInputReader`). */
export type DecisionInputReader = (inputs: Readonly<Record<string, unknown>>) => Readonly<Record<string, unknown>>;

/**
 * How JSON inputs reach the model: a number input given as decimal text (how money amounts and
 * decimals travel in JSON) is read as that exact number, never as a string compared as null.
 * Inputs needing no conversion are answered as given (the model's fast lane reads plain records).
 */
export function decisionInputReader(artifact: Pick<DecisionArtifact, 'inputData' | 'itemDefinitions'>): DecisionInputReader {
  const numeric = new Set((artifact.inputData ?? []).filter((i) => i.import === undefined && isNumberType(artifact, i.typeRef)).map((i) => i.name));
  if (numeric.size === 0) return (inputs) => inputs;
  return (inputs) => {
    let out: Record<string, unknown> | undefined;
    for (const name of numeric) {
      const value = inputs[name];
      if (typeof value !== 'string' || !DECIMAL_TEXT.test(value)) continue;
      out ??= { ...inputs };
      out[name] = new FeelDecimal(value);
    }
    return out ?? inputs;
  };
}

/** A typeRef that is `number` (or an alias), directly or through simple item definitions. */
function isNumberType(artifact: Pick<DecisionArtifact, 'itemDefinitions'>, typeRef: string | undefined): boolean {
  let ref = typeRef;
  for (let depth = 0; ref !== undefined && depth < MAX_TYPE_DEPTH; depth++) {
    const builtin = builtinTypeName(ref);
    if (builtin !== null) return builtin === 'number';
    const name = ref;
    const definition = artifact.itemDefinitions?.find((d) => d.name === name);
    if (!definition || definition.isCollection === true || (definition.itemComponents?.length ?? 0) > 0) return false;
    ref = definition.typeRef;
  }
  return false;
}
