/**
 * Imports of imports (DMN 1.5, 6.3.3 and 10.4: an element of another model is named `I.E`, I the
 * import's name in the model that imports it): Main imports B as `b`, B imports C as `c`; B's FEEL
 * reads C's input data as `c.name`, and the whole model keys them `b.c.name`.
 */
import { describe, expect, it } from 'vitest';
import { compileDecisionModel } from '../evaluate.js';
import { importDmn } from './import-dmn.js';

const C = `<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" xmlns:c="urn:c" namespace="urn:c" name="C">
  <itemDefinition name="tPerson">
    <itemComponent name="first name"><typeRef>string</typeRef></itemComponent>
    <itemComponent name="age"><typeRef>number</typeRef></itemComponent>
  </itemDefinition>
  <inputData id="c_person" name="Person"><variable name="Person" typeRef="tPerson"/></inputData>
  <inputData id="c_title" name="Title"><variable name="Title" typeRef="string"/></inputData>
</definitions>`;

const B = `<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" namespace="urn:b" name="B">
  <import name="c" namespace="urn:c" importType="https://www.omg.org/spec/DMN/20230324/MODEL/"/>
  <decision id="b_greeting" name="Greeting">
    <variable name="Greeting" typeRef="string"/>
    <informationRequirement><requiredInput href="urn:c#c_person"/></informationRequirement>
    <informationRequirement><requiredInput href="urn:c#c_title"/></informationRequirement>
    <literalExpression><text>"Hello " + c.Title + " " + c.Person.first name</text></literalExpression>
  </decision>
  <decision id="b_adult" name="Adult">
    <variable name="Adult" typeRef="boolean"/>
    <informationRequirement><requiredInput href="urn:c#c_person"/></informationRequirement>
    <literalExpression><text>c.Person.age >= 18</text></literalExpression>
  </decision>
</definitions>`;

const MAIN = `<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" namespace="urn:main" name="Main">
  <import name="b" namespace="urn:b" importType="https://www.omg.org/spec/DMN/20230324/MODEL/"/>
  <decision id="m_say" name="Say">
    <variable name="Say" typeRef="string"/>
    <informationRequirement><requiredDecision href="urn:b#b_greeting"/></informationRequirement>
    <informationRequirement><requiredDecision href="urn:b#b_adult"/></informationRequirement>
    <literalExpression><text>b.Greeting + (if b.Adult then "" else " (minor)")</text></literalExpression>
  </decision>
</definitions>`;

describe('nested imports', () => {
  const imported = importDmn(MAIN, [B, C]);

  it('key the elements of an import of an import by both import names', () => {
    expect(imported.warnings).toEqual([]);
    expect(imported.model.imports).toEqual([
      { name: 'b', namespace: 'urn:b' },
      { name: 'b.c', namespace: 'urn:c' },
    ]);
    expect(imported.model.inputData?.map((i) => [i.import, i.name, i.typeRef])).toEqual([
      ['b.c', 'Person', 'b.c.tPerson'],
      ['b.c', 'Title', 'string'],
    ]);
    expect(imported.model.decisions.find((d) => d.name === 'Greeting')?.requirements?.inputs).toEqual(['b.c.Person', 'b.c.Title']);
  });

  it('evaluate: the middle model reads the inner one under its own import name', () => {
    const model = compileDecisionModel(imported.model);
    expect(model.diagnostics).toEqual([]);
    const inputs = { 'b.c.Person': { 'first name': 'Ann', age: 30 }, 'b.c.Title': 'Dr' };
    expect(model.evaluate('Say', inputs).value).toBe('Hello Dr Ann');
    expect(model.evaluate('Say', { 'b.c.Person': { 'first name': 'Bo', age: 12 }, 'b.c.Title': 'Mx' }).value).toBe('Hello Mx Bo (minor)');
    expect(model.evaluate('b.Greeting', inputs).value).toBe('Hello Dr Ann');
  });

  it('conform the inner model\'s inputs to its item definitions', () => {
    const model = compileDecisionModel(imported.model);
    const result = model.evaluate('b.Adult', { 'b.c.Person': { 'first name': 'Cy', age: 'old' } });
    expect(result.value).toBeNull();
    expect(result.warnings.map((w) => w.code)).toContain('dmn.typeMismatch');
  });

  it('cut an import cycle with a warning', () => {
    const loop = B.replace('<import name="c" namespace="urn:c"', '<import name="m" namespace="urn:main" importType="https://www.omg.org/spec/DMN/20230324/MODEL/"/>\n  <import name="c" namespace="urn:c"');
    const result = importDmn(MAIN, [loop, C]);
    expect(result.warnings.join('\n')).toMatch(/imports it back/);
  });
});
