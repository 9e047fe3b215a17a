import type { FlowNode } from '@bankforge/flow-engine';
import { updateNode } from '../document/flow-edits.js';
import { usePanel } from './panel-context.js';

/** Changes one property of a node: typing in the same property is one undo step. */
export function useNodeChange<N extends FlowNode>(node: N): (property: string, recipe: (node: N) => N) => void {
  const { change } = usePanel();
  return (property, recipe) => change((flow) => updateNode(flow, node.id, (n) => recipe(n as N)), `${node.id}:${property}`);
}

/** The JSON Pointer of a node's property, for the problems addressed to it. */
export function nodePath(flowNodes: readonly FlowNode[], node: FlowNode, ...tokens: (string | number)[]): string {
  return ['', 'nodes', flowNodes.indexOf(node), ...tokens].map((t) => String(t).replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}
