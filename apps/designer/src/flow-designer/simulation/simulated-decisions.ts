/**
 * The decisions a simulated case's decision steps call. The server evaluates the published version
 * in process (the latest, or the one the step pins) and fails the case when there is none; here the
 * same published artifact is compiled and evaluated in the browser, the server's way (top decision,
 * JSON inputs, named outputs, the matched rules as trace). A decision that is not published (or
 * cannot be read) is answered with outputs the analyst enters by hand, marked as such.
 */
import type { DecisionAnswer, DecisionNode, FlowDefinition, JsonValue } from '@bankforge/flow-engine';
import { compileDecisionModel, decisionInputReader, decisionOutputs, topDecisionName, type DecisionArtifact } from '@bankforge/rule-engine';

/** Answers one decision step's call. */
export type Decider = (inputs: Record<string, JsonValue>) => DecisionAnswer;

/** Where a decision step's answer comes from in the simulation. */
export type DecisionSource =
  | { kind: 'published'; version: number; decide: Decider }
  /** Not published, or not readable: the step's outputs are entered by hand. */
  | { kind: 'byHand'; reason: 'notPublished' | 'unreadable' };

/** The trace of an answer entered by hand (the timeline says so). */
export const BY_HAND_TRACE = { enteredByHand: true } as const;

/** What the engine calls the decision a step asks for: `key@version`, or `key@latest`. */
export function decisionRef(key: string, version?: number): string {
  return `${key}@${version ?? 'latest'}`;
}

/** The decision steps of a flow, one per decision they call (several steps may call one decision). */
export function decisionSteps(flow: FlowDefinition): DecisionNode[] {
  const seen = new Set<string>();
  return flow.nodes.filter((n): n is DecisionNode => {
    if (n.type !== 'decision') return false;
    const ref = decisionRef(n.decisionKey, n.decisionVersion);
    if (seen.has(ref)) return false;
    seen.add(ref);
    return true;
  });
}

/** A published decision, compiled once, evaluated as the server's flows evaluate it. */
export function publishedDecider(artifact: DecisionArtifact, version: number): Decider {
  const model = compileDecisionModel(artifact);
  const top = topDecisionName(artifact);
  const read = decisionInputReader(artifact);
  return (inputs) => {
    const result = model.evaluateJson(top, read(inputs), { trace: true });
    // Which rules each table matched, as the server keeps it in the case's history.
    const trace = (result.trace?.tables ?? []).map((t) => ({ table: t.element, hitPolicy: t.hitPolicy, matchedRules: t.matchedRules, ...(t.defaulted ? { defaulted: true } : {}) }));
    return { outputs: decisionOutputs(result.value) as Record<string, JsonValue>, version, trace };
  };
}

/** The answer the analyst entered for a step (output path → value), as the decision's result. */
export function byHandDecider(outputs: Readonly<Record<string, JsonValue>>): Decider {
  return () => {
    const result: Record<string, JsonValue> = {};
    for (const [path, value] of Object.entries(outputs)) setPath(result, path, value);
    return { outputs: result, trace: BY_HAND_TRACE };
  };
}

/** `result.grade` = value, making the objects on the way. */
function setPath(target: Record<string, JsonValue>, path: string, value: JsonValue): void {
  const parts = path.split('.');
  let at = target;
  for (const part of parts.slice(0, -1)) {
    const next = at[part];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) at[part] = {};
    at = at[part] as Record<string, JsonValue>;
  }
  at[parts[parts.length - 1]!] = value;
}
