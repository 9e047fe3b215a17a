import type { RelationshipGraph } from '@bankforge/client';
import { Background, Controls, ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { NODE_HEIGHT, NODE_WIDTH, radialLayout } from './graph-layout.js';

export interface RelationshipGraphCanvasProps {
  graph: RelationshipGraph;
  /** The names the canvas writes: a party's title, the hidden party's words, a relation's kind. */
  nodeLabel(id: string): string;
  edgeLabel(edgeId: string): string;
  /** Opens a party the reader may see. */
  onOpen(id: string): void;
  label: string;
}

/**
 * The related parties drawn as a star around the record (React Flow, loaded with this chunk only
 * when a page has a graph). The same relations are listed beside it for keyboards and screen readers.
 */
export default function RelationshipGraphCanvas({ graph, nodeLabel, edgeLabel, onOpen, label }: RelationshipGraphCanvasProps) {
  const { nodes, edges } = useMemo(() => {
    const places = new Map(radialLayout(graph.nodes).map((p) => [p.id, p]));
    const nodes: Node[] = graph.nodes.map((n) => ({
      id: n.id,
      position: { x: (places.get(n.id)?.x ?? 0) - NODE_WIDTH / 2, y: (places.get(n.id)?.y ?? 0) - NODE_HEIGHT / 2 },
      data: { label: nodeLabel(n.id) },
      className: `r360-node${n.center ? ' r360-node-center' : ''}${n.visible ? '' : ' r360-node-hidden'}`,
      style: { width: NODE_WIDTH },
      draggable: false,
      connectable: false,
      selectable: n.visible && !n.center,
    }));
    const edges: Edge[] = graph.edges.map((e) => ({ id: e.id, source: e.from, target: e.to, label: edgeLabel(e.id), className: 'r360-edge' }));
    return { nodes, edges };
  }, [graph, nodeLabel, edgeLabel]);
  return (
    <div className="r360-canvas" role="figure" aria-label={label}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        fitView
        fitViewOptions={{ padding: 0.2 }}
        nodesConnectable={false}
        nodesDraggable={false}
        elementsSelectable
        proOptions={{ hideAttribution: true }}
        onNodeClick={(_, node) => {
          const party = graph.nodes.find((n) => n.id === node.id);
          if (party?.visible && !party.center) onOpen(party.id);
        }}
        minZoom={0.3}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
