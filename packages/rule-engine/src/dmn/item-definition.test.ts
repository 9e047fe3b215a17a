import { describe, expect, it } from 'vitest';
import { FeelDate } from '../feel/values/feel-value.js';
import { compile, json } from './test-helpers.js';
import type { DecisionModel } from './model.js';

const model: DecisionModel = {
  itemDefinitions: [
    { name: 'tStatus', typeRef: 'string', allowedValues: '"EMPLOYED", "UNEMPLOYED"' },
    { name: 'tAge', typeRef: 'number', allowedValues: '[0..150]' },
    { name: 'tScores', typeRef: 'number', isCollection: true },
    {
      name: 'tApplicant',
      itemComponents: [
        { name: 'name', typeRef: 'string' },
        { name: 'age', typeRef: 'tAge' },
        { name: 'born', typeRef: 'date' },
      ],
    },
    { name: 'tApplicants', typeRef: 'tApplicant', isCollection: true },
  ],
  inputData: [
    { name: 'Status', typeRef: 'tStatus' },
    { name: 'Scores', typeRef: 'tScores' },
    { name: 'Applicant', typeRef: 'tApplicant' },
    { name: 'Applicants', typeRef: 'tApplicants' },
    { name: 'Flag', typeRef: 'boolean' },
  ],
  decisions: [
    { name: 'Echo Status', typeRef: 'tStatus', requirements: { inputs: ['Status'] }, logic: { kind: 'literalExpression', text: 'Status' } },
    { name: 'Total', typeRef: 'number', requirements: { inputs: ['Scores'] }, logic: { kind: 'literalExpression', text: 'sum(Scores)' } },
    { name: 'Who', requirements: { inputs: ['Applicant'] }, logic: { kind: 'literalExpression', text: 'Applicant.name + " " + string(Applicant.born.year)' } },
    { name: 'Count', requirements: { inputs: ['Applicants'] }, logic: { kind: 'literalExpression', text: 'count(Applicants)' } },
    { name: 'Not Flag', requirements: { inputs: ['Flag'] }, logic: { kind: 'literalExpression', text: 'not(Flag)' } },
    { name: 'Bad Output', typeRef: 'number', logic: { kind: 'literalExpression', text: '"text"' } },
    { name: 'Out Of Range', typeRef: 'tAge', logic: { kind: 'literalExpression', text: '200' } },
  ],
};

describe('item definitions', () => {
  const compiled = compile(model);

  it('checks allowed values of inputs', () => {
    expect(compiled.evaluate('Echo Status', { Status: 'EMPLOYED' }).value).toBe('EMPLOYED');
    const bad = compiled.evaluate('Echo Status', { Status: 'RETIRED' });
    expect(bad.value).toBeNull();
    expect(bad.warnings[0]?.code).toBe('dmn.typeMismatch');
    expect(bad.warnings[0]?.element).toBe('Status');
  });

  it('checks simple types of inputs', () => {
    expect(compiled.evaluate('Not Flag', { Flag: true }).value).toBe(false);
    const bad = compiled.evaluate('Not Flag', { Flag: 'yes' });
    expect(bad.value).toBeNull();
    expect(bad.warnings.some((w) => w.code === 'dmn.typeMismatch')).toBe(true);
  });

  it('checks collections, wrapping a single value', () => {
    expect(json(compiled.evaluate('Total', { Scores: [1, 2, 3] }).value)).toBe(6);
    expect(json(compiled.evaluate('Total', { Scores: 4 }).value)).toBe(4);
    expect(compiled.evaluate('Total', { Scores: [1, 'two'] }).value).toBeNull();
  });

  it('checks structured types, reading ISO strings as dates', () => {
    const ok = compiled.evaluate('Who', { Applicant: { name: 'Ann', age: 40, born: '1985-03-01' } });
    expect(ok.value).toBe('Ann 1985');
    const viaFeel = compiled.evaluate('Who', { Applicant: { name: 'Bo', age: 40, born: new FeelDate(1990, 1, 1) } });
    expect(viaFeel.value).toBe('Bo 1990');
    const badAge = compiled.evaluate('Who', { Applicant: { name: 'Ann', age: 400, born: '1985-03-01' } });
    expect(badAge.value).toBeNull();
    expect(badAge.warnings[0]?.message).toMatch(/tApplicant\.age/);
    expect(compiled.evaluate('Who', { Applicant: 'Ann' }).value).toBeNull();
    expect(json(compiled.evaluate('Count', { Applicants: [{ name: 'A', age: 1 }, { name: 'B', age: 2 }] }).value)).toBe(2);
    expect(compiled.evaluate('Count', { Applicants: [{ name: 'A', age: -1 }] }).value).toBeNull();
  });

  it('checks decision outputs against their type', () => {
    const bad = compiled.evaluate('Bad Output');
    expect(bad.value).toBeNull();
    expect(bad.warnings[0]).toMatchObject({ code: 'dmn.typeMismatch', element: 'Bad Output' });
    expect(compiled.evaluate('Out Of Range').value).toBeNull();
  });

  it('lets `instance of` name the item definitions, by structure (allowed values do not count)', () => {
    const typed = compile({
      ...model,
      decisions: [
        {
          name: 'Checks',
          logic: {
            kind: 'literalExpression',
            text:
              '[200 instance of tAge, [1, 2] instance of tScores, 1 instance of tScores, ' +
              '{name: "Ann", age: 30, born: @"1990-01-01", extra: 1} instance of tApplicant, {name: "Ann"} instance of tApplicant, ' +
              '[{name: "A", age: 1, born: null}] instance of list<tApplicant>, [] instance of tApplicants, "x" instance of tNoSuchType]',
          },
        },
      ],
    });
    expect(json(typed.evaluate('Checks').value)).toEqual([true, true, false, true, false, true, true, false]);
  });
});
