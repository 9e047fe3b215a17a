import { describe, expect, it } from 'vitest';
import { fromFeelValue } from '../../feel/values/json.js';
import { compileDecisionModel } from '../evaluate.js';
import type { DecisionArtifact, DecisionModel } from '../model.js';
import { DMN15_NAMESPACE, exportDmn } from './export-dmn.js';
import { importDmn, XmlError } from './import-dmn.js';

/** A loan model using every construct the native model has. */
const loan: DecisionArtifact = {
  kind: 'decision',
  key: 'loan_pricing',
  title: 'Loan pricing',
  description: 'Prices a loan <draft> & scores it (贷款定价).',
  namespace: 'urn:bankforge:loan-pricing',
  itemDefinitions: [
    { name: 'tRegion', typeRef: 'string', allowedValues: '"north","south"' },
    {
      name: 'tApplicant',
      itemComponents: [
        { name: 'score', typeRef: 'number', allowedValues: '[300..850]' },
        { name: 'tags', typeRef: 'string', isCollection: true },
      ],
    },
    { name: 'tAmounts', typeRef: 'number', isCollection: true },
  ],
  inputData: [
    { name: 'Applicant', typeRef: 'tApplicant' },
    { name: 'Amount', typeRef: 'number' },
    { name: 'Region', typeRef: 'tRegion' },
  ],
  businessKnowledgeModels: [
    {
      name: 'Rate table',
      typeRef: 'number',
      parameters: [{ name: 'score', typeRef: 'number' }],
      body: {
        kind: 'decisionTable',
        hitPolicy: 'F',
        inputs: [{ expression: 'score', typeRef: 'number' }],
        outputs: [{ typeRef: 'number' }],
        rules: [
          { inputEntries: ['>= 700'], outputEntries: ['3.9'] },
          { inputEntries: ['-'], outputEntries: ['6.5'] },
        ],
      },
    },
    {
      name: 'Fee',
      parameters: [{ name: 'amount' }],
      body: { kind: 'literalExpression', text: 'amount * 0.001' },
      requirements: { knowledge: ['Rate table'] },
    },
    { name: 'Unused', parameters: [] },
  ],
  decisions: [
    {
      name: 'Score',
      typeRef: 'number',
      question: 'How good is the applicant?\nScore 0..100',
      requirements: { decisions: [], inputs: ['Applicant', 'Amount'], knowledge: [] },
      logic: {
        kind: 'decisionTable',
        hitPolicy: 'C',
        aggregation: 'SUM',
        outputLabel: 'Points "total"',
        inputs: [
          {
            expression: 'Applicant.score',
            label: 'Credit\tscore',
            typeRef: 'number',
            inputValues: '[300..850]',
          },
          { expression: 'Amount', typeRef: 'number' },
        ],
        outputs: [{ name: 'points', typeRef: 'number' }],
        annotations: ['Reason', 'Owner'],
        rules: [
          {
            id: 'credit-good',
            inputEntries: ['>= 700', '-'],
            outputEntries: ['60'],
            annotations: ['good & steady', 'risk'],
          },
          { id: 'small', inputEntries: ['-', '< 100000'], outputEntries: ['40'], annotations: ['', 'risk'] },
          { inputEntries: ['-', '>= 100000'], outputEntries: ['10'] },
        ],
      },
    },
    {
      name: 'Offer',
      typeRef: 'Any',
      requirements: {
        decisions: ['Score'],
        inputs: ['Region', 'Amount', 'Applicant'],
        knowledge: ['Rate table', 'Fee'],
      },
      logic: {
        kind: 'decisionTable',
        hitPolicy: 'P',
        typeRef: 'Any',
        inputs: [{ expression: 'Score' }, { expression: 'Region', typeRef: 'tRegion' }],
        outputs: [
          {
            name: 'status',
            label: 'Status',
            typeRef: 'string',
            outputValues: '"approve","review"',
            defaultOutputEntry: '"review"',
          },
          { name: 'rate', typeRef: 'number', defaultOutputEntry: 'Rate table(Applicant.score)' },
        ],
        rules: [
          { inputEntries: ['>= 70', '"north"'], outputEntries: ['"approve"', 'Rate table(Applicant.score)'] },
          { inputEntries: ['< 70', '-'], outputEntries: ['"review"', 'null'] },
        ],
      },
    },
    {
      name: 'Summary',
      typeRef: 'string',
      requirements: { decisions: ['Offer', 'Score'], inputs: ['Amount'], knowledge: ['Fee'] },
      logic: {
        kind: 'context',
        entries: [
          {
            name: 'fee',
            typeRef: 'number',
            value: {
              kind: 'invocation',
              function: 'Fee',
              bindings: [{ name: 'amount', value: { kind: 'literalExpression', text: 'Amount' } }],
            },
          },
          { name: 'nothing', value: { kind: 'invocation', function: 'Fee', bindings: [{ name: 'amount' }] } },
          {
            name: 'limits',
            value: {
              kind: 'relation',
              columns: [{ name: 'band', typeRef: 'string' }, { name: 'max' }],
              rows: [
                [
                  { kind: 'literalExpression', text: '"A"' },
                  { kind: 'literalExpression', text: '1000000' },
                ],
                [
                  { kind: 'literalExpression', text: '"B"' },
                  { kind: 'literalExpression', text: '' },
                ],
              ],
            },
          },
          {
            name: 'steps',
            value: {
              kind: 'list',
              typeRef: 'tAmounts',
              items: [
                { kind: 'literalExpression', text: '1' },
                { kind: 'literalExpression', text: '2' },
              ],
            },
          },
          {
            name: 'double',
            value: {
              kind: 'functionDefinition',
              parameters: [{ name: 'x', typeRef: 'number' }],
              body: { kind: 'literalExpression', text: 'x * 2' },
            },
          },
          {
            value: {
              kind: 'literalExpression',
              text: 'Offer.status + " at " + string(double(Score)) + ", fee " + string(fee) + " <ok> & \'done\'"',
            },
          },
        ],
      },
    },
    {
      name: 'Checks',
      requirements: { decisions: [], inputs: ['Applicant', 'Amount'], knowledge: [] },
      logic: {
        kind: 'context',
        entries: [
          {
            name: 'big',
            value: {
              kind: 'conditional',
              typeRef: 'boolean',
              if: { kind: 'literalExpression', text: 'Amount > 100000' },
              then: { kind: 'literalExpression', text: 'true' },
              else: { kind: 'literalExpression', text: 'false' },
            },
          },
          {
            name: 'doubled',
            value: {
              kind: 'for',
              iteratorVariable: 'n',
              in: {
                kind: 'list',
                items: [
                  { kind: 'literalExpression', text: '1' },
                  { kind: 'literalExpression', text: '2' },
                ],
              },
              return: { kind: 'literalExpression', text: 'n * 2' },
            },
          },
          {
            name: 'long tags',
            value: {
              kind: 'filter',
              in: { kind: 'literalExpression', text: 'Applicant.tags' },
              match: { kind: 'literalExpression', text: 'string length(item) > 2' },
            },
          },
          {
            name: 'any',
            value: {
              kind: 'some',
              iteratorVariable: 't',
              in: { kind: 'literalExpression', text: 'Applicant.tags' },
              satisfies: { kind: 'literalExpression', text: 't = "new"' },
            },
          },
          {
            name: 'all',
            value: {
              kind: 'every',
              iteratorVariable: 't',
              in: { kind: 'literalExpression', text: 'Applicant.tags' },
              satisfies: { kind: 'literalExpression', text: 't = "new"' },
            },
          },
        ],
      },
    },
  ],
  decisionServices: [
    {
      name: 'Pricing',
      outputDecisions: ['Offer', 'Summary'],
      encapsulatedDecisions: ['Offer', 'Summary'],
      inputDecisions: ['Score'],
      inputData: ['Region', 'Amount', 'Applicant'],
    },
    {
      name: 'Scoring',
      typeRef: 'number',
      outputDecisions: ['Score'],
      encapsulatedDecisions: [],
      inputDecisions: [],
      inputData: ['Applicant', 'Amount'],
    },
  ],
};

