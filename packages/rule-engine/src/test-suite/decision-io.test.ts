import { describe, expect, it } from 'vitest';
import { FeelDecimal } from '../feel/values/feel-value.js';
import { sameJson } from './compare.js';
import { decisionInputReader, decisionOutputs, topDecisionName } from './decision-io.js';

describe('a decision as hosts call it', () => {
  it('picks the decision no other requires, else the last', () => {
    const decisions = [{ name: 'A' }, { name: 'B', requirements: { decisions: ['A'] } }];
    expect(topDecisionName({ decisions })).toBe('B');
    expect(topDecisionName({ decisions: [{ name: 'A' }, { name: 'C' }] })).toBe('C');
    // An imported decision is the imported model's, never this one's top.
    expect(topDecisionName({ decisions: [{ name: 'Own' }, { name: 'Theirs', import: 'lib' }] })).toBe('Own');
  });

  it('names a context answer by its entries and anything else `result`', () => {
    expect(decisionOutputs({ score: 1 })).toEqual({ score: 1 });
    expect(decisionOutputs(3)).toEqual({ result: 3 });
    expect(decisionOutputs([1])).toEqual({ result: [1] });
    expect(decisionOutputs(null)).toEqual({ result: null });
  });

  it('reads decimal text given for number inputs (by alias or item definition) as exact numbers, and leaves the rest as given', () => {
    const read = decisionInputReader({
      itemDefinitions: [{ name: 'tAmount', typeRef: 'tMoney' }, { name: 'tMoney', typeRef: 'decimal' }],
      inputData: [{ name: 'Amount', typeRef: 'tAmount' }, { name: 'Count', typeRef: 'number' }, { name: 'Code', typeRef: 'string' }],
    });
    const read1 = read({ Amount: '3000000.10', Count: 'many', Code: '12' });
    expect(read1.Amount).toBeInstanceOf(FeelDecimal);
    expect(String(read1.Amount)).toBe('3000000.1');
    expect(read1.Count).toBe('many');
    expect(read1.Code).toBe('12');
    const plain = { Amount: 5, Count: 1 };
    expect(read(plain)).toBe(plain);
    const none = decisionInputReader({ inputData: [{ name: 'Code', typeRef: 'string' }] });
    expect(none(plain)).toBe(plain);
  });

  it('compares JSON deeply, numbers by value', () => {
    expect(sameJson({ a: [1, 'x', null] }, { a: [1, 'x', null] })).toBe(true);
    expect(sameJson(0.3, '0.30')).toBe(true);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson(true, 'true')).toBe(false);
    expect(sameJson(1, 'one')).toBe(false);
  });
});
