// @vitest-environment node
import type { ApprovalNode, FlowDefinition } from '@bankforge/flow-engine';
import { validateFlowDefinition } from '@bankforge/flow-engine';
import { describe, expect, it } from 'vitest';
import { addNode, addNodeAfter, alignNodes, applyPositions, connect, nudgeNodes, removeEdges, removeNodes, STEP_X, updateEdge, updateNode } from './flow-edits.js';
import { newFlowDocument } from './new-flow.js';

const ids = (flow: FlowDefinition) => flow.nodes.map((n) => n.id);
const links = (flow: FlowDefinition) => flow.edges.map((e) => `${e.source}->${e.target}`);

describe('flow edits', () => {
  it('starts a new flow with a start joined to an end, which checks clean', () => {
    const flow = newFlowDocument('onboarding');
    expect(links(flow)).toEqual(['start->end']);
    expect(validateFlowDefinition(flow)).toEqual([]);
  });

  it('puts a node added after a step in between it and what followed, and moves what follows right', () => {
    const flow = newFlowDocument('f');
    const added = addNodeAfter(flow, 'start', 'approval')!;
    expect(added.id).toBe('approval');
    expect(links(added.flow)).toEqual(['approval->end', 'start->approval']);
    expect(added.flow.nodes.find((n) => n.id === 'approval')?.position).toEqual({ x: STEP_X, y: 0 });
    expect(added.flow.nodes.find((n) => n.id === 'end')?.position).toEqual({ x: 400 + STEP_X, y: 0 });
    // The input is left as it was.
    expect(links(flow)).toEqual(['start->end']);
    const second = addNodeAfter(added.flow, 'start', 'approval')!;
    expect(second.id).toBe('approval_2');
  });

  it('hangs a node off a split on a new path, the first path of a branch being its default', () => {
    let flow = addNodeAfter(newFlowDocument('f'), 'start', 'branch')!.flow;
    flow = removeEdges(flow, [flow.edges.find((e) => e.source === 'branch')!.id]);
    const first = addNodeAfter(flow, 'branch', 'approval')!;
    expect(first.flow.edges.find((e) => e.source === 'branch')).toMatchObject({ target: 'approval', default: true });
    const second = addNodeAfter(first.flow, 'branch', 'end')!;
    expect(second.flow.edges.filter((e) => e.source === 'branch').map((e) => [e.target, e.default])).toEqual([
      ['approval', true],
      ['end_2', undefined],
    ]);
    // A second node lands below the first, not on top of it.
    const [a, b] = [second.flow.nodes.find((n) => n.id === 'approval')!, second.flow.nodes.find((n) => n.id === 'end_2')!];
    expect(a.position!.x).toBe(b.position!.x);
    expect(b.position!.y).toBeGreaterThan(a.position!.y);
  });

  it('puts a step hung off a branch below a wider step that stands where it would go, not over it', () => {
    // start → decision → branch → end, the end moved right as each was put in between.
    let flow = addNodeAfter(newFlowDocument('f'), 'start', 'decision')!.flow;
    flow = addNodeAfter(flow, 'decision', 'branch')!.flow;
    const approval = addNodeAfter(flow, 'branch', 'approval')!;
    const [placed, end] = [approval.flow.nodes.find((n) => n.id === 'approval')!.position!, approval.flow.nodes.find((n) => n.id === 'end')!.position!];
    // An approval is 180 wide: at the end's height it would reach over the end, which starts 160 to its right.
    expect(end.x - placed.x).toBeLessThan(180);
    expect(placed.y).toBeGreaterThan(end.y);
  });

  it('adds nothing after an end, and adds a node unconnected where it is dropped', () => {
    const flow = newFlowDocument('f');
    expect(addNodeAfter(flow, 'end', 'approval')).toBeNull();
    const dropped = addNode(flow, 'timer', { x: 100, y: 300 });
    expect(dropped.flow.nodes.at(-1)).toMatchObject({ id: 'timer', type: 'timer', duration: 'P1D', position: { x: 100, y: 300 } });
    expect(dropped.flow.edges).toEqual(flow.edges);
  });

  it('connects two nodes once, and removes nodes with their edges and the references to them', () => {
    let flow = addNodeAfter(newFlowDocument('f'), 'start', 'approval')!.flow;
    flow = addNode(flow, 'end', { x: 500, y: 200 }).flow;
    const linked = connect(flow, 'approval', 'end_2')!;
    expect(linked.id).toBe('approval_end_2');
    expect(connect(linked.flow, 'approval', 'end_2')).toBeNull();
    flow = updateNode(linked.flow, 'approval', (n) => ({ ...(n as ApprovalNode), rejectEdge: 'approval_end_2' }));
    const without = removeNodes(flow, ['end_2']);
    expect(ids(without)).toEqual(['start', 'end', 'approval']);
    expect(links(without)).toEqual(['approval->end', 'start->approval']);
    expect((without.nodes.find((n) => n.id === 'approval') as ApprovalNode).rejectEdge).toBeUndefined();
    expect(removeEdges(flow, ['approval_end_2']).nodes.find((n) => n.id === 'approval')).not.toHaveProperty('rejectEdge');
  });

  it('edits one edge or node, leaving the others', () => {
    const flow = updateEdge(newFlowDocument('f'), 'start_end', (e) => ({ ...e, name: { en: 'Go', 'zh-CN': '走' } }));
    expect(flow.edges[0]?.name).toEqual({ en: 'Go', 'zh-CN': '走' });
    expect(updateNode(flow, 'end', (n) => ({ ...n, name: { en: 'Done', 'zh-CN': '完成' } })).nodes[0]).toBe(flow.nodes[0]);
  });

  it('applies a layout, nudges and aligns', () => {
    const flow = applyPositions(newFlowDocument('f'), new Map([['end', { x: 300.4, y: 49.6 }]]));
    expect(flow.nodes.map((n) => n.position)).toEqual([{ x: 0, y: 0 }, { x: 300, y: 50 }]);
    expect(nudgeNodes(flow, new Set(['end']), 20, 0).nodes[1]?.position).toEqual({ x: 320, y: 50 });
    expect(alignNodes(flow, ['start', 'end'], 'row').nodes.map((n) => n.position)).toEqual([{ x: 0, y: 0 }, { x: 300, y: 0 }]);
    expect(alignNodes(flow, ['end', 'start'], 'column').nodes.map((n) => n.position)).toEqual([{ x: 300, y: 0 }, { x: 300, y: 50 }]);
  });
});
