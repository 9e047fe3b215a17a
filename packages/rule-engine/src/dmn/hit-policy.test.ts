import { describe, expect, it } from 'vitest';
import { compile, json, tableModel } from './test-helpers.js';
import type { Aggregation, HitPolicy } from './model.js';

/** x → rules: >=10 "big"(1), >=5 "medium"(2), >=0 "small"(3); outputs listed "small","medium","big". */
function graded(hitPolicy: HitPolicy, aggregation?: Aggregation, numeric = false) {
  return compile(
    tableModel({
      hitPolicy,
      ...(aggregation ? { aggregation } : {}),
      inputs: [{ expression: 'x' }],
      outputs: [numeric ? { typeRef: 'number' } : { outputValues: '"small", "medium", "big"' }],
      rules: [
        { inputEntries: ['>= 10'], outputEntries: [numeric ? '100' : '"big"'] },
        { inputEntries: ['>= 5'], outputEntries: [numeric ? '50' : '"medium"'] },
        { inputEntries: ['>= 0'], outputEntries: [numeric ? '1' : '"small"'] },
      ],
    }),
  );
}

const run = (model: ReturnType<typeof graded>, x: unknown) => model.evaluate('Result', { x });

describe('hit policies', () => {
  it('UNIQUE: one match gives its output, several give null and a warning', () => {
    const model = compile(
      tableModel({
        hitPolicy: 'U',
        inputs: [{ expression: 'x' }],
        outputs: [{}],
        rules: [
          { inputEntries: ['< 5'], outputEntries: ['"low"'] },
          { inputEntries: ['[5..10]'], outputEntries: ['"mid"'] },
          { inputEntries: ['>= 10'], outputEntries: ['"high"'] },
        ],
      }),
    );
    expect(run(model, 3).value).toBe('low');
    expect(run(model, 3).warnings).toEqual([]);
    const both = run(model, 10);
    expect(both.value).toBeNull();
    expect(both.warnings.map((w) => w.code)).toContain('dmn.hitPolicyViolation');
    expect(run(model, null).value).toBeNull();
  });

  it('ANY: matches must agree', () => {
    const model = compile(
      tableModel({
        hitPolicy: 'A',
        inputs: [{ expression: 'x' }],
        outputs: [{}],
        rules: [
          { inputEntries: ['> 0'], outputEntries: ['"positive"'] },
          { inputEntries: ['> 10'], outputEntries: ['"positive"'] },
          { inputEntries: ['> 100'], outputEntries: ['"huge"'] },
        ],
      }),
    );
    expect(run(model, 20).value).toBe('positive');
    const disagree = run(model, 200);
    expect(disagree.value).toBeNull();
    expect(disagree.warnings[0]?.code).toBe('dmn.hitPolicyViolation');
  });

  it('PRIORITY: the output first in the output values list wins', () => {
    expect(run(graded('P'), 12).value).toBe('small');
    expect(run(graded('P'), 7).value).toBe('small');
    const model = compile(
      tableModel({
        hitPolicy: 'P',
        inputs: [{ expression: 'x' }],
        outputs: [{ outputValues: '"big", "medium", "small"' }],
        rules: [
          { inputEntries: ['>= 0'], outputEntries: ['"small"'] },
          { inputEntries: ['>= 5'], outputEntries: ['"medium"'] },
          { inputEntries: ['>= 10'], outputEntries: ['"big"'] },
        ],
      }),
    );
    expect(run(model, 7).value).toBe('medium');
    expect(run(model, 12).value).toBe('big');
  });

  it('PRIORITY with several outputs compares column by column', () => {
    const model = compile(
      tableModel({
        hitPolicy: 'P',
        inputs: [{ expression: 'x' }],
        outputs: [
          { name: 'status', outputValues: '"Declined", "Approved"' },
          { name: 'rate', outputValues: '"Best", "Standard"' },
        ],
        rules: [
          { inputEntries: ['> 0'], outputEntries: ['"Approved"', '"Best"'] },
          { inputEntries: ['> 5'], outputEntries: ['"Declined"', '"Standard"'] },
          { inputEntries: ['> 5'], outputEntries: ['"Declined"', '"Best"'] },
        ],
      }),
    );
    expect(json(run(model, 3).value)).toEqual({ status: 'Approved', rate: 'Best' });
    expect(json(run(model, 6).value)).toEqual({ status: 'Declined', rate: 'Best' });
  });

  it('FIRST: the first matching rule in rule order', () => {
    expect(run(graded('F'), 12).value).toBe('big');
    expect(run(graded('F'), 7).value).toBe('medium');
    expect(run(graded('F'), -1).value).toBeNull();
  });

  it('RULE ORDER: all outputs in rule order', () => {
    expect(run(graded('R'), 12).value).toEqual(['big', 'medium', 'small']);
    expect(run(graded('R'), 1).value).toEqual(['small']);
    expect(run(graded('R'), -1).value).toEqual([]);
  });

  it('OUTPUT ORDER: all outputs by output values order', () => {
    const model = compile(
      tableModel({
        hitPolicy: 'O',
        inputs: [{ expression: 'x' }],
        outputs: [{ outputValues: '"big", "medium", "small"' }],
        rules: [
          { inputEntries: ['>= 0'], outputEntries: ['"small"'] },
          { inputEntries: ['>= 10'], outputEntries: ['"big"'] },
          { inputEntries: ['>= 5'], outputEntries: ['"medium"'] },
        ],
      }),
    );
    expect(run(model, 12).value).toEqual(['big', 'medium', 'small']);
    expect(run(model, 6).value).toEqual(['medium', 'small']);
  });

  it('COLLECT without aggregation: the list of outputs', () => {
    expect(run(graded('C'), 12).value).toEqual(['big', 'medium', 'small']);
    expect(run(graded('C'), -3).value).toEqual([]);
  });

  it('COLLECT SUM, MIN, MAX, COUNT', () => {
    expect(json(run(graded('C', 'SUM', true), 12).value)).toBe(151);
    expect(json(run(graded('C', 'MIN', true), 12).value)).toBe(1);
    expect(json(run(graded('C', 'MAX', true), 7).value)).toBe(50);
    expect(json(run(graded('C', 'COUNT', true), 7).value)).toBe(2);
    // no match: count is 0, the others null
    expect(json(run(graded('C', 'COUNT', true), -1).value)).toBe(0);
    expect(run(graded('C', 'SUM', true), -1).value).toBeNull();
    expect(run(graded('C', 'MIN', true), -1).value).toBeNull();
  });

  it('COLLECT over several outputs gives contexts; an aggregation there is null', () => {
    const table = {
      inputs: [{ expression: 'x' }],
      outputs: [{ name: 'a' }, { name: 'b' }],
      rules: [
        { inputEntries: ['> 0'], outputEntries: ['1', '"one"'] },
        { inputEntries: ['> 1'], outputEntries: ['2', '"two"'] },
      ],
    };
    expect(json(compile(tableModel({ hitPolicy: 'C', ...table })).evaluate('Result', { x: 5 }).value)).toEqual([
      { a: 1, b: 'one' },
      { a: 2, b: 'two' },
    ]);
    const aggregated = compile(tableModel({ hitPolicy: 'C', aggregation: 'SUM', ...table })).evaluate('Result', { x: 5 });
    expect(aggregated.value).toBeNull();
    expect(aggregated.warnings[0]?.code).toBe('dmn.aggregationWithManyOutputs');
  });
});

