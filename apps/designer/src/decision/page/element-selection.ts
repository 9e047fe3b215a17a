/**
 * Which element of the model the page edits, kept in the address (`?decision=`, `?bkm=`,
 * `?inputData=` with its name) so that a link, the back button and a reload keep it.
 */
import type { DecisionArtifact } from '@bankforge/rule-engine';
import { defaultDecision } from '../document/decision-document.js';
import type { ElementKind, ElementRef } from '../document/element-names.js';

export interface SelectedElement extends ElementRef {
  /** Its index in its list (decisions, knowledge models or input data). */
  index: number;
}

const PARAMS: Record<ElementKind, string> = { decision: 'decision', businessKnowledgeModel: 'bkm', inputData: 'inputData' };

function find(artifact: DecisionArtifact, kind: ElementKind, name: string | null): SelectedElement | null {
  if (name === null) return null;
  const list: readonly { name: string }[] =
    kind === 'decision' ? artifact.decisions : kind === 'businessKnowledgeModel' ? (artifact.businessKnowledgeModels ?? []) : (artifact.inputData ?? []);
  const index = list.findIndex((e) => e.name === name);
  return index < 0 ? null : { kind, name, index };
}

/** The element the address names; else the decision shown first (a table's), else the first knowledge model or input data; null in an empty model. */
export function selectedElement(artifact: DecisionArtifact, search: URLSearchParams): SelectedElement | null {
  for (const kind of ['businessKnowledgeModel', 'inputData', 'decision'] as const) {
    const found = find(artifact, kind, search.get(PARAMS[kind]));
    if (found !== null) return found;
  }
  if (artifact.decisions.length > 0) {
    const index = defaultDecision(artifact);
    return { kind: 'decision', name: artifact.decisions[index]!.name, index };
  }
  const bkm = artifact.businessKnowledgeModels?.[0];
  if (bkm) return { kind: 'businessKnowledgeModel', name: bkm.name, index: 0 };
  const input = artifact.inputData?.[0];
  return input ? { kind: 'inputData', name: input.name, index: 0 } : null;
}

/** The address's parameters for an element (none: the default). */
export function selectionSearch(element: ElementRef | null): Record<string, string> {
  return element === null ? {} : { [PARAMS[element.kind]]: element.name };
}
