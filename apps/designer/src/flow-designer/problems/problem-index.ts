import type { FlowProblem } from '@bankforge/flow-engine';

export interface ProblemIndex {
  all: readonly FlowProblem[];
  byNode: ReadonlyMap<string, FlowProblem[]>;
  byEdge: ReadonlyMap<string, FlowProblem[]>;
}

/** Problems by the element they are drawn on: an edge's problem on the edge (not also on its source). */
export function indexProblems(problems: readonly FlowProblem[]): ProblemIndex {
  const byNode = new Map<string, FlowProblem[]>();
  const byEdge = new Map<string, FlowProblem[]>();
  for (const p of problems) {
    const [map, id] = p.edgeId !== undefined ? [byEdge, p.edgeId] : [byNode, p.nodeId];
    if (id === undefined) continue;
    map.set(id, [...(map.get(id) ?? []), p]);
  }
  return { all: problems, byNode, byEdge };
}