/** What `importDmn` makes of an artifact: the DRG, with every requirement list present. */
function asImported(artifact: DecisionArtifact): DecisionModel {
  const { kind: _kind, key: _key, title: _title, description: _description, ...drg } = artifact;
  return {
    ...drg,
    decisions: drg.decisions.map((d) => ({
      ...d,
      requirements: {
        decisions: d.requirements?.decisions ?? [],
        inputs: d.requirements?.inputs ?? [],
        knowledge: d.requirements?.knowledge ?? [],
      },
    })),
  };
}

describe('DMN XML export', () => {
  it('writes DMN 1.5 that imports back to the same model', () => {
    const xml = exportDmn(loan);
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<definitions xmlns="https:\/\/www.omg.org\/spec\/DMN\/20230324\/MODEL\/"/,
    );
    const back = importDmn(xml);
    expect(back.warnings).toEqual([]);
    expect([back.name, back.namespace]).toEqual(['Loan pricing', 'urn:bankforge:loan-pricing']);
    expect(back.model).toEqual(asImported(loan));
    expect(importDmn(exportDmn(back.model, { name: back.name })).model).toEqual(back.model);
  });

  it('evaluates the re-imported model as the artifact', () => {
    const inputs = { Applicant: { score: 720, tags: ['new'] }, Amount: 50000, Region: 'north' };
    const original = compileDecisionModel(loan);
    const back = compileDecisionModel(importDmn(exportDmn(loan)).model);
    expect(original.diagnostics).toEqual([]);
    expect(back.diagnostics).toEqual([]);
    for (const name of ['Score', 'Offer', 'Summary', 'Checks']) {
      expect(fromFeelValue(back.evaluate(name, inputs).value)).toEqual(
        fromFeelValue(original.evaluate(name, inputs).value),
      );
    }
    expect(fromFeelValue(back.evaluate('Summary', inputs).value)).toBe(
      "approve at 200, fee 50 <ok> & 'done'",
    );
    expect(fromFeelValue(back.evaluateService('Scoring', inputs).value)).toEqual(
      fromFeelValue(original.evaluateService('Scoring', inputs).value),
    );
  });

  it('writes the parts of a decision table where DMN puts them', () => {
    const xml = exportDmn(loan);
    expect(xml).toContain(
      '<decisionTable hitPolicy="COLLECT" aggregation="SUM" outputLabel="Points &quot;total&quot;">',
    );
    expect(xml).toContain('<input label="Credit&#9;score">');
    expect(xml).toContain('<inputValues><text>[300..850]</text></inputValues>');
    expect(xml).toContain('<annotation name="Reason"/>');
    expect(xml).toContain('<rule id="credit-good">');
    expect(xml).toContain('<inputEntry><text>&gt;= 700</text></inputEntry>');
    expect(xml).toContain('<annotationEntry><text>good &amp; steady</text></annotationEntry>');
    expect(xml).toContain('<decisionTable typeRef="Any" hitPolicy="PRIORITY">');
    expect(xml).toContain('<defaultOutputEntry><text>"review"</text></defaultOutputEntry>');
    expect(xml).toContain('<requiredKnowledge href="#bkm_Rate_table"/>');
    expect(xml).toContain(
      '<description>Prices a loan &lt;draft&gt; &amp; scores it (贷款定价).</description>',
    );
  });

  it('gives an artifact without a namespace one from its key, and elements ids clear of rule ids', () => {
    const artifact: DecisionArtifact = {
      kind: 'decision',
      key: 'tiny',
      title: 'Tiny',
      decisions: [
        {
          name: 'Score',
          logic: {
            kind: 'decisionTable',
            hitPolicy: 'U',
            inputs: [],
            outputs: [{}],
            rules: [{ id: 'decision_Score', inputEntries: [], outputEntries: ['1'] }],
          },
        },
      ],
    };
    const xml = exportDmn(artifact);
    expect(xml).toContain('namespace="urn:bankforge:decision:tiny"');
    expect(xml).toContain('<decision id="decision_Score_2" name="Score">');
    expect(importDmn(xml).model.decisions[0]?.logic).toEqual(artifact.decisions[0]?.logic);
  });

  it('keeps FEEL text exactly: line breaks, carriage returns, spaces at the ends', () => {
    const text = '  if x > 1\r\n  then "a\tb"\n  else "<c>"  ';
    const model: DecisionModel = { decisions: [{ name: 'D', logic: { kind: 'literalExpression', text } }] };
    expect(importDmn(exportDmn(model)).model.decisions[0]?.logic).toEqual({
      kind: 'literalExpression',
      text,
    });
  });

  it('refuses a character XML cannot carry', () => {
    const model: DecisionModel = {
      decisions: [{ name: 'D', logic: { kind: 'literalExpression', text: 'x\u0001' } }],
    };
    expect(() => exportDmn(model)).toThrow(XmlError);
  });
});

