import { describe, expect, it } from 'vitest';
import { FeelContext, FeelDecimal, type FeelValue } from '../feel/values/feel-value.js';
import { compileDecisionModel, UnknownDecisionError } from './evaluate.js';
import { fromFeelValue } from '../feel/values/json.js';
import { tableModel } from './test-helpers.js';
import type { DecisionModel, HitPolicy } from './model.js';

function table(hitPolicy: HitPolicy, rules: [string, string, string][], ageType = 'number'): DecisionModel {
  return {
    inputData: [
      { name: 'Age', typeRef: ageType },
      { name: 'Segment', typeRef: 'string' },
    ],
    decisions: [
      {
        name: 'Offer',
        typeRef: 'string',
        requirements: { inputs: ['Age', 'Segment'] },
        logic: {
          kind: 'decisionTable',
          hitPolicy,
          inputs: [{ expression: 'Age' }, { expression: 'Segment' }],
          outputs: [{ name: 'offer', typeRef: 'string' }],
          rules: rules.map(([age, segment, offer]) => ({ inputEntries: [age, segment], outputEntries: [offer] })),
        },
      },
    ],
  };
}

const RULES: [string, string, string][] = [
  ['< 18', '-', '"none"'],
  ['[18..30)', '"mass","affluent"', '"starter"'],
  ['[18..30)', 'not("mass")', '"starter plus"'],
  ['>= 65', '"private"', '"legacy"'],
  ['> 64', '-', '"senior"'],
  ['30, 40, 50', '-', '"round"'],
  ['!= 77', '"mass"', '"mass"'],
];

function decideBothWays(model: DecisionModel, inputs: Record<string, unknown>): [FeelValue, FeelValue, number] {
  const compiled = compileDecisionModel(model);
  const fast = compiled.evaluate('Offer', inputs);
  // A trace turns the fast lane off: the full path answers.
  const full = compiled.evaluate('Offer', inputs, { trace: true });
  return [fast.value, full.value, full.warnings.length - fast.warnings.length];
}

