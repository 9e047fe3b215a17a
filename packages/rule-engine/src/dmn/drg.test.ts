import { describe, expect, it } from 'vitest';
import { FeelDecimal, FeelFunction } from '../feel/values/feel-value.js';
import { compileDecisionModel } from './evaluate.js';
import { compile, json } from './test-helpers.js';
import type { DecisionModel } from './model.js';

/** Base ← input; Double and Triple read Base; Sum reads Double and Triple. */
const diamond: DecisionModel = {
  inputData: [{ name: 'Amount', typeRef: 'number' }, { name: 'Probe', typeRef: 'function' }],
  decisions: [
    { name: 'Base', typeRef: 'number', requirements: { inputs: ['Amount', 'Probe'] }, logic: { kind: 'literalExpression', text: 'Amount + Probe()' } },
    { name: 'Double', requirements: { decisions: ['Base'] }, logic: { kind: 'literalExpression', text: 'Base * 2' } },
    { name: 'Triple', requirements: { decisions: ['Base'] }, logic: { kind: 'literalExpression', text: 'Base * 3' } },
    { name: 'Sum', requirements: { decisions: ['Double', 'Triple'] }, logic: { kind: 'literalExpression', text: 'Double + Triple' } },
    { name: 'Unrelated', requirements: { inputs: ['Probe'] }, logic: { kind: 'literalExpression', text: 'Probe() * 1000' } },
  ],
};

function probe(): { fn: FeelFunction; calls: () => number } {
  let calls = 0;
  return {
    fn: new FeelFunction('probe', [], () => {
      calls++;
      return new FeelDecimal(0);
    }),
    calls: () => calls,
  };
}

describe('decision requirements graph', () => {
  it('evaluates each required decision once (memo) and only what is needed', () => {
    const model = compile(diamond);
    const p = probe();
    const result = model.evaluate('Sum', { Amount: 10, Probe: p.fn }, { trace: true });
    expect(json(result.value)).toBe(50);
    expect(p.calls()).toBe(1);
    const order = result.trace?.decisions.filter((d) => d.kind === 'decision').map((d) => d.element);
    expect(order).toEqual(['Base', 'Double', 'Triple', 'Sum']);
    expect(order).not.toContain('Unrelated');
  });

  it('an input named like a decision overrides it', () => {
    const model = compile(diamond);
    const p = probe();
    const result = model.evaluate('Sum', { Base: 1, Probe: p.fn }, { trace: true });
    expect(json(result.value)).toBe(5);
    expect(p.calls()).toBe(0);
    expect(result.trace?.decisions.find((d) => d.element === 'Base')?.kind).toBe('override');
  });

  it('unknown decisions throw; missing inputs are null', () => {
    const model = compile(diamond);
    expect(() => model.evaluate('Nope')).toThrow(/no decision named "Nope"/);
    expect(model.evaluate('Double', { Probe: probe().fn }).value).toBeNull();
  });

  it('invokes BKMs from literal expressions and boxed invocations, BKMs calling BKMs', () => {
    const model = compile({
      inputData: [{ name: 'Loan Amount', typeRef: 'number' }],
      businessKnowledgeModels: [
        { name: 'Fee', parameters: [{ name: 'amount', typeRef: 'number' }], body: { kind: 'literalExpression', text: 'amount * 0.01' } },
        {
          name: 'Total',
          parameters: [{ name: 'amount', typeRef: 'number' }],
          requirements: { knowledge: ['Fee'] },
          body: { kind: 'literalExpression', text: 'amount + Fee(amount)' },
        },
      ],
      decisions: [
        {
          name: 'Literal',
          requirements: { inputs: ['Loan Amount'], knowledge: ['Total'] },
          logic: { kind: 'literalExpression', text: 'Total(Loan Amount)' },
        },
        {
          name: 'Boxed',
          requirements: { inputs: ['Loan Amount'], knowledge: ['Total'] },
          logic: {
            kind: 'invocation',
            function: 'Total',
            bindings: [{ name: 'amount', value: { kind: 'literalExpression', text: 'Loan Amount * 2' } }],
          },
        },
      ],
    });
    expect(json(model.evaluate('Literal', { 'Loan Amount': 1000 }).value)).toBe(1010);
    expect(json(model.evaluate('Boxed', { 'Loan Amount': 1000 }).value)).toBe(2020);
  });

  it('evaluates contexts, relations, lists and function definitions', () => {
    const model = compile({
      decisions: [
        {
          name: 'Ctx',
          logic: {
            kind: 'context',
            entries: [
              { name: 'a', value: { kind: 'literalExpression', text: '1' } },
              { name: 'double', value: { kind: 'functionDefinition', parameters: [{ name: 'v' }], body: { kind: 'literalExpression', text: 'v * 2' } } },
              { name: 'b', value: { kind: 'literalExpression', text: 'double(a) + 1' } },
            ],
          },
        },
        {
          name: 'Final',
          logic: {
            kind: 'context',
            entries: [
              { name: 'rows', value: { kind: 'relation', columns: [{ name: 'n' }], rows: [[{ kind: 'literalExpression', text: '1' }], [{ kind: 'literalExpression', text: '2' }]] } },
              { value: { kind: 'list', items: [{ kind: 'literalExpression', text: 'rows[1].n' }, { kind: 'literalExpression', text: 'count(rows)' }] } },
            ],
          },
        },
      ],
    });
    const ctx = json(model.evaluate('Ctx').value) as Record<string, unknown>;
    expect(ctx.a).toBe(1);
    expect(ctx.b).toBe(3);
    expect(json(model.evaluate('Final').value)).toEqual([1, 2]);
  });

  it('evaluates decision services, alone and invoked as functions', () => {
    const model = compile({
      inputData: [{ name: 'Rate', typeRef: 'number' }],
      decisions: [
        { name: 'Principal', logic: { kind: 'literalExpression', text: '1000' } },
        { name: 'Interest', requirements: { decisions: ['Principal'], inputs: ['Rate'] }, logic: { kind: 'literalExpression', text: 'Principal * Rate' } },
        { name: 'Total', requirements: { decisions: ['Principal', 'Interest'] }, logic: { kind: 'literalExpression', text: 'Principal + Interest' } },
        { name: 'Caller', requirements: { knowledge: ['Pricing'] }, logic: { kind: 'literalExpression', text: 'Pricing(0.5, 500).Total' } },
      ],
      decisionServices: [
        { name: 'Pricing', outputDecisions: ['Interest', 'Total'], encapsulatedDecisions: [], inputDecisions: ['Principal'], inputData: ['Rate'] },
      ],
    });
    expect(json(model.evaluateService('Pricing', { Principal: 200, Rate: 0.1 }).value)).toEqual({ Interest: 20, Total: 220 });
    expect(json(model.evaluate('Caller').value)).toBe(750);
  });

  it('reports FEEL that does not compile as diagnostics and evaluates it to null', () => {
    const model = {
      decisions: [{ name: 'Broken', logic: { kind: 'literalExpression', text: '1 +* 2' } }],
    } satisfies DecisionModel;
    const compiled = compileDecisionModel(model);
    expect(compiled.diagnostics).toHaveLength(1);
    expect(compiled.diagnostics[0]?.element).toBe('Broken');
    const result = compiled.evaluate('Broken');
    expect(result.value).toBeNull();
    expect(result.warnings[0]?.code).toBe('dmn.compileError');
  });
});
