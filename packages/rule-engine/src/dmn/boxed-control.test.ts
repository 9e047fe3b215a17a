/**
 * DMN 1.5 boxed conditional, boxed filter and boxed iterators (10.2.1.8-10.2.1.10, metamodel
 * 10.5.6-10.5.13): any boxed expression in each part, the semantics of `if`, `list[filter]`,
 * `for`, `some` and `every`.
 */
import { describe, expect, it } from 'vitest';
import { valueToLiteral } from '../feel/values/format.js';
import { compileDecisionModel } from './evaluate.js';
import type { BoxedExpression, DecisionModel } from './model.js';
import { importDmn } from './xml/import-dmn.js';

const lit = (text: string): BoxedExpression => ({ kind: 'literalExpression', text });

function evaluate(logic: BoxedExpression, inputs: Record<string, unknown> = {}, model: Partial<DecisionModel> = {}) {
  const compiled = compileDecisionModel({
    ...model,
    inputData: [{ name: 'n', typeRef: 'number' }, { name: 'xs' }],
    decisions: [{ name: 'D', requirements: { inputs: ['n', 'xs'] }, logic }],
  });
  expect(compiled.diagnostics).toEqual([]);
  const result = compiled.evaluate('D', inputs);
  return { value: valueToLiteral(result.value), warnings: result.warnings.map((w) => w.code) };
}

describe('boxed conditional', () => {
  const conditional: BoxedExpression = {
    kind: 'conditional',
    if: lit('n > 10'),
    then: {
      kind: 'decisionTable',
      hitPolicy: 'U',
      inputs: [{ expression: 'n' }],
      outputs: [{}],
      rules: [
        { inputEntries: ['<= 100'], outputEntries: ['"big"'] },
        { inputEntries: ['> 100'], outputEntries: ['"huge"'] },
      ],
    },
    else: lit('"small"'),
  };

  it('evaluates then when if is true, else otherwise (null included)', () => {
    expect(evaluate(conditional, { n: 50 }).value).toBe('"big"');
    expect(evaluate(conditional, { n: 500 }).value).toBe('"huge"');
    expect(evaluate(conditional, { n: 5 }).value).toBe('"small"');
    expect(evaluate(conditional, {}).value).toBe('"small"');
  });

  it('evaluates only the branch it takes, and conforms to its typeRef', () => {
    expect(evaluate({ kind: 'conditional', if: lit('true'), then: lit('1'), else: lit('1 / 0') }).warnings).toEqual([]);
    expect(evaluate({ kind: 'conditional', typeRef: 'number', if: lit('false'), then: lit('1'), else: lit('"x"') })).toEqual({
      value: 'null',
      warnings: ['dmn.typeMismatch'],
    });
  });
});

describe('boxed filter', () => {
  it('keeps the items the match is true for, reading item and context entries', () => {
    expect(evaluate({ kind: 'filter', in: lit('[1, 5, 12, 7]'), match: lit('item > n') }, { n: 6 }).value).toBe('[12, 7]');
    const people = lit('[{name: "a", age: 30}, {name: "b", age: 15}, {name: "c", age: null}]');
    expect(evaluate({ kind: 'filter', in: people, match: lit('age >= 18') }).value).toBe('[{name: "a", age: 30}]');
    expect(evaluate({ kind: 'filter', in: people, match: lit('item.age < 18') }).value).toBe('[{name: "b", age: 15}]');
  });

  it('takes a single value as a singleton list, a number as a position, and boxed parts', () => {
    expect(evaluate({ kind: 'filter', in: lit('3'), match: lit('item > 2') }).value).toBe('[3]');
    expect(evaluate({ kind: 'filter', in: lit('[10, 20, 30]'), match: lit('-1') }).value).toBe('30');
    expect(evaluate({ kind: 'filter', in: { kind: 'list', items: [lit('1'), lit('2'), lit('3')] }, match: lit('odd(item)') }).value).toBe('[1, 3]');
    expect(evaluate({ kind: 'filter', in: lit('null'), match: lit('true') }).value).toBe('null');
  });
});