const PEOPLE = `<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" namespace="urn:people" name="People">
  <itemDefinition name="tPerson"><itemComponent name="name"><typeRef>string</typeRef></itemComponent></itemDefinition>
  <inputData id="p_person" name="Person"><variable name="Person" typeRef="tPerson"/></inputData>
  <decision id="p_hello" name="Hello">
    <variable name="Hello" typeRef="string"/>
    <informationRequirement><requiredInput href="#p_person"/></informationRequirement>
    <literalExpression><text>"Hello " + Person.name</text></literalExpression>
  </decision>
</definitions>`;

const MAIN = `<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" namespace="urn:main" name="Main">
  <import name="people" namespace="urn:people" importType="${DMN15_NAMESPACE}"/>
  <decision id="m_shout" name="Shout">
    <variable name="Shout" typeRef="string"/>
    <informationRequirement><requiredDecision href="urn:people#p_hello"/></informationRequirement>
    <informationRequirement><requiredInput href="urn:people#p_person"/></informationRequirement>
    <literalExpression><text>upper case(people.Hello) + "!"</text></literalExpression>
  </decision>
  <inputData id="m_someone" name="Someone"><variable name="Someone" typeRef="people.tPerson"/></inputData>
</definitions>`;

describe('DMN XML export of a model with imports', () => {
  it('writes the main model referring to the imported one, and the imported one on demand', () => {
    const first = importDmn(MAIN, [PEOPLE]);
    expect(first.warnings).toEqual([]);
    const main = exportDmn(first.model, { name: first.name });
    const people = exportDmn(first.model, { importName: 'people' });
    expect(main).toContain(`<import name="people" namespace="urn:people" importType="${DMN15_NAMESPACE}"/>`);
    expect(main).toContain('<requiredDecision href="urn:people#decision_Hello"/>');
    expect(main).not.toContain('name="Hello"');
    expect(main).toContain('<variable name="Someone" typeRef="people.tPerson"/>');
    expect(people).toContain('<itemDefinition name="tPerson">');
    expect(people).toContain('<variable name="Person" typeRef="tPerson"/>');
    const back = importDmn(main, [people]);
    expect(back.warnings).toEqual([]);
    expect(back.model).toEqual(first.model);
    expect(
      compileDecisionModel(back.model).evaluate('Shout', { 'people.Person': { name: 'Ann' } }).value,
    ).toBe('HELLO ANN!');
  });

  it('writes each model of a chain of imports (a imports b, b imports c) with its own imports', () => {
    const c = `<definitions xmlns="${DMN15_NAMESPACE}" namespace="urn:c" name="C">
      <itemDefinition name="tName"><typeRef>string</typeRef></itemDefinition>
      <inputData id="c_in" name="Who"><variable name="Who" typeRef="tName"/></inputData>
      <decision id="c_d" name="Greet"><variable name="Greet" typeRef="string"/>
        <informationRequirement><requiredInput href="#c_in"/></informationRequirement>
        <literalExpression><text>"Hi " + Who</text></literalExpression></decision>
    </definitions>`;
    const b = `<definitions xmlns="${DMN15_NAMESPACE}" namespace="urn:b" name="B">
      <import name="c" namespace="urn:c" importType="${DMN15_NAMESPACE}"/>
      <decision id="b_d" name="Loud"><variable name="Loud" typeRef="string"/>
        <informationRequirement><requiredDecision href="urn:c#c_d"/></informationRequirement>
        <literalExpression><text>upper case(c.Greet)</text></literalExpression></decision>
    </definitions>`;
    const a = `<definitions xmlns="${DMN15_NAMESPACE}" namespace="urn:a" name="A">
      <import name="b" namespace="urn:b" importType="${DMN15_NAMESPACE}"/>
      <decision id="a_d" name="Top"><variable name="Top" typeRef="string"/>
        <informationRequirement><requiredDecision href="urn:b#b_d"/></informationRequirement>
        <literalExpression><text>b.Loud + "!"</text></literalExpression></decision>
    </definitions>`;
    const first = importDmn(a, [b, c]);
    expect(first.warnings).toEqual([]);
    const middle = exportDmn(first.model, { importName: 'b' });
    const last = exportDmn(first.model, { importName: 'b.c' });
    expect(middle).toContain(`<import name="c" namespace="urn:c" importType="${DMN15_NAMESPACE}"/>`);
    expect(middle).toContain('<requiredDecision href="urn:c#decision_Greet"/>');
    expect(last).toContain('<variable name="Who" typeRef="tName"/>');
    const back = importDmn(exportDmn(first.model, { name: 'A' }), [middle, last]);
    expect(back.warnings).toEqual([]);
    expect(back.model).toEqual(first.model);
    expect(compileDecisionModel(back.model).evaluate('Top', { 'b.c.Who': 'Ann' }).value).toBe('HI ANN!');
  });

  it('refuses an import the model does not have', () => {
    expect(() => exportDmn(importDmn(MAIN, [PEOPLE]).model, { importName: 'nobody' })).toThrow(XmlError);
  });
});
