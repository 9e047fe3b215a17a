/**
 * Invocable elements (DMN 1.5, 10.4 and 10.2.1.7): a decision service is `function(input data...,
 * input decisions...)` over its encapsulated and output decisions; a BKM whose logic is a decision
 * table without formal parameters takes the table's input expressions as its parameters.
 */
import { describe, expect, it } from 'vitest';
import { valueToLiteral } from '../feel/values/format.js';
import { compileDecisionModel } from './evaluate.js';
import { importDmn } from './xml/import-dmn.js';

const SERVICES = `<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" namespace="urn:s" name="s">
  <inputData id="i_rate" name="Rate"><variable name="Rate" typeRef="number"/></inputData>
  <inputData id="i_years" name="Years"><variable name="Years" typeRef="number"/></inputData>
  <decision id="d_principal" name="Principal"><variable name="Principal" typeRef="number"/>
    <literalExpression><text>1000</text></literalExpression></decision>
  <decision id="d_interest" name="Interest"><variable name="Interest" typeRef="number"/>
    <informationRequirement><requiredDecision href="#d_principal"/></informationRequirement>
    <informationRequirement><requiredInput href="#i_rate"/></informationRequirement>
    <informationRequirement><requiredInput href="#i_years"/></informationRequirement>
    <literalExpression><text>Principal * Rate * Years</text></literalExpression></decision>
  <decision id="d_total" name="Total"><variable name="Total" typeRef="number"/>
    <informationRequirement><requiredDecision href="#d_principal"/></informationRequirement>
    <informationRequirement><requiredDecision href="#d_interest"/></informationRequirement>
    <literalExpression><text>Principal + Interest</text></literalExpression></decision>
  <decisionService id="s_one" name="Total only">
    <variable name="Total only" typeRef="number"/>
    <outputDecision href="#d_total"/><encapsulatedDecision href="#d_interest"/>
    <inputDecision href="#d_principal"/><inputData href="#i_rate"/><inputData href="#i_years"/>
  </decisionService>
  <decisionService id="s_both" name="Both">
    <outputDecision href="#d_interest"/><outputDecision href="#d_total"/>
    <inputDecision href="#d_principal"/><inputData href="#i_rate"/><inputData href="#i_years"/>
  </decisionService>
  <decision id="d_positional" name="Positional">
    <knowledgeRequirement><requiredKnowledge href="#s_one"/></knowledgeRequirement>
    <literalExpression><text>Total only(0.1, 2, 500)</text></literalExpression></decision>
  <decision id="d_named" name="Named">
    <knowledgeRequirement><requiredKnowledge href="#s_both"/></knowledgeRequirement>
    <literalExpression><text>Both(Principal: 200, Rate: 0.5, Years: 1)</text></literalExpression></decision>
  <decision id="d_boxed" name="Boxed">
    <knowledgeRequirement><requiredKnowledge href="#s_one"/></knowledgeRequirement>
    <invocation>
      <literalExpression><text>Total only</text></literalExpression>
      <binding><parameter name="Principal"/><literalExpression><text>100</text></literalExpression></binding>
      <binding><parameter name="Rate"/><literalExpression><text>0.1</text></literalExpression></binding>
      <binding><parameter name="Years"/><literalExpression><text>10</text></literalExpression></binding>
    </invocation></decision>
  <decision id="d_missing" name="Missing input decision">
    <knowledgeRequirement><requiredKnowledge href="#s_one"/></knowledgeRequirement>
    <literalExpression><text>Total only(Rate: 0.1, Years: 1)</text></literalExpression></decision>
</definitions>`;