describe('boxed iterators', () => {
  it('for: return per item of a list or a range, with partial', () => {
    expect(evaluate({ kind: 'for', iteratorVariable: 'x', in: lit('xs'), return: lit('x * n') }, { n: 2, xs: [1, 2, 3] }).value).toBe('[2, 4, 6]');
    expect(evaluate({ kind: 'for', iteratorVariable: 'i', in: lit('[3..1]'), return: lit('i') }).value).toBe('[3, 2, 1]');
    expect(evaluate({ kind: 'for', iteratorVariable: 'd', in: lit('[@"2021-01-30"..@"2021-02-01"]'), return: lit('string(d)') }).value).toBe(
      '["2021-01-30", "2021-01-31", "2021-02-01"]',
    );
    expect(evaluate({ kind: 'for', iteratorVariable: 'i', in: lit('[1..5]'), return: lit('if i = 1 then 1 else i * partial[-1]') }).value).toBe('[1, 2, 6, 24, 120]');
    expect(evaluate({ kind: 'for', iteratorVariable: 'x', in: lit('null'), return: lit('x') })).toEqual({ value: 'null', warnings: ['invalidIteration'] });
  });

  it('for: the return part may be any boxed expression, the variable a multi-word name', () => {
    const each: BoxedExpression = {
      kind: 'for',
      iteratorVariable: 'loan amount',
      in: lit('xs'),
      return: { kind: 'context', entries: [{ name: 'amount', value: lit('loan amount') }, { name: 'fee', value: lit('loan amount * 0.01') }] },
    };
    expect(evaluate(each, { xs: [100, 200] }).value).toBe('[{amount: 100, fee: 1}, {amount: 200, fee: 2}]');
  });

  it('some and every: ternary logic over the items', () => {
    const quantified = (kind: 'some' | 'every', satisfies: string) => evaluate({ kind, iteratorVariable: 'x', in: lit('xs'), satisfies: lit(satisfies) }, { xs: [1, 5, null] });
    expect(quantified('some', 'x > 4').value).toBe('true');
    expect(quantified('some', 'x > 9').value).toBe('null');
    expect(quantified('every', 'x > 2').value).toBe('false');
    expect(quantified('every', 'x > 0').value).toBe('null');
    expect(evaluate({ kind: 'every', iteratorVariable: 'x', in: lit('[]'), satisfies: lit('false') }).value).toBe('true');
    expect(evaluate({ kind: 'some', iteratorVariable: 'x', in: lit('[]'), satisfies: lit('true') }).value).toBe('false');
  });
});

const XML = `<definitions xmlns="https://www.omg.org/spec/DMN/20230324/MODEL/" namespace="urn:boxed" name="boxed">
  <inputData id="i_scores" name="Scores"><variable name="Scores" typeRef="tScores"/></inputData>
  <itemDefinition name="tScores" isCollection="true"><typeRef>number</typeRef></itemDefinition>
  <businessKnowledgeModel id="b_grade" name="grade">
    <encapsulatedLogic>
      <formalParameter name="score" typeRef="number"/>
      <literalExpression><text>if score >= 50 then "pass" else "fail"</text></literalExpression>
    </encapsulatedLogic>
  </businessKnowledgeModel>
  <decision id="d_grades" name="Grades">
    <variable name="Grades" typeRef="string"/>
    <informationRequirement><requiredInput href="#i_scores"/></informationRequirement>
    <knowledgeRequirement><requiredKnowledge href="#b_grade"/></knowledgeRequirement>
    <for iteratorVariable="s">
      <in><literalExpression><text>Scores</text></literalExpression></in>
      <return>
        <invocation>
          <literalExpression><text>grade</text></literalExpression>
          <binding><parameter name="score"/><literalExpression><text>s</text></literalExpression></binding>
        </invocation>
      </return>
    </for>
  </decision>
  <decision id="d_passed" name="Passed">
    <informationRequirement><requiredInput href="#i_scores"/></informationRequirement>
    <filter>
      <in><literalExpression><text>Scores</text></literalExpression></in>
      <match><literalExpression><text>item >= 50</text></literalExpression></match>
    </filter>
  </decision>
  <decision id="d_verdict" name="Verdict">
    <informationRequirement><requiredInput href="#i_scores"/></informationRequirement>
    <conditional>
      <if><every iteratorVariable="s"><in><literalExpression><text>Scores</text></literalExpression></in><satisfies><literalExpression><text>s >= 50</text></literalExpression></satisfies></every></if>
      <then><literalExpression><text>"all passed"</text></literalExpression></then>
      <else>
        <conditional>
          <if><some iteratorVariable="s"><in><literalExpression><text>Scores</text></literalExpression></in><satisfies><literalExpression><text>s >= 50</text></literalExpression></satisfies></some></if>
          <then><literalExpression><text>"some passed"</text></literalExpression></then>
          <else><literalExpression><text>"none passed"</text></literalExpression></else>
        </conditional>
      </else>
    </conditional>
  </decision>
</definitions>`;

