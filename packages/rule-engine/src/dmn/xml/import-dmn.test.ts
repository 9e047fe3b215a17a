import { describe, expect, it } from 'vitest';
import { compileDecisionModel } from '../evaluate.js';
import { fromFeelValue } from '../../feel/values/json.js';
import { importDmn, XmlError } from './import-dmn.js';

const DMN13_DEFAULT = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" namespace="urn:loans" name="Loans" id="loans">
  <itemDefinition name="tRisk"><typeRef>string</typeRef><allowedValues><text>"Low","High"</text></allowedValues></itemDefinition>
  <inputData id="i_age" name="Applicant Age"><variable name="Applicant Age" typeRef="number"/></inputData>
  <inputData id="i_risk" name="Risk"><variable name="Risk" typeRef="tRisk"/></inputData>
  <!-- <decision id="commented" name="Commented"/> -->
  <decision id="d_approval" name="Approval">
    <variable name="Approval" typeRef="string"/>
    <informationRequirement><requiredInput href="#i_age"/></informationRequirement>
    <informationRequirement><requiredInput href="#i_risk"/></informationRequirement>
    <decisionTable hitPolicy="FIRST">
      <input label="Age"><inputExpression typeRef="number"><text>Applicant Age</text></inputExpression></input>
      <input><inputExpression><text>Risk</text></inputExpression><inputValues><text>"Low","High"</text></inputValues></input>
      <output name="decision"><outputValues><text>"Yes","No"</text></outputValues><defaultOutputEntry><text>"No"</text></defaultOutputEntry></output>
      <annotation name="Why"/>
      <rule id="r1"><inputEntry><text>&gt;= 18</text></inputEntry><inputEntry><text>"Low"</text></inputEntry><outputEntry><text>"Yes"</text></outputEntry><annotationEntry><text>adult, low risk</text></annotationEntry></rule>
    </decisionTable>
  </decision>
  <decision id="d_message" name="Message">
    <variable name="Message" typeRef="string"/>
    <informationRequirement><requiredDecision href="#d_approval"/></informationRequirement>
    <knowledgeRequirement><requiredKnowledge href="#b_greet"/></knowledgeRequirement>
    <invocation>
      <literalExpression><text>Greet</text></literalExpression>
      <binding><parameter name="what"/><literalExpression><text>Approval</text></literalExpression></binding>
    </invocation>
  </decision>
  <businessKnowledgeModel id="b_greet" name="Greet">
    <variable name="Greet"/>
    <encapsulatedLogic>
      <formalParameter name="what" typeRef="string"/>
      <literalExpression><text>"Answer: " + what</text></literalExpression>
    </encapsulatedLogic>
  </businessKnowledgeModel>
</definitions>`;

const DMN11_PREFIXED = `<?xml version="1.0" encoding="UTF-8"?>
<dmn:definitions xmlns:dmn="http://www.omg.org/spec/DMN/20151101/dmn.xsd" xmlns:feel="http://www.omg.org/spec/FEEL/20140401"
    xmlns:tns="urn:old" namespace="urn:old" name="Old" id="old">
  <dmn:itemDefinition name="tAmount"><dmn:typeRef>feel:number</dmn:typeRef></dmn:itemDefinition>
  <dmn:inputData id="i_amount" name="Amount"><dmn:variable name="Amount" typeRef="tns:tAmount"/></dmn:inputData>
  <dmn:decision id="d_fee" name="Fee">
    <dmn:variable name="Fee" typeRef="feel:number"/>
    <dmn:informationRequirement><dmn:requiredInput href="#i_amount"/></dmn:informationRequirement>
    <dmn:decisionTable hitPolicy="COLLECT" aggregation="SUM">
      <dmn:input><dmn:inputExpression typeRef="feel:number"><dmn:text>Amount</dmn:text></dmn:inputExpression></dmn:input>
      <dmn:output/>
      <dmn:rule><dmn:inputEntry><dmn:text>&gt; 0</dmn:text></dmn:inputEntry><dmn:outputEntry><dmn:text>10</dmn:text></dmn:outputEntry></dmn:rule>
      <dmn:rule><dmn:inputEntry><dmn:text>&gt; 100</dmn:text></dmn:inputEntry><dmn:outputEntry><dmn:text>Amount * 0.01</dmn:text></dmn:outputEntry></dmn:rule>
    </dmn:decisionTable>
  </dmn:decision>
