// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { drgModel } from '../testing/tables.js';
import { drgGraph, possibleRequirements, requirementFor } from './drg-graph.js';

const decision = (name: string) => ({ kind: 'decision' as const, name });
const input = (name: string) => ({ kind: 'inputData' as const, name });
const bkm = (name: string) => ({ kind: 'businessKnowledgeModel' as const, name });

describe('the requirements graph', () => {
  it('has every element and requirement: information from input data and decisions, knowledge from knowledge models', () => {
    const graph = drgGraph(drgModel());
    expect(graph.elements.map((e) => `${e.kind}:${e.name}`)).toEqual([
      'decision:Levels above',
      'decision:Suitable',
      'decision:Message',
      'businessKnowledgeModel:Level rank',
      'inputData:Product risk',
      'inputData:Risk tolerance',
      'inputData:Segment',
    ]);
    expect(graph.requirements.map((r) => `${r.from.name} -${r.kind}-> ${r.to.name}`)).toEqual([
      'Product risk -information-> Levels above',
      'Risk tolerance -information-> Levels above',
      'Level rank -knowledge-> Levels above',
      'Segment -information-> Suitable',
      'Levels above -information-> Suitable',
      'Suitable -information-> Message',
    ]);
  });

  it('leaves out a requirement naming no element', () => {
    const model = drgModel();
    model.decisions[2]!.requirements = { decisions: ['Suitable', 'Gone'] };
    expect(drgGraph(model).requirements.filter((r) => r.to.name === 'Message')).toHaveLength(1);
  });

  it('says what may require what, as DMN does', () => {
    const model = drgModel();
    expect(requirementFor(model, input('Segment'), decision('Message'))).toEqual({ kind: 'information' });
    expect(requirementFor(model, bkm('Level rank'), decision('Message'))).toEqual({ kind: 'knowledge' });
    expect(requirementFor(model, decision('Message'), input('Segment'))).toEqual({ problem: 'toInputData' });
    expect(requirementFor(model, input('Segment'), bkm('Level rank'))).toEqual({ problem: 'knowledgeOnly' });
    expect(requirementFor(model, decision('Message'), decision('Message'))).toEqual({ problem: 'self' });
    expect(requirementFor(model, input('Segment'), decision('Suitable'))).toEqual({ problem: 'exists' });
    expect(requirementFor(model, decision('Message'), decision('Levels above'))).toEqual({ problem: 'cycle' });
    expect(requirementFor(model, input('Nobody'), decision('Message'))).toEqual({ problem: 'unknown' });
  });

  it('offers what a decision could still require', () => {
    expect(possibleRequirements(drgModel(), decision('Message')).map((e) => e.name)).toEqual(['Levels above', 'Level rank', 'Product risk', 'Risk tolerance', 'Segment']);
  });
});