describe('boxed conditional, filter and iterators from DMN XML', () => {
  const imported = importDmn(XML);
  const model = compileDecisionModel(imported.model);

  it('import as native boxed expressions, nesting any boxed expression', () => {
    expect(imported.warnings).toEqual([]);
    expect(model.diagnostics).toEqual([]);
    expect(imported.model.decisions[0]?.logic).toMatchObject({ kind: 'for', iteratorVariable: 's', return: { kind: 'invocation', function: 'grade' } });
    expect(imported.model.decisions[2]?.logic).toMatchObject({ kind: 'conditional', if: { kind: 'every' }, else: { kind: 'conditional', if: { kind: 'some' } } });
  });

  it('evaluate', () => {
    // Grades is typed string: the list of grades is not a string, and conforms only when single
    expect(model.evaluate('Grades', { Scores: [70] }).value).toBe('pass');
    expect(model.evaluate('Grades', { Scores: [70, 20] }).value).toBeNull();
    expect(valueToLiteral(model.evaluate('Passed', { Scores: [70, 20, 50] }).value)).toBe('[70, 50]');
    expect(model.evaluate('Verdict', { Scores: [70, 60] }).value).toBe('all passed');
    expect(model.evaluate('Verdict', { Scores: [70, 20] }).value).toBe('some passed');
    expect(model.evaluate('Verdict', { Scores: [10, 20] }).value).toBe('none passed');
  });
});

describe('the decision artifact schema', () => {
  it('accepts the boxed conditional, filter and iterators, and refuses them incomplete', async () => {
    const { Ajv } = await import('ajv');
    const { decisionArtifactSchema } = await import('./model.js');
    const validate = new Ajv({ strict: true, allErrors: true }).compile(decisionArtifactSchema);
    const artifact = (logic: unknown) => ({ kind: 'decision', key: 'boxed', title: 'Boxed', decisions: [{ name: 'D', logic }] });
    const good: BoxedExpression[] = [
      { kind: 'conditional', if: lit('true'), then: lit('1'), else: lit('2') },
      { kind: 'filter', in: lit('[1]'), match: lit('item > 0'), typeRef: 'list<number>' },
      { kind: 'for', iteratorVariable: 'x', in: lit('[1]'), return: { kind: 'list', items: [lit('x')] } },
      { kind: 'some', iteratorVariable: 'x', in: lit('[1]'), satisfies: lit('x > 0') },
      { kind: 'every', iteratorVariable: 'x', in: lit('[1]'), satisfies: lit('x > 0') },
    ];
    for (const logic of good) expect(validate(artifact(logic)), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(artifact({ kind: 'conditional', if: lit('true'), then: lit('1') }))).toBe(false);
    expect(validate(artifact({ kind: 'for', in: lit('[1]'), return: lit('1') }))).toBe(false);
  });
});