describe('decision services as functions', () => {
  const model = compileDecisionModel(importDmn(SERVICES).model);

  it('compile cleanly', () => {
    expect(model.diagnostics).toEqual([]);
  });

  it('take their input data first, then their input decisions, positionally', () => {
    expect(valueToLiteral(model.evaluate('Positional', {}).value)).toBe('600');
  });

  it('take named arguments; several output decisions answer a context', () => {
    expect(valueToLiteral(model.evaluate('Named', {}).value)).toBe('{Interest: 100, Total: 300}');
    expect(valueToLiteral(model.evaluate('Boxed', {}).value)).toBe('200');
  });

  it('never evaluate an input decision inside the service: not supplied, it is null', () => {
    expect(model.evaluate('Missing input decision', {}).value).toBeNull();
  });

  it('evaluate alone with their inputs given by name', () => {
    expect(valueToLiteral(model.evaluateService('Total only', { Principal: 1000, Rate: 0.05, Years: 2 }).value)).toBe('1100');
    expect(valueToLiteral(model.evaluateService('Both', { Principal: 10, Rate: 1, Years: 1 }).value)).toBe('{Interest: 10, Total: 20}');
    // the encapsulated decisions are evaluated afresh, never taken from the inputs
    expect(valueToLiteral(model.evaluateService('Total only', { Principal: 1000, Rate: 0, Years: 1, Interest: 5 }).value)).toBe('1000');
  });

  it('conform their result to their type', () => {
    const typed = compileDecisionModel({
      decisions: [{ name: 'Text', logic: { kind: 'literalExpression', text: '"x"' } }],
      decisionServices: [{ name: 'Numeric', typeRef: 'number', outputDecisions: ['Text'] }],
    });
    const result = typed.evaluateService('Numeric', {});
    expect(result.value).toBeNull();
    expect(result.warnings.map((w) => w.code)).toEqual(['dmn.typeMismatch']);
  });
});

const IMPLICIT = `<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" namespace="urn:b" name="b">
  <inputData id="i_age" name="Applicant Age"><variable name="Applicant Age" typeRef="number"/></inputData>
  <inputData id="i_score" name="Score"><variable name="Score" typeRef="number"/></inputData>
  <businessKnowledgeModel id="b_risk" name="Risk Table">
    <encapsulatedLogic>
      <decisionTable hitPolicy="FIRST">
        <input><inputExpression typeRef="number"><text>Age</text></inputExpression></input>
        <input><inputExpression typeRef="number"><text>Credit Score</text></inputExpression></input>
        <output typeRef="string"/>
        <rule><inputEntry><text>&lt; 25</text></inputEntry><inputEntry><text>-</text></inputEntry><outputEntry><text>"High"</text></outputEntry></rule>
        <rule><inputEntry><text>-</text></inputEntry><inputEntry><text>&lt; 600</text></inputEntry><outputEntry><text>"Medium"</text></outputEntry></rule>
        <rule><inputEntry><text>-</text></inputEntry><inputEntry><text>-</text></inputEntry><outputEntry><text>"Low"</text></outputEntry></rule>
      </decisionTable>
    </encapsulatedLogic>
  </businessKnowledgeModel>
  <decision id="d_boxed" name="By binding">
    <informationRequirement><requiredInput href="#i_age"/></informationRequirement>
    <informationRequirement><requiredInput href="#i_score"/></informationRequirement>
    <knowledgeRequirement><requiredKnowledge href="#b_risk"/></knowledgeRequirement>
    <invocation>
      <literalExpression><text>Risk Table</text></literalExpression>
      <binding><parameter name="Age"/><literalExpression><text>Applicant Age</text></literalExpression></binding>
      <binding><parameter name="Credit Score"/><literalExpression><text>Score</text></literalExpression></binding>
    </invocation>
  </decision>
  <decision id="d_literal" name="Positional">
    <informationRequirement><requiredInput href="#i_age"/></informationRequirement>
    <informationRequirement><requiredInput href="#i_score"/></informationRequirement>
    <knowledgeRequirement><requiredKnowledge href="#b_risk"/></knowledgeRequirement>
    <literalExpression><text>Risk Table(Applicant Age, Score)</text></literalExpression>
  </decision>
</definitions>`;

describe('a BKM whose logic is a decision table without formal parameters', () => {
  const model = compileDecisionModel(importDmn(IMPLICIT).model);

  it('takes the input expressions as its parameters, by name and by position', () => {
    expect(model.diagnostics).toEqual([]);
    expect(model.evaluate('By binding', { 'Applicant Age': 20, Score: 700 }).value).toBe('High');
    expect(model.evaluate('By binding', { 'Applicant Age': 40, Score: 500 }).value).toBe('Medium');
    expect(model.evaluate('Positional', { 'Applicant Age': 40, Score: 700 }).value).toBe('Low');
    expect(model.evaluate('Positional', { 'Applicant Age': 40, Score: 550 }).value).toBe('Medium');
  });
});
