/**
 * A flow problem in the reader's language. The engine's messages are English and name ids; the UI
 * says the same by the problem's stable `code`, naming the node or edge as the analyst named it,
 * and falls back to the engine's text for codes it has no sentence for.
 */
import type { FlowDefinition, FlowProblem } from '@bankforge/flow-engine';
import type { TFunction } from 'i18next';
import { nodeNameById, type DesignerLanguage } from '../document/names.js';

/** The value a JSON Pointer addresses in the document, or undefined. */
export function valueAt(document: unknown, pointer: string): unknown {
  let value: unknown = document;
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[token];
  }
  return value;
}

/** The name a problem is about: the map key under outputs/variables, else the value at its path. */
function subject(flow: FlowDefinition, path: string): string {
  const tokens = path.split('/');
  const parent = tokens.at(-2);
  const last = tokens.at(-1) ?? '';
  // Map keys: outputs and bound variables by variable, writes by milestone, then by field.
  if (parent === 'outputs' || parent === 'variables' || parent === 'writes' || tokens.at(-3) === 'writes') return last;
  const value = valueAt(flow, path);
  return typeof value === 'string' ? value : last;
}

/** What a problem is about, as the analyst named it: a node, an edge ("from A to B"), or the flow. */
export function problemWhere(problem: FlowProblem, flow: FlowDefinition, language: DesignerLanguage, t: TFunction): string {
  if (problem.edgeId !== undefined) {
    const edge = flow.edges.find((e) => e.id === problem.edgeId);
    if (edge !== undefined) return t('a11y.edge', { source: nodeNameById(flow, edge.source, language), target: nodeNameById(flow, edge.target, language) });
  }
  if (problem.nodeId !== undefined) return nodeNameById(flow, problem.nodeId, language);
  return t('problems.theFlow');
}

export function problemText(problem: FlowProblem, flow: FlowDefinition, language: DesignerLanguage, t: TFunction): string {
  const field = problem.path.split('/').at(-1) ?? '';
  return t(`problems.codes.${problem.code}`, {
    defaultValue: problem.message,
    where: problemWhere(problem, flow, language, t),
    field: t(`problems.fields.${field}`, { defaultValue: field }),
    name: subject(flow, problem.path),
    detail: problem.message,
  });
}
