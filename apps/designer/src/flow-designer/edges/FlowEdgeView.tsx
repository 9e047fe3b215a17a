import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type Edge, type EdgeProps } from '@xyflow/react';

export interface FlowEdgeData extends Record<string, unknown> {
  /** The edge's own name, if any. */
  name: string;
  /** The condition, "default" or the loop bound: what decides whether the edge is taken. */
  rule: string;
  problemCount: number;
}

export type FlowCanvasEdge = Edge<FlowEdgeData, 'flow'>;

/** An edge with its name and condition written along it, and a marker when it has problems. */
export function FlowEdgeView(props: EdgeProps<FlowCanvasEdge>) {
  const [path, labelX, labelY] = getSmoothStepPath(props);
  const data = props.data;
  const labelled = data !== undefined && (data.name !== '' || data.rule !== '' || data.problemCount > 0);
  return (
    <>
      <BaseEdge id={props.id} path={path} markerEnd={props.markerEnd} className={data?.problemCount ? 'flow-edge--problems' : undefined} />
      {labelled && (
        <EdgeLabelRenderer>
          <div
            className={`flow-edge-label nodrag nopan${props.selected ? ' flow-edge-label--selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            aria-hidden="true"
          >
            {data.name !== '' && <span className="flow-edge-label__name">{data.name}</span>}
            {data.rule !== '' && <code className="flow-edge-label__rule">{data.rule}</code>}
            {data.problemCount > 0 && <span className="flow-node__marker">⚠ {data.problemCount}</span>}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
