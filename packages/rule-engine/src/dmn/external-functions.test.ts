/**
 * Externally defined functions (DMN 1.5, 10.3.2.13.3: `function(...) external {java: ...}`, boxed
 * function definitions and BKMs of kind Java or PMML). This engine runs FEEL in JavaScript and
 * cannot call them: each gives a clear problem naming the method, never a made-up value.
 */
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../feel/compile.js';
import { compileDecisionModel } from './evaluate.js';
import { importDmn } from './xml/import-dmn.js';

const MAX = 'function(a, b) external {java: {class: "java.lang.Math", method signature: "max(int, int)"}}';

describe('external functions in FEEL', () => {
  it('compile, and each invocation is null with a warning naming the Java method', () => {
    const r = compileExpression(`{maxi: ${MAX}, result: maxi(1, 2)}.result`).evaluate({});
    expect(r.value).toBeNull();
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]?.code).toBe('externalFunction');
    expect(r.warnings[0]?.message).toContain('java.lang.Math.max(int, int)');
  });

  it('are function values until invoked', () => {
    expect(compileExpression(`(${MAX}) instance of function<Any, Any>->Any`).evaluate({}).value).toBe(true);
    expect(compileExpression(`(${MAX}) != null`).evaluate({}).value).toBe(true);
  });

  it('name a PMML model too', () => {
    const r = compileExpression('(function(x) external {pmml: {document: "risk.pmml", model: "score"}})(1)').evaluate({});
    expect(r.value).toBeNull();
    expect(r.warnings[0]?.message).toMatch(/PMML model "score" of document "risk.pmml"/);
  });
});

describe('external functions in a decision model', () => {
  it('are a compile diagnostic naming the method, and null with a warning at evaluation', () => {
    const model = compileDecisionModel({
      decisions: [{ name: 'Max', logic: { kind: 'literalExpression', text: `{f: ${MAX}}.f(3, 4)` } }],
    });
    expect(model.diagnostics).toHaveLength(1);
    expect(model.diagnostics[0]?.message).toContain('Java method java.lang.Math.max(int, int)');
    const result = model.evaluate('Max', {});
    expect(result.value).toBeNull();
    expect(result.warnings.map((w) => w.code)).toEqual(['externalFunction']);
  });

  const XML = `<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" namespace="urn:x" name="x">
  <decision id="d_boxed" name="Boxed">
    <context>
      <contextEntry><variable name="max"/>
        <functionDefinition kind="Java">
          <formalParameter name="a" typeRef="number"/><formalParameter name="b" typeRef="number"/>
          <context>
            <contextEntry><variable name="class"/><literalExpression><text>"java.lang.Math"</text></literalExpression></contextEntry>
            <contextEntry><variable name="method signature"/><literalExpression><text>"max(int,int)"</text></literalExpression></contextEntry>
          </context>
        </functionDefinition>
      </contextEntry>
      <contextEntry><literalExpression><text>max(1, 2)</text></literalExpression></contextEntry>
    </context>
  </decision>
  <decision id="d_bkm" name="Via BKM">
    <knowledgeRequirement><requiredKnowledge href="#b_cos"/></knowledgeRequirement>
    <literalExpression><text>cosine(0)</text></literalExpression>
  </decision>
  <businessKnowledgeModel id="b_cos" name="cosine">
    <encapsulatedLogic kind="Java">
      <formalParameter name="angle" typeRef="number"/>
      <context>
        <contextEntry><variable name="class"/><literalExpression><text>"java.lang.Math"</text></literalExpression></contextEntry>
        <contextEntry><variable name="method signature"/><literalExpression><text>"cos(double)"</text></literalExpression></contextEntry>
      </context>
    </encapsulatedLogic>
  </businessKnowledgeModel>
</definitions>`;

  it('from DMN XML: boxed Java function definitions and Java BKMs name their method', () => {
    const imported = importDmn(XML);
    expect(imported.warnings.join('\n')).toMatch(/Java functions cannot run/);
    const model = compileDecisionModel(imported.model);
    expect(model.diagnostics.map((d) => d.message).join('\n')).toContain('java.lang.Math.max(int,int)');
    expect(model.diagnostics.map((d) => d.message).join('\n')).toContain('java.lang.Math.cos(double)');
    const boxed = model.evaluate('Boxed', {});
    expect(boxed.value).toBeNull();
    expect(boxed.warnings[0]?.message).toContain('java.lang.Math.max(int,int)');
    const bkm = model.evaluate('Via BKM', {});
    expect(bkm.value).toBeNull();
    expect(bkm.warnings[0]?.message).toContain('java.lang.Math.cos(double)');
  });
});
