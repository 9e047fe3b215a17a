import type { FlowNode } from '@bankforge/flow-engine';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { END_TYPES } from '../document/node-types.js';
import { SOURCE_HANDLE, TARGET_HANDLE } from './handles.js';

export interface FlowNodeData extends Record<string, unknown> {
  node: FlowNode;
  name: string;
  typeName: string;
  problemCount: number;
}

export type FlowCanvasNode = Node<FlowNodeData, 'flow'>;

/**
 * A node on the canvas: its type, its name, a marker when it has problems, and the handles an edge
 * is drawn from (right) and to (left). What a screen reader says is the node's own label (set by
 * the canvas), so the text here is hidden from it.
 */
export function FlowNodeView({ data }: NodeProps<FlowCanvasNode>) {
  const { node } = data;
  return (
    <div className={`flow-node flow-node--${node.type}${data.problemCount > 0 ? ' flow-node--problems' : ''}`} aria-hidden="true">
      {node.type !== 'start' && <Handle id={TARGET_HANDLE} type="target" position={Position.Left} />}
      <span className="flow-node__type">{data.typeName}</span>
      <span className="flow-node__name">{data.name}</span>
      {data.problemCount > 0 && <span className="flow-node__marker">⚠ {data.problemCount}</span>}
      {!END_TYPES.has(node.type) && <Handle id={SOURCE_HANDLE} type="source" position={Position.Right} />}
    </div>
  );
}