</dmn:definitions>`;

const IMPORTED = `<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" namespace="urn:people" name="People">
  <itemDefinition name="tPerson"><itemComponent name="name"><typeRef>string</typeRef></itemComponent></itemDefinition>
  <inputData id="p_person" name="Person"><variable name="Person" typeRef="tPerson"/></inputData>
  <decision id="p_hello" name="Hello">
    <variable name="Hello" typeRef="string"/>
    <informationRequirement><requiredInput href="#p_person"/></informationRequirement>
    <literalExpression><text>"Hello " + Person.name</text></literalExpression>
  </decision>
</definitions>`;

const IMPORTING = `<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" namespace="urn:main" name="Main">
  <import name="people" namespace="urn:people" importType="https://www.omg.org/spec/DMN/20230324/MODEL/"/>
  <decision id="m_shout" name="Shout">
    <variable name="Shout" typeRef="string"/>
    <informationRequirement><requiredDecision href="urn:people#p_hello"/></informationRequirement>
    <literalExpression><text>upper case(people.Hello) + "!"</text></literalExpression>
  </decision>
</definitions>`;

describe('DMN XML import', () => {
  it('imports DMN 1.3 with the default namespace (tables, BKMs, invocation, item definitions)', () => {
    const { model, name, namespace, warnings } = importDmn(DMN13_DEFAULT);
    expect([name, namespace, warnings]).toEqual(['Loans', 'urn:loans', []]);
    expect(model.decisions.map((d) => d.name)).toEqual(['Approval', 'Message']);
    const approval = model.decisions[0];
    expect(approval?.requirements).toEqual({ decisions: [], inputs: ['Applicant Age', 'Risk'], knowledge: [] });
    expect(approval?.logic).toMatchObject({
      kind: 'decisionTable',
      hitPolicy: 'F',
      inputs: [{ expression: 'Applicant Age', label: 'Age', typeRef: 'number' }, { expression: 'Risk', inputValues: '"Low","High"' }],
      outputs: [{ name: 'decision', outputValues: '"Yes","No"', defaultOutputEntry: '"No"' }],
      rules: [{ id: 'r1', inputEntries: ['>= 18', '"Low"'], outputEntries: ['"Yes"'], annotations: ['adult, low risk'] }],
      annotations: ['Why'],
    });
    expect(model.itemDefinitions).toEqual([{ name: 'tRisk', typeRef: 'string', allowedValues: '"Low","High"' }]);

    const compiled = compileDecisionModel(model);
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.evaluate('Message', { 'Applicant Age': 30, Risk: 'Low' }).value).toBe('Answer: Yes');
    expect(compiled.evaluate('Message', { 'Applicant Age': 10, Risk: 'Low' }).value).toBe('Answer: No');
  });

  it('imports DMN 1.1 with a prefix and QName typeRefs', () => {
    const { model, warnings } = importDmn(DMN11_PREFIXED);
    expect(warnings).toEqual([]);
    expect(model.inputData).toEqual([{ name: 'Amount', typeRef: 'tAmount' }]);
    expect(model.itemDefinitions).toEqual([{ name: 'tAmount', typeRef: 'number' }]);
    expect(model.decisions[0]).toMatchObject({ name: 'Fee', typeRef: 'number', logic: { hitPolicy: 'C', aggregation: 'SUM' } });
    const compiled = compileDecisionModel(model);
    expect(fromFeelValue(compiled.evaluate('Fee', { Amount: 1000 }).value)).toBe(20);
    expect(fromFeelValue(compiled.evaluate('Fee', { Amount: 50 }).value)).toBe(10);
  });

  it('resolves imported models by namespace, their elements under the import name', () => {
    const { model, warnings } = importDmn(IMPORTING, [IMPORTED]);
    expect(warnings).toEqual([]);
    expect(model.decisions.map((d) => [d.import, d.name])).toEqual([
      ['people', 'Hello'],
      [undefined, 'Shout'],
    ]);
    expect(model.itemDefinitions?.[0]?.name).toBe('people.tPerson');
    const compiled = compileDecisionModel(model);
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.evaluate('Shout', { 'people.Person': { name: 'Ann' } }).value).toBe('HELLO ANN!');
    expect(compiled.evaluate('Shout', { people: { Person: { name: 'Bo' } } }).value).toBe('HELLO BO!');
  });

  it('warns about a missing imported model', () => {
    expect(importDmn(IMPORTING).warnings[0]).toMatch(/not found/);
  });

  it('refuses what is not DMN XML', () => {
    expect(() => importDmn('<definitions')).toThrow(XmlError);
    expect(() => importDmn('<definitions xmlns="urn:other"/>')).toThrow(/not a DMN model/);
  });
});
