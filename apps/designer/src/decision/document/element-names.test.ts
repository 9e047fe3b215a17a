// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { tierModel } from '../testing/tables.js';
import { elementNameProblem, feelNameProblem, freshName, siblingNameProblem } from './element-names.js';

describe('FEEL names', () => {
  it('takes names of several words, in any script, with the symbols DMN allows', () => {
    for (const name of ['AUM', 'Levels above tolerance', 'Risk level index', '客户 分层', "Applicant's age", 'loan-to-income', 'x.y', '_private', 'Score?']) {
      expect(feelNameProblem(name), name).toBeNull();
    }
  });

  it('says why a name cannot be read as one', () => {
    expect(feelNameProblem('')).toBe('required');
    expect(feelNameProblem(' AUM')).toBe('spaces');
    expect(feelNameProblem('Credit  score')).toBe('spaces');
    expect(feelNameProblem('2nd score')).toBe('start');
    expect(feelNameProblem('a = b')).toBe('character');
    expect(feelNameProblem('score(x)')).toBe('character');
    expect(feelNameProblem('true')).toBe('keyword');
    expect(feelNameProblem('if risky')).toBe('keyword');
    expect(feelNameProblem('in')).toBe('keyword');
  });

  it('refuses a name another element of the model holds, but an element keeps its own', () => {
    const model = tierModel();
    expect(elementNameProblem(model, 'Balance')).toBe('taken');
    expect(elementNameProblem(model, 'Tier', { kind: 'decision', name: 'Tier' })).toBeNull();
    expect(elementNameProblem(model, 'Tier', { kind: 'decision', name: 'Bonus' })).toBe('taken');
    expect(elementNameProblem(model, 'Segment')).toBeNull();
  });

  it('refuses a sibling’s name (entries of a context, parameters), not the renamed one’s own', () => {
    expect(siblingNameProblem('rate', ['rate', 'term', undefined], 0)).toBeNull();
    expect(siblingNameProblem('term', ['rate', 'term', undefined], 0)).toBe('taken');
  });

  it('numbers a name until it is free', () => {
    const taken = new Set(['entry', 'entry2']);
    expect(freshName('entry', (n) => taken.has(n))).toBe('entry3');
    expect(freshName('value', (n) => taken.has(n))).toBe('value');
  });
});
