// @vitest-environment node
import type { DecisionArtifact } from '@bankforge/rule-engine';
import { describe, expect, it } from 'vitest';
import { formValues, inputFields, inputsOf, stringOptions } from './input-fields.js';
import { riskBand } from './testing/risk-band.js';

const model: DecisionArtifact = {
  kind: 'decision',
  key: 'onboarding',
  title: 'Onboarding',
  itemDefinitions: [
    { name: 'Money', typeRef: 'number' },
    { name: 'Channel', typeRef: 'string', allowedValues: '"app", "branch"' },
    { name: 'PreferredChannel', typeRef: 'Channel' },
    { name: 'Address', itemComponents: [{ name: 'city', typeRef: 'string' }] },
    { name: 'Tags', typeRef: 'string', isCollection: true },
  ],
  inputData: [
    { name: 'Amount', typeRef: 'Money' },
    { name: 'Count', typeRef: 'integer' },
    { name: 'Channel', typeRef: 'PreferredChannel' },
    { name: 'Region', typeRef: 'string' },
    { name: 'Employed', typeRef: 'boolean' },
    { name: 'Birth date', typeRef: 'date' },
    { name: 'Applied at', typeRef: 'date and time' },
    { name: 'Waited', typeRef: 'days and time duration' },
    { name: 'Address', typeRef: 'Address' },
    { name: 'Tags', typeRef: 'Tags' },
    { name: 'Note' },
    { name: 'Score', typeRef: 'number', import: 'bureau' },
  ],
  decisions: [
    {
      name: 'Route',
      logic: {
        kind: 'decisionTable',
        hitPolicy: 'F',
        inputs: [{ expression: 'Region', inputValues: '"north","south"' }],
        outputs: [{}],
        rules: [],
      },
    },
  ],
};

describe('inputFields', () => {
  it('gives each input data a field of its type, through item definitions (money is a number)', () => {
    expect(inputFields(model)).toEqual([
      { name: 'Amount', kind: 'number' },
      { name: 'Count', kind: 'number' },
      { name: 'Channel', kind: 'string', options: ['app', 'branch'] },
      { name: 'Region', kind: 'string', options: ['north', 'south'] },
      { name: 'Employed', kind: 'boolean' },
      { name: 'Birth date', kind: 'date' },
      { name: 'Applied at', kind: 'dateTime' },
      { name: 'Waited', kind: 'text' },
      { name: 'Address', kind: 'json' },
      { name: 'Tags', kind: 'json' },
      { name: 'Note', kind: 'text' },
      { name: 'bureau.Score', kind: 'number' },
    ]);
  });

  it('offers a select only for a list of string literals', () => {
    expect(stringOptions('"a","b \\"quoted\\""')).toEqual(['a', 'b "quoted"']);
    expect(stringOptions('not("a")')).toBeUndefined();
    expect(stringOptions('"a", b')).toBeUndefined();
    expect(stringOptions(undefined)).toBeUndefined();
  });

  it('a type naming itself in a cycle is read as JSON, not followed forever', () => {
    const cyclic: DecisionArtifact = {
      ...model,
      itemDefinitions: [
        { name: 'A', typeRef: 'B' },
        { name: 'B', typeRef: 'A' },
      ],
      inputData: [{ name: 'X', typeRef: 'A' }],
    };
    expect(inputFields(cyclic)).toEqual([{ name: 'X', kind: 'json' }]);
  });
});

describe('inputsOf and formValues', () => {
  const fields = inputFields(model);

  it('reads the form as JSON inputs, leaving empty fields out', () => {
    const { inputs, errors } = inputsOf(fields, {
      Amount: ' 1200.50 ',
      Count: '3',
      Channel: 'app',
      Employed: 'false',
      'Birth date': '1990-04-01',
      'Applied at': '2026-03-01T09:30',
      Address: '{"city": "Shanghai"}',
      Note: ' as typed ',
      Region: '',
    });
    expect(errors).toEqual({});
    expect(inputs).toEqual({
      Amount: '1200.50',
      Count: 3,
      Channel: 'app',
      Employed: false,
      'Birth date': '1990-04-01',
      'Applied at': '2026-03-01T09:30:00',
      Address: { city: 'Shanghai' },
      Note: ' as typed ',
    });
  });

  it('keeps every digit of a large amount as decimal text', () => {
    expect(inputsOf(fields, { Amount: '12345678901234567.89' }).inputs).toEqual({
      Amount: '12345678901234567.89',
    });
    expect(inputsOf(fields, { Amount: '-5' }).inputs).toEqual({ Amount: -5 });
  });

  it('names the fields that are not what their type needs', () => {
    expect(inputsOf(fields, { Amount: '1,200', Address: '{city}' }).errors).toEqual({
      Amount: 'number',
      Address: 'json',
    });
  });

  it('fills the form from a case’s inputs and reads them back the same', () => {
    const inputs = { CreditScore: 650, Segment: 'retail' };
    const bandFields = inputFields(riskBand());
    const values = formValues(bandFields, inputs);
    expect(values).toEqual({ CreditScore: '650', Segment: 'retail' });
    expect(inputsOf(bandFields, values).inputs).toEqual(inputs);
    expect(formValues(fields, { Address: { city: 'Beijing' }, Employed: true, Count: null })).toMatchObject({
      Address: '{"city":"Beijing"}',
      Employed: 'true',
      Count: '',
    });
  });
});
