import { describe, expect, it } from 'vitest';
import type { FlowDefinition, FlowNode } from '../../definition/flow-definition.js';
import { everyNodeType, loanApproval } from '../../definition/sample-flows.js';
import { validateFlowDefinition } from '../../definition/validate-flow.js';
import { importBpmn } from '../import/import-bpmn.js';
import { BPMN_NS, BPMNDI_NS, DC_NS } from '../namespaces.js';
import { descendants, parseXmlDocument } from '../import/xml.js';
import { exportBpmn } from './export-bpmn.js';

/** Nodes and edges with keys in one order, so that equal definitions serialise equally. */
function canonical(def: FlowDefinition): unknown {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (typeof v !== 'object' || v === null) return v;
    return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])]));
  };
  return sort({ nodes: def.nodes, edges: def.edges });
}

function placed(def: FlowDefinition): FlowDefinition {
  def.nodes.forEach((n, i) => (n.position = { x: 100 + 150 * i, y: 80 + 40 * (i % 3) }));
  return def;
}

/** A flow with the BPMN activity behaviour: a looping script, multi-instance subflow with a boundary timer, an error end. */
function activities(): FlowDefinition {
  const node = (n: Record<string, unknown>): FlowNode => ({ name: { en: String(n.id), 'zh-CN': `节点 ${String(n.id)}` }, ...n }) as unknown as FlowNode;
  return {
    kind: 'flow',
    key: 'kyc-refresh',
    title: 'KYC refresh',
    schemaVersion: 1,
    variables: [{ name: 'count', type: 'number' }],
    nodes: [
      node({ id: 'start', type: 'start' }),
      node({ id: 'score', type: 'service', effect: 'script', config: { script: 'SCORE', scriptFormat: 'feel' }, loop: { condition: 'count < 3', maximum: 5, testBefore: true } }),
      node({ id: 'docs', type: 'subflow', flowKey: 'collect-docs', inputs: { count: 'count' }, outputs: {}, multiInstance: { cardinality: 'count', sequential: true, completionCondition: 'count > 1' }, boundaryTimers: [{ id: 'late', duration: 'P2D', interrupting: true, edge: 'late-flow', name: { en: 'late', 'zh-CN': 'late' }, position: { x: 5, y: 6 } }], completionQuantity: 2 }),
      node({ id: 'review', type: 'approval', assignees: [{ kind: 'role', role: 'kyc' }], mode: 'single', actions: ['approve', 'reject'], rejectEdge: 'rejected', boundaryTimers: [{ id: 'sla', duration: 'PT8H', interrupting: false, edge: 'sla-flow', position: { x: 40, y: 50 } }] }),
      node({ id: 'done', type: 'end' }),
      node({ id: 'breach', type: 'end', errorCode: 'SLA_BREACH' }),
    ],
    edges: [
      { id: 'e1', source: 'start', target: 'score' },
      { id: 'e2', source: 'score', target: 'docs', name: { en: 'scored', 'zh-CN': '已评分' } },
      { id: 'e3', source: 'docs', target: 'review' },
      { id: 'e4', source: 'review', target: 'done' },
      { id: 'rejected', source: 'review', target: 'breach' },
      { id: 'sla-flow', source: 'review', target: 'done' },
      { id: 'late-flow', source: 'docs', target: 'breach' },
    ],
  };
}

describe('exportBpmn', () => {
  it('writes BPMN 2.0 with a diagram a modeler can open', () => {
    const xml = exportBpmn(placed(loanApproval()));
    const root = parseXmlDocument(xml);
    expect(root.namespaceURI).toBe(BPMN_NS);
    expect(descendants(root, BPMN_NS, 'process')).toHaveLength(1);
    expect(descendants(root, BPMN_NS, 'userTask').map((x) => x.getAttribute('id'))).toEqual(['officerSmall', 'officerLarge', 'branchManager', 'committee']);
    expect(descendants(root, BPMN_NS, 'exclusiveGateway')[0]?.getAttribute('default')).toBe('e4');
    const shapes = descendants(root, BPMNDI_NS, 'BPMNShape');
    expect(shapes).toHaveLength(11);
    expect(descendants(root, BPMNDI_NS, 'BPMNEdge')).toHaveLength(12);
    const bounds = descendants(shapes[1] ?? root, DC_NS, 'Bounds')[0];
    expect([bounds?.getAttribute('x'), bounds?.getAttribute('width')]).toEqual(['250', '100']);
  });

  it('lays out nodes the designer has not placed, left to right', () => {
    const root = parseXmlDocument(exportBpmn(everyNodeType()));
    const xs = descendants(root, DC_NS, 'Bounds').map((b) => Number(b.getAttribute('x')));
    expect(new Set(xs).size).toBeGreaterThan(5);
  });

  for (const [name, make] of [['the loan approval flow', loanApproval], ['a flow with every node type', everyNodeType], ['a flow with loops, multi-instance, a boundary timer and an error end', activities]] as const) {
    it(`round trip of ${name}: export, import, the same definition`, () => {
      const def = placed(make());
      const r = importBpmn(exportBpmn(def), { variables: def.variables });
      expect(r.unsupported).toEqual([]);
      expect(r.errors).toEqual([]);
      expect(r.definitions).toHaveLength(1);
      expect(canonical(r.definitions[0] as FlowDefinition)).toEqual(canonical(def));
      expect(r.problems[def.key]).toEqual(validateFlowDefinition(def));
    });
  }
});
