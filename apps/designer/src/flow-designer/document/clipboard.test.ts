// @vitest-environment node
import type { ApprovalNode, FlowDefinition } from '@bankforge/flow-engine';
import { describe, expect, it } from 'vitest';
import { copyNodes, pasteNodes, PASTE_OFFSET } from './clipboard.js';
import { addNode, addNodeAfter, connect, updateNode } from './flow-edits.js';
import { newFlowDocument } from './new-flow.js';

function twoApprovals(): FlowDefinition {
  let flow = addNodeAfter(newFlowDocument('f'), 'start', 'approval')!.flow;
  flow = addNodeAfter(flow, 'approval', 'approval')!.flow;
  flow = addNode(flow, 'end', { x: 800, y: 200 }).flow;
  flow = connect(flow, 'approval', 'end_2')!.flow;
  return updateNode(flow, 'approval', (n) => ({ ...(n as ApprovalNode), rejectEdge: 'approval_end_2' }));
}

describe('copy and paste', () => {
  it('pastes copies under new ids, moved, with the edges between them and their references', () => {
    const flow = twoApprovals();
    const clip = copyNodes(flow, ['approval', 'approval_2', 'end_2'])!;
    expect(clip.edges.map((e) => e.id).sort()).toEqual(['approval_approval_2', 'approval_end_2']);
    const pasted = pasteNodes(flow, clip);
    expect(pasted.ids).toEqual(['approval_3', 'approval_2_2', 'end_2_2']);
    const copy = pasted.flow.nodes.find((n) => n.id === 'approval_3') as ApprovalNode;
    const original = flow.nodes.find((n) => n.id === 'approval')!;
    expect(copy.position).toEqual({ x: original.position!.x + PASTE_OFFSET.x, y: original.position!.y + PASTE_OFFSET.y });
    const copiedEdges = pasted.flow.edges.slice(flow.edges.length);
    expect(copiedEdges.map((e) => `${e.source}->${e.target}`).sort()).toEqual(['approval_3->approval_2_2', 'approval_3->end_2_2']);
    expect(copiedEdges.map((e) => e.id)).toContain(copy.rejectEdge);
    // The original is untouched.
    expect(pasted.flow.nodes.slice(0, flow.nodes.length)).toEqual(flow.nodes);
  });

  it('drops references to edges that were not copied, and copies nothing from nothing', () => {
    const flow = twoApprovals();
    const pasted = pasteNodes(flow, copyNodes(flow, ['approval'])!);
    expect(pasted.flow.nodes.at(-1)).not.toHaveProperty('rejectEdge');
    expect(pasted.flow.edges).toHaveLength(flow.edges.length);
    expect(copyNodes(flow, ['nope'])).toBeNull();
  });
});
