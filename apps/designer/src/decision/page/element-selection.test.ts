// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { drgModel, tierModel } from '../testing/tables.js';
import { selectedElement, selectionSearch } from './element-selection.js';

const search = (element: Parameters<typeof selectionSearch>[0]) => new URLSearchParams(selectionSearch(element));

describe('the element the page edits', () => {
  it('is the one the address names, of any kind', () => {
    const model = drgModel();
    expect(selectedElement(model, search({ kind: 'businessKnowledgeModel', name: 'Level rank' }))).toEqual({ kind: 'businessKnowledgeModel', name: 'Level rank', index: 0 });
    expect(selectedElement(model, search({ kind: 'inputData', name: 'Segment' }))).toEqual({ kind: 'inputData', name: 'Segment', index: 2 });
    expect(selectedElement(model, search({ kind: 'decision', name: 'Message' }))).toEqual({ kind: 'decision', name: 'Message', index: 2 });
  });

  it('falls back to the first table’s decision when the address names nothing there is', () => {
    expect(selectedElement(drgModel(), new URLSearchParams('decision=Gone'))).toEqual({ kind: 'decision', name: 'Suitable', index: 1 });
    expect(selectedElement(tierModel(), new URLSearchParams())).toEqual({ kind: 'decision', name: 'Tier', index: 0 });
  });

  it('in a model without decisions, the first knowledge model or input data; nothing in an empty one', () => {
    const model = { ...drgModel(), decisions: [] };
    expect(selectedElement(model, new URLSearchParams())).toMatchObject({ kind: 'businessKnowledgeModel' });
    expect(selectedElement({ ...model, businessKnowledgeModels: [] }, new URLSearchParams())).toMatchObject({ kind: 'inputData', name: 'Product risk' });
    expect(selectedElement({ ...model, businessKnowledgeModels: [], inputData: [] }, new URLSearchParams())).toBeNull();
    expect(selectionSearch(null)).toEqual({});
  });
});
