/**
 * Implicit conversions to declared types (DMN 1.5, 10.3.2.9.4): from and to singleton lists, from
 * date to date and time (UTC midnight), and `conforms to` (a value that does not conform is null),
 * in invocation contexts (function parameters) and binding contexts (a decision's, a BKM's, a
 * context entry's typeRef).
 */
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../feel/compile.js';
import { valueToLiteral } from '../feel/values/format.js';
import { compileDecisionModel } from './evaluate.js';
import type { BoxedExpression, DecisionModel } from './model.js';

const feel = (source: string): string => valueToLiteral(compileExpression(source).evaluate({}).value);
const literal = (text: string): BoxedExpression => ({ kind: 'literalExpression', text });

/** A model of one decision with a typeRef and a literal expression. */
function decide(typeRef: string, text: string, model: Partial<DecisionModel> = {}) {
  const compiled = compileDecisionModel({ ...model, decisions: [{ name: 'D', typeRef, logic: literal(text) }, ...(model.decisions ?? [])] });
  expect(compiled.diagnostics).toEqual([]);
  const result = compiled.evaluate('D', {});
  return { value: valueToLiteral(result.value), warnings: result.warnings.map((w) => w.code) };
}

describe('FEEL function parameters (invocation context)', () => {
  it('take a singleton list for its element and an element for a singleton list', () => {
    expect(feel('(function(a: number) a + 1)([5])')).toBe('6');
    expect(feel('(function(a: list<number>) count(a))(5)')).toBe('1');
    expect(feel('(function(a: list<number>) a)(5)')).toBe('[5]');
    expect(feel('(function(s: string) upper case(s))(["a"])')).toBe('"A"');
  });

  it('take a date for a date and time at UTC midnight', () => {
    expect(feel('(function(d: date and time) d)(date("2020-01-01"))')).toBe('2020-01-01T00:00:00Z');
    expect(feel('(function(d: date and time) d.hour)(@"2020-01-01")')).toBe('0');
  });

  it('are null when the argument does not conform even after conversion', () => {
    expect(feel('(function(a: number) a)("5")')).toBe('null');
    expect(feel('(function(a: number) a)([1, 2])')).toBe('null');
    expect(feel('(function(d: date) d)(@"2020-01-01T00:00:00")')).toBe('null');
    expect(feel('(function(a: number) a)(null)')).toBe('null');
  });
});

describe('decision results (binding context)', () => {
  it('are null with a warning when they do not conform (the spec example: "123" for a number)', () => {
    expect(decide('number', '"123"')).toEqual({ value: 'null', warnings: ['dmn.typeMismatch'] });
    expect(decide('string', '123')).toEqual({ value: 'null', warnings: ['dmn.typeMismatch'] });
  });

  it('unwrap singleton lists and wrap single values for collections', () => {
    expect(decide('string', '["a"]').value).toBe('"a"');
    expect(decide('number', '[1, 2]').value).toBe('null');
    expect(decide('tNumbers', '5', { itemDefinitions: [{ name: 'tNumbers', typeRef: 'number', isCollection: true }] }).value).toBe('[5]');
    expect(decide('list<number>', '5').value).toBe('[5]');
    expect(decide('list<number>', '[1, "a"]').value).toBe('null');
    expect(decide('context<a: number>', '{a: 1, b: 2}').value).toBe('{a: 1, b: 2}');
    expect(decide('context<a: number>', '{a: "x"}').value).toBe('null');
  });

  it('turn a date into a date and time at UTC midnight', () => {
    expect(decide('date and time', 'date("2020-01-01")').value).toBe('2020-01-01T00:00:00Z');
    expect(decide('dateTime', '[@"2020-01-01"]').value).toBe('2020-01-01T00:00:00Z');
    expect(decide('date', '@"2020-01-01T10:00:00"').value).toBe('null');
  });

  it('apply to BKM parameters and results, and to context entries', () => {
    const model = compileDecisionModel({
      decisions: [
        { name: 'Twice', requirements: { knowledge: ['twice'] }, logic: literal('twice([21])') },
        {
          name: 'Entries',
          logic: {
            kind: 'context',
            entries: [
              { name: 'n', typeRef: 'number', value: literal('[7]') },
              { name: 'bad', typeRef: 'number', value: literal('"7"') },
              { name: 'when', typeRef: 'date and time', value: literal('@"2021-03-04"') },
            ],
          },
        },
      ],
      businessKnowledgeModels: [
        { name: 'twice', typeRef: 'string', parameters: [{ name: 'x', typeRef: 'number' }], body: literal('string(x * 2)') },
      ],
    });
    expect(model.diagnostics).toEqual([]);
    expect(model.evaluate('Twice', {}).value).toBe('42');
    expect(valueToLiteral(model.evaluate('Entries', {}).value)).toBe('{n: 7, bad: null, when: 2021-03-04T00:00:00Z}');
  });
});
