// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { addTestCase, freshCaseName, removeTestCase, replaceTestCase } from './test-case-edits.js';
import { riskBand } from './testing/risk-band.js';

const a = { name: 'a', inputs: { CreditScore: 700 }, expected: { band: 'A' } };
const b = { name: 'b', inputs: { CreditScore: 650 }, expected: { band: 'B' } };

describe('test case edits', () => {
  it('adds, replaces and removes cases without changing the artifact given', () => {
    const empty = riskBand();
    const one = addTestCase(empty, a);
    expect(one.tests).toEqual([a]);
    expect(empty.tests).toBeUndefined();
    const two = addTestCase(one, b);
    expect(replaceTestCase(two, 0, { ...a, name: 'a2' }).tests).toEqual([{ ...a, name: 'a2' }, b]);
    expect(removeTestCase(two, 0).tests).toEqual([b]);
    expect(two.tests).toEqual([a, b]);
  });

  it('leaves no empty list behind when the last case goes', () => {
    expect('tests' in removeTestCase(riskBand([a]), 0)).toBe(false);
  });

  it('answers the same artifact for a case that is not there', () => {
    const artifact = riskBand([a]);
    expect(replaceTestCase(artifact, 3, b)).toBe(artifact);
    expect(removeTestCase(artifact, -1)).toBe(artifact);
  });

  it('names a new case with a number no case has', () => {
    expect(freshCaseName(riskBand(), (n) => `Case ${n}`)).toBe('Case 1');
    expect(freshCaseName(riskBand([{ ...a, name: 'Case 2' }]), (n) => `Case ${n}`)).toBe('Case 3');
  });
});
