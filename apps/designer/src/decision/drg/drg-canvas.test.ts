// @vitest-environment node
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { drgGraph } from '../document/drg-graph.js';
import { drgModel } from '../testing/tables.js';
import { canvasEdges, canvasNodes, fallbackPosition, nodeLabel, serviceNodes } from './drg-canvas.js';
import { softBreaks } from './DrgNodeView.js';

/** Message keys and their values, as a test reads them. */
const t = ((key: string, values?: Record<string, string>) => `${key}${values ? JSON.stringify(values) : ''}`) as unknown as TFunction;

describe('the diagram as React Flow draws it', () => {
  const graph = drgGraph(drgModel());

  it('a node per element, shaped and sized by kind, with its handles known before measuring; input data have no target handle', () => {
    const nodes = canvasNodes(graph, { t, positions: new Map([['decision:Suitable', { x: 5, y: 6 }]]), selected: { kind: 'decision', name: 'Message' }, selectedRequirement: null, helpId: 'help' });
    expect(nodes.map((n) => [n.id, n.width, n.handles?.map((h) => h.type).join('+')])).toEqual([
      ['decision:Levels above', 190, 'source+target'],
      ['decision:Suitable', 190, 'source+target'],
      ['decision:Message', 190, 'source+target'],
      ['businessKnowledgeModel:Level rank', 190, 'source+target'],
      ['inputData:Product risk', 180, 'source'],
      ['inputData:Risk tolerance', 180, 'source'],
      ['inputData:Segment', 180, 'source'],
    ]);
    expect(nodes[1]!.position).toEqual({ x: 5, y: 6 });
    expect(nodes[0]!.position).toEqual(fallbackPosition(graph, { kind: 'decision', name: 'Levels above' }));
    expect(nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['decision:Message']);
    expect(nodes[0]!.domAttributes).toEqual({ 'aria-describedby': 'help' });
  });

  it('names a node by kind and what it requires', () => {
    expect(nodeLabel({ kind: 'decision', name: 'Message' }, graph, t)).toBe('drg.nodeRequires{"label":"drg.node{\\"kind\\":\\"drg.kind.decision\\",\\"name\\":\\"Message\\"}","names":"Suitable"}');
  });

  it('an arrow per requirement: information closed and solid, knowledge open and dashed (by its class)', () => {
    const edges = canvasEdges(graph, { t, selectedRequirement: 'businessKnowledgeModel:Level rank->decision:Levels above' });
    const knowledge = edges.find((e) => e.data?.requirement.kind === 'knowledge')!;
    expect([knowledge.className, knowledge.selected, knowledge.source, knowledge.target]).toEqual(['drg-edge drg-edge--knowledge', true, 'businessKnowledgeModel:Level rank', 'decision:Levels above']);
    expect(edges.filter((e) => e.className === 'drg-edge drg-edge--information')).toHaveLength(5);
  });

  it('lets a camel-cased name wrap between its words', () => {
    expect(softBreaks('CustomerRiskTolerance')).toBe('Customer\u200BRisk\u200BTolerance');
    expect(softBreaks('AUM')).toBe('AUM');
  });

  it('draws a decision service as a box around its decisions, outputs above its line, encapsulated below, behind the elements', () => {
    const model = drgModel();
    model.decisionServices = [
      { name: 'Suitability check', outputDecisions: ['Suitable'], encapsulatedDecisions: ['Levels above', 'Gone'], inputData: ['Segment'] },
      { name: 'Imported', outputDecisions: ['Message'], import: 'other' },
      { name: 'Empty', outputDecisions: ['Nowhere'] },
    ];
    const withService = drgGraph(model);
    expect(withService.services).toEqual([
      { name: 'Suitability check', outputs: [{ kind: 'decision', name: 'Suitable' }], encapsulated: [{ kind: 'decision', name: 'Levels above' }] },
    ]);
    const positions = new Map([
      ['decision:Suitable', { x: 100, y: 50 }],
      ['decision:Levels above', { x: 100, y: 200 }],
    ]);
    const [box, ...rest] = serviceNodes(withService, { t, positions });
    expect(rest).toEqual([]);
    // 16 px around the decisions (190 by 60), 22 more above them for the name.
    expect([box!.id, box!.position, box!.width, box!.height]).toEqual(['decisionService:Suitability check', { x: 84, y: 12 }, 222, 264]);
    // The line runs halfway between the output's bottom (110) and the encapsulated decision's top (200).
    expect(box!.data.divider).toBe(155 - 12);
    expect([box!.zIndex, box!.selectable, box!.focusable, box!.connectable, box!.ariaRole]).toEqual([-1, false, false, false, 'group']);
    expect(box!.ariaLabel).toBe('drg.serviceEncapsulates{"label":"drg.service{\\"name\\":\\"Suitability check\\",\\"outputs\\":\\"Suitable\\"}","names":"Levels above"}');
    model.decisionServices = [{ name: 'Only outputs', outputDecisions: ['Message'] }];
    expect(serviceNodes(drgGraph(model), { t, positions }).map((n) => n.data.divider)).toEqual([undefined]);
  });
});
