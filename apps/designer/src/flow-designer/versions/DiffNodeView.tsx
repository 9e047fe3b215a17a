import type { FlowNode } from '@bankforge/flow-engine';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { END_TYPES } from '../document/node-types.js';
import type { DiffStatus } from './flow-diff.js';

export interface DiffNodeData extends Record<string, unknown> {
  node: FlowNode;
  name: string;
  typeName: string;
  status: DiffStatus;
  /** "Added", "Changed"...: written on the node, so the colour is never the only sign. */
  statusText: string;
  /** The changed properties, one short line each (the first few). */
  lines: string[];
}

export type DiffCanvasNode = Node<DiffNodeData, 'diff'>;

/** A step as the comparison draws it: its type and name, its status in words and colour, what changed in it. */
export function DiffNodeView({ data }: NodeProps<DiffCanvasNode>) {
  const { node, status } = data;
  return (
    <div className={`flow-node flow-node--${node.type} flow-diff-node flow-diff-node--${status}`} aria-hidden="true">
      {node.type !== 'start' && <Handle type="target" position={Position.Left} isConnectable={false} />}
      <span className="flow-node__type">
        {data.typeName}
        {status !== 'same' && <span className={`flow-diff-tag flow-diff-tag--${status}`}>{data.statusText}</span>}
      </span>
      <span className="flow-node__name">{data.name}</span>
      {data.lines.length > 0 && (
        <ul className="flow-diff-lines">
          {data.lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      {!END_TYPES.has(node.type) && <Handle type="source" position={Position.Right} isConnectable={false} />}
    </div>
  );
}