describe('decision table values', () => {
  it('no match gives the default output entries (a context for several outputs)', () => {
    const model = compile(
      tableModel({
        hitPolicy: 'U',
        inputs: [{ expression: 'x' }],
        outputs: [
          { name: 'status', defaultOutputEntry: '"Declined"' },
          { name: 'rate', defaultOutputEntry: '"Standard"' },
        ],
        rules: [{ inputEntries: ['> 0'], outputEntries: ['"Approved"', '"Best"'] }],
      }),
    );
    expect(json(model.evaluate('Result', { x: 1 }).value)).toEqual({ status: 'Approved', rate: 'Best' });
    expect(json(model.evaluate('Result', { x: -1 }).value)).toEqual({ status: 'Declined', rate: 'Standard' });
    const traced = model.evaluate('Result', { x: -1 }, { trace: true });
    expect(traced.trace?.tables[0]?.defaulted).toBe(true);
  });

  it('an input outside its input values makes the result null with a warning', () => {
    const model = compile(
      tableModel(
        {
          hitPolicy: 'F',
          inputs: [{ expression: 'risk', inputValues: '"High", "Low"' }],
          outputs: [{}],
          rules: [{ inputEntries: ['-'], outputEntries: ['"ok"'] }],
        },
        { risk: 'string' },
      ),
    );
    expect(model.evaluate('Result', { risk: 'Low' }).value).toBe('ok');
    const bad = model.evaluate('Result', { risk: 'Medium' });
    expect(bad.value).toBeNull();
    expect(bad.warnings[0]?.code).toBe('dmn.inputValueNotAllowed');
  });

  it('an output outside its output values is null with a warning', () => {
    const model = compile(
      tableModel({
        hitPolicy: 'F',
        inputs: [{ expression: 'x' }],
        outputs: [{ outputValues: '"a", "b"' }],
        rules: [
          { inputEntries: ['1'], outputEntries: ['"a"'] },
          { inputEntries: ['2'], outputEntries: ['"z"'] },
        ],
      }),
    );
    expect(model.evaluate('Result', { x: 1 }).value).toBe('a');
    const bad = model.evaluate('Result', { x: 2 });
    expect(bad.value).toBeNull();
    expect(bad.warnings[0]?.code).toBe('dmn.outputValueNotAllowed');
  });

  it('input expressions can be any FEEL, entries can read variables', () => {
    const model = compile(
      tableModel(
        {
          hitPolicy: 'F',
          inputs: [{ expression: 'Monthly Salary * 12' }, { expression: 'limit' }],
          outputs: [{}],
          rules: [
            { inputEntries: ['> limit', '-'], outputEntries: ['"above " + string(limit)'] },
            { inputEntries: ['-', '-'], outputEntries: ['"below"'] },
          ],
        },
        { 'Monthly Salary': 'number', limit: 'number' },
      ),
    );
    expect(model.evaluate('Result', { 'Monthly Salary': 1000, limit: 10000 }).value).toBe('above 10000');
    expect(model.evaluate('Result', { 'Monthly Salary': 500, limit: 10000 }).value).toBe('below');
  });

  it('the trace records inputs, matched rules and outputs; no trace unless asked', () => {
    const model = graded('R');
    expect(model.evaluate('Result', { x: 7 }).trace).toBeUndefined();
    const { trace } = model.evaluate('Result', { x: 7 }, { trace: true });
    expect(trace?.tables).toHaveLength(1);
    const table = trace?.tables[0];
    expect(table?.element).toBe('Result');
    expect(table?.hitPolicy).toBe('RULE ORDER');
    expect(table?.inputs.map(json)).toEqual([7]);
    expect(table?.matchedRules).toEqual([1, 2]);
    expect(table?.ruleOutputs).toEqual(['medium', 'small']);
    expect(table?.result).toEqual(['medium', 'small']);
    expect(trace?.decisions.map((d) => [d.element, d.kind])).toEqual([
      ['x', 'inputData'],
      ['Result', 'decision'],
    ]);
  });
});