describe('the decision table fast lane', () => {
  const ages: unknown[] = [0, 17, 17.999, 18, 18.5, 29, 29.9999999, 30, 40, 50, 64, 64.5, 65, 77, 99, -1, 1e300, 0.1 + 0.2, 2 ** 53, null, undefined, '30', Number.NaN];
  const segments: unknown[] = ['mass', 'affluent', 'private', 'corporate', '', 7, null, undefined];

  for (const policy of ['F', 'U'] as const) {
    it(`answers exactly what the full path answers, warnings included (${policy})`, () => {
      const model = table(policy, RULES);
      expect(compileDecisionModel(model).fastLaneDecisions).toEqual(['Offer']);
      for (const Age of ages) {
        for (const Segment of segments) {
          const [fast, full, warningGap] = decideBothWays(model, { Age, Segment });
          expect(fast, JSON.stringify({ Age, Segment })).toEqual(full);
          expect(warningGap, JSON.stringify({ Age, Segment })).toBe(0);
        }
      }
    });
  }

  it('steps aside for decimal literals, FEEL values, overrides and non-table logic, with the same answers', () => {
    const restricted = { ...table('F', RULES, 'tAge'), itemDefinitions: [{ name: 'tAge', typeRef: 'number', allowedValues: '[0..150]' }] };
    expect(compileDecisionModel(restricted).fastLaneDecisions).toEqual([]);
    expect(compileDecisionModel(restricted).evaluate('Offer', { Age: 200, Segment: 'mass' }).warnings.length).toBeGreaterThan(0);
    const decimalCell = table('F', [['< 17.5', '-', '"young"'], ['-', '-', '"other"']]);
    expect(decideBothWays(decimalCell, { Age: 17.4, Segment: 'x' }).slice(0, 2)).toEqual(['young', 'young']);
    const model = table('F', RULES);
    const compiled = compileDecisionModel(model);
    expect(compiled.evaluate('Offer', { Age: new FeelDecimal(20), Segment: 'mass' }).value).toBe('starter');
    expect(compiled.evaluate('Offer', new Map<string, FeelValue>([['Age', new FeelDecimal(70)], ['Segment', 'private']])).value).toBe('legacy');
    expect(compiled.evaluate('Offer', { Age: 20, Segment: 'mass', Offer: 'given' }).value).toBe('given');
  });

  it('indexes tables wider than one 32-rule mask word exactly', () => {
    const wide: [string, string, string][] = Array.from({ length: 70 }, (_, i) => [`[${i}..${i + 1})`, i % 3 === 0 ? '"mass"' : '-', `"r${i}"`]);
    wide.push(['-', '-', '"rest"']);
    for (const policy of ['F', 'U'] as const) {
      const model = table(policy, wide);
      for (let tenths = -20; tenths <= 740; tenths += 7) {
        for (const Segment of ['mass', 'private']) {
          const [fast, full, warningGap] = decideBothWays(model, { Age: tenths / 10, Segment });
          expect(fast, `${policy} ${tenths / 10} ${Segment}`).toEqual(full);
          expect(warningGap).toBe(0);
        }
      }
    }
  });

  it('keeps the unique policy warning when two rules match', () => {
    const compiled = compileDecisionModel(table('U', [['< 50', '-', '"a"'], ['< 40', '-', '"b"']]));
    const result = compiled.evaluate('Offer', { Age: 30, Segment: 'mass' });
    expect(result.value).toBeNull();
    expect(result.warnings.length).toBeGreaterThan(0);
  });

  it('reads plain records whatever the order or number of their keys, and only their own values', () => {
    const compiled = compileDecisionModel(table('F', RULES));
    const same = (inputs: Record<string, unknown>) => {
      const fast = compiled.evaluate('Offer', inputs);
      const full = compiled.evaluate('Offer', inputs, { trace: true });
      expect(fast.value, JSON.stringify(inputs)).toEqual(full.value);
      expect(fast.warnings.length).toBe(full.warnings.length);
      return fast.value;
    };
    expect(same({ Segment: 'mass', Age: 20 })).toBe('starter');
    const many: Record<string, unknown> = {};
    for (let i = 0; i < 30; i++) many[`extra ${i}`] = i;
    expect(same({ ...many, Segment: 'private', Age: 70 })).toBe('legacy');
    expect(same({ Age: 70, x: 1, Segment: 'private' })).toBe('legacy');
    const nullPrototype = Object.assign(Object.create(null) as Record<string, unknown>, { Age: 70, Segment: 'private' });
    expect(same(nullPrototype)).toBe('legacy');
    // Inherited values are not inputs to the full path: the fast lane must not read them either.
    same(Object.create({ Age: 70, Segment: 'private' }) as Record<string, unknown>);
    same(Object.assign(Object.create({ Segment: 'private' }) as Record<string, unknown>, { Age: 70 }));
    same({ Age: 20 });
    expect(compiled.evaluate('Offer', { Segment: 'mass', Offer: 'given', Age: 20 }).value).toBe('given');
  });

  it('answers tables with several outputs, as FEEL values (fresh contexts) and as frozen JSON', () => {
    const model = tableModel(
      {
        hitPolicy: 'F',
        inputs: [{ expression: 'Score' }],
        outputs: [
          { name: 'grade', typeRef: 'string' },
          { name: 'rate', typeRef: 'number' },
        ],
        rules: [
          { inputEntries: ['>= 700'], outputEntries: ['"A"', '4.25'] },
          { inputEntries: ['[500..700)'], outputEntries: ['"B"', '6.5'] },
          { inputEntries: ['< 500'], outputEntries: ['"C"', 'null'] },
        ],
      },
      { Score: 'number' },
    );
    const compiled = compileDecisionModel(model);
    expect(compiled.fastLaneDecisions).toEqual(['Result']);
    for (const Score of [0, 499.5, 500, 699, 700, 1000, -1, '700', null]) {
      const full = compiled.evaluate('Result', { Score }, { trace: true });
      expect(compiled.evaluate('Result', { Score }).value, String(Score)).toEqual(full.value);
      const json = compiled.evaluateJson('Result', { Score });
      expect(json.value, String(Score)).toEqual(fromFeelValue(full.value));
      expect(json.warnings.length).toBe(full.warnings.length);
    }
    expect(compiled.evaluateJson('Result', { Score: 800 }).value).toEqual({ grade: 'A', rate: 4.25 });
    // The lane kept at hand for the last decision name follows the name asked for.
    expect(() => compiled.evaluateJson('Other', { Score: 800 })).toThrow(UnknownDecisionError);
    expect(compiled.evaluateJson('Result', { Score: 600 }).value).toEqual({ grade: 'B', rate: 6.5 });
    expect(Object.isFrozen(compiled.evaluateJson('Result', { Score: 800 }).value)).toBe(true);
    expect(compiled.evaluateJson('Result', { Score: 800 }, { trace: true }).trace).toBeDefined();
    // A context answered by the lane is the caller's own: changing it changes no later answer.
    const first = compiled.evaluate('Result', { Score: 800 }).value as FeelContext;
    first.entries.set('grade', 'changed');
    expect((compiled.evaluate('Result', { Score: 800 }).value as FeelContext).get('grade')).toBe('A');
  });
});
