import type { FlowDefinition, FlowEdge, FlowNode } from '@bankforge/flow-engine';
import { localized, type DesignerLanguage } from '../../form-designer/workspace/localized.js';
import { NODE_TYPE_NAMES } from './node-types.js';

export type { DesignerLanguage };

/** A node's name in the reader's language (the other language, then its id, standing in). */
export function nodeName(node: FlowNode, language: DesignerLanguage): string {
  return localized(node.name, language) || node.id;
}

/** A node type's name in the reader's language. */
export function typeName(node: Pick<FlowNode, 'type'>, language: DesignerLanguage): string {
  return NODE_TYPE_NAMES[node.type][language];
}

/** The name of the node with `id`, or the id itself when no node has it. */
export function nodeNameById(flow: FlowDefinition, id: string, language: DesignerLanguage): string {
  const node = flow.nodes.find((n) => n.id === id);
  return node === undefined ? id : nodeName(node, language);
}

/** An edge's own name when it has one, in the reader's language. */
export function edgeName(edge: FlowEdge, language: DesignerLanguage): string {
  return localized(edge.name, language);
}
