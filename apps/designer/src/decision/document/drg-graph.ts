/**
 * The model as a decision requirements graph: its elements (decisions, input data, business
 * knowledge models) and the requirements between them, information requirements (a decision reads
 * an input or another decision) and knowledge requirements (a decision or a knowledge model
 * invokes a knowledge model). What may require what follows DMN 1.5, 6.2.
 */
import type { DecisionArtifact } from '@bankforge/rule-engine';
import type { ElementKind, ElementRef } from './element-names.js';

export type RequirementKind = 'information' | 'knowledge';

export interface Requirement {
  /** `<from id>-><to id>`: stable while neither end is renamed. */
  id: string;
  /** The required element. */
  from: ElementRef;
  /** The requiring element (a decision or a knowledge model). */
  to: ElementRef;
  kind: RequirementKind;
}

/**
 * A decision service (DMN 1.5, 6.2.3): the decisions it answers with (drawn in its upper part) and
 * those it encapsulates (the lower part); inputs stay outside it.
 */
export interface DrgService {
  name: string;
  outputs: ElementRef[];
  encapsulated: ElementRef[];
}

export interface DrgGraph {
  elements: ElementRef[];
  requirements: Requirement[];
  services: DrgService[];
}

/** One id per element, unique across kinds (a decision and a knowledge model may not share a name, but a half-edited model may). */
export function elementId(ref: ElementRef): string {
  return `${ref.kind}:${ref.name}`;
}

/** The key a requirement names an element by: `name`, or `import.name` for an imported one. */
function keyOf(element: { name: string; import?: string }): string {
  return element.import === undefined ? element.name : `${element.import}.${element.name}`;
}

/** The model's elements, each under the key requirements name it by. */
export function drgElements(artifact: DecisionArtifact): ElementRef[] {
  return [
    ...artifact.decisions.map((d) => ({ kind: 'decision' as const, name: keyOf(d) })),
    ...(artifact.businessKnowledgeModels ?? []).map((b) => ({ kind: 'businessKnowledgeModel' as const, name: keyOf(b) })),
    ...(artifact.inputData ?? []).map((i) => ({ kind: 'inputData' as const, name: keyOf(i) })),
  ];
}

/** The graph to draw: requirements and service members naming no element of the model (a typo, an imported one) are left out. */
export function drgGraph(artifact: DecisionArtifact): DrgGraph {
  const elements = drgElements(artifact);
  const has = new Set(elements.map(elementId));
  const requirements: Requirement[] = [];
  const add = (from: ElementRef, to: ElementRef, kind: RequirementKind) => {
    if (has.has(elementId(from))) requirements.push({ id: `${elementId(from)}->${elementId(to)}`, from, to, kind });
  };
  for (const decision of artifact.decisions) {
    const to: ElementRef = { kind: 'decision', name: keyOf(decision) };
    for (const name of decision.requirements?.inputs ?? []) add({ kind: 'inputData', name }, to, 'information');
    for (const name of decision.requirements?.decisions ?? []) add({ kind: 'decision', name }, to, 'information');
    for (const name of decision.requirements?.knowledge ?? []) add({ kind: 'businessKnowledgeModel', name }, to, 'knowledge');
  }
  for (const bkm of artifact.businessKnowledgeModels ?? []) {
    const to: ElementRef = { kind: 'businessKnowledgeModel', name: keyOf(bkm) };
    for (const name of bkm.requirements?.knowledge ?? []) add({ kind: 'businessKnowledgeModel', name }, to, 'knowledge');
  }
  const decisions = (names: readonly string[] | undefined): ElementRef[] =>
    (names ?? []).map((name) => ({ kind: 'decision' as const, name })).filter((ref) => has.has(elementId(ref)));
  const services = (artifact.decisionServices ?? [])
    .filter((service) => service.import === undefined)
    .map((service) => ({ name: service.name, outputs: decisions(service.outputDecisions), encapsulated: decisions(service.encapsulatedDecisions) }))
    .filter((service) => service.outputs.length + service.encapsulated.length > 0);
  return { elements, requirements, services };
}

export type RequirementProblem =
  /** An element cannot require itself. */
  | 'self'
  /** Input data require nothing: they are given. */
  | 'toInputData'
  /** A knowledge model requires only other knowledge models (its inputs are its parameters). */
  | 'knowledgeOnly'
  /** The requirement is there already. */
  | 'exists'
  /** It would close a loop: the required element already needs the requiring one. */
  | 'cycle'
  /** One of the two is not in the model (or is imported, and so not ours to change). */
  | 'unknown';

/** The kind of requirement `to` on `from` would be, or why there can be none. */
export function requirementFor(artifact: DecisionArtifact, from: ElementRef, to: ElementRef): { kind: RequirementKind } | { problem: RequirementProblem } {
  const graph = drgGraph(artifact);
  const ids = new Set(graph.elements.map(elementId));
  if (!ids.has(elementId(from)) || !ids.has(elementId(to)) || isImported(artifact, to)) return { problem: 'unknown' };
  if (elementId(from) === elementId(to)) return { problem: 'self' };
  if (to.kind === 'inputData') return { problem: 'toInputData' };
  if (to.kind === 'businessKnowledgeModel' && from.kind !== 'businessKnowledgeModel') return { problem: 'knowledgeOnly' };
  if (graph.requirements.some((r) => elementId(r.from) === elementId(from) && elementId(r.to) === elementId(to))) return { problem: 'exists' };
  if (requires(graph, from, to)) return { problem: 'cycle' };
  return { kind: from.kind === 'businessKnowledgeModel' ? 'knowledge' : 'information' };
}

/** Whether `element` needs `needed`, directly or through others. */
export function requires(graph: DrgGraph, element: ElementRef, needed: ElementRef): boolean {
  const target = elementId(needed);
  const seen = new Set<string>();
  const stack = [elementId(element)];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const r of graph.requirements) {
      if (elementId(r.to) !== id) continue;
      const from = elementId(r.from);
      if (from === target) return true;
      stack.push(from);
    }
  }
  return false;
}

/** The elements `to` could require now, in the model's order (the keyboard's connect dialog offers them). */
export function possibleRequirements(artifact: DecisionArtifact, to: ElementRef): ElementRef[] {
  return drgGraph(artifact).elements.filter((from) => 'kind' in requirementFor(artifact, from, to));
}

function isImported(artifact: DecisionArtifact, ref: ElementRef): boolean {
  const list: readonly { name: string; import?: string }[] =
    ref.kind === 'decision' ? artifact.decisions : ref.kind === 'businessKnowledgeModel' ? (artifact.businessKnowledgeModels ?? []) : (artifact.inputData ?? []);
  return list.some((e) => e.import !== undefined && keyOf(e) === ref.name);
}

/** The element a kind and name refer to, by its key. */
export function hasElement(artifact: DecisionArtifact, ref: ElementRef): boolean {
  return drgElements(artifact).some((e) => elementId(e) === elementId(ref));
}

export type { ElementKind, ElementRef };
