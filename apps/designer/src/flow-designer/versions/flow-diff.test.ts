// @vitest-environment node
import type { DocumentChange } from '@bankforge/client';
import type { FlowDefinition } from '@bankforge/flow-engine';
import { loanApprovalFlow } from '@bankforge/example-bank-crm';
import { describe, expect, it } from 'vitest';
import { flowDiffView } from './flow-diff.js';

const step = (id: string, en: string) => ({ type: 'step', id, label: { en } });

describe('flowDiffView', () => {
  it('draws the later version with what it removed put back, each step and connection marked from the server’s changes', () => {
    const before: FlowDefinition = structuredClone(loanApprovalFlow);
    const after: FlowDefinition = structuredClone(loanApprovalFlow);
    after.nodes = after.nodes.filter((n) => n.id !== 'committeeApproval');
    after.edges = after.edges.filter((e) => e.source !== 'committeeApproval' && e.target !== 'committeeApproval');
    after.nodes.push({ id: 'notify', type: 'notify', name: { en: 'Tell compliance', 'zh-CN': '通知合规' }, kind: 'cc', to: [], template: 'x' });
    const changes: DocumentChange[] = [
      { op: 'replace', path: '/nodes/6/mode', element: step('branchManagerApproval', 'Branch manager approval'), property: 'mode', from: 'single', value: 'all' },
      { op: 'add', path: '/nodes/9', element: step('notify', 'Tell compliance'), value: {} },
      { op: 'add', path: '/nodes/6/boundaryTimers/0', element: { type: 'timer', id: 't1' }, within: step('officerReview', 'Credit officer review'), value: {} },
      { op: 'remove', path: '/nodes/8', element: step('committeeApproval', 'Credit committee'), from: {} },
      { op: 'remove', path: '/edges/4', element: { type: 'connection', id: 'largeLoan' }, from: {} },
    ];
    const view = flowDiffView(before, after, changes);
    expect(view.flow.nodes.map((n) => n.id)).toEqual([...after.nodes.map((n) => n.id), 'committeeApproval']);
    expect(view.nodes.get('branchManagerApproval')).toEqual({ status: 'changed', changes: [changes[0]] });
    expect(view.nodes.get('notify')?.status).toBe('added');
    expect(view.nodes.get('committeeApproval')?.status).toBe('removed');
    // A boundary timer added to a step changes the step.
    expect(view.nodes.get('officerReview')).toEqual({ status: 'changed', changes: [changes[2]] });
    expect(view.nodes.get('start')?.status).toBe('same');
    // Every connection the later version lacks is drawn as removed, said by the changes or not.
    expect(view.edges.get('largeLoan')?.status).toBe('removed');
    expect(view.edges.get('committeeApproved')?.status).toBe('removed');
    expect(view.edges.get('toScoring')?.status).toBe('same');
  });
});
