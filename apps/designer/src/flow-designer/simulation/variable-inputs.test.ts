// @vitest-environment node
import { loanApprovalFlow } from '@bankforge/example-bank-crm';
import type { FlowVariable } from '@bankforge/flow-engine';
import { describe, expect, it } from 'vitest';
import { instantToZoned, zonedToInstant } from './sim-time.js';
import { looseValue } from './start-draft.js';
import { entriesFromRecord, parseVariable, parseVariables, variablesSetBySteps } from './variable-inputs.js';

const v = (type: FlowVariable['type'], required = false): FlowVariable => ({ name: 'x', type, required });

describe('the case values an analyst types', () => {
  it('reads each type as the engine takes it: money as exact decimal text, separators dropped', () => {
    expect(parseVariable(v('money'), '1,500,000.00')).toEqual({ value: '1500000.00' });
    expect(parseVariable(v('number'), ' 780 ')).toEqual({ value: 780 });
    expect(parseVariable(v('number'), '7e2')).toEqual({ error: 'number' });
    expect(parseVariable(v('boolean'), 'true')).toEqual({ value: true });
    expect(parseVariable(v('date'), '2026-03-06')).toEqual({ value: '2026-03-06' });
    expect(parseVariable(v('dateTime'), '2026-03-06T16:00')).toEqual({ value: '2026-03-06T16:00:00' });
    expect(parseVariable(v('list'), '[1, 2]')).toEqual({ value: [1, 2] });
    expect(parseVariable(v('context'), '[1]')).toEqual({ error: 'context' });
    expect(parseVariable(v('string'), '  Van ')).toEqual({ value: '  Van ' });
  });

  it('leaves an empty entry out (its default applies), unless the flow requires it', () => {
    expect(parseVariable(v('money'), '')).toEqual({});
    expect(parseVariable(v('money', true), ' ')).toEqual({ error: 'required' });
    expect(parseVariables(loanApprovalFlow.variables, { amount: '300000', purpose: '' })).toEqual({ values: { amount: '300000' }, errors: { creditScore: 'required', annualIncome: 'required' } });
  });

  it('reads a record through the flow’s binding, a money field as its amount', () => {
    const record = { id: 'r1', amount: { amount: '250000.00', currency: 'CNY' }, credit_score: 700, annual_income: null, purpose: 'Van' };
    expect(entriesFromRecord(loanApprovalFlow, record)).toEqual({ amount: '250000.00', creditScore: '700', purpose: 'Van' });
  });

  it('knows which variables the steps set', () => {
    expect([...variablesSetBySteps(loanApprovalFlow)]).toEqual([['score', 'scoring'], ['recommendation', 'scoring']]);
  });

  it('reads a decision output entered by hand loosely', () => {
    expect([looseValue('80'), looseValue('approve'), looseValue('false'), looseValue('{"a": 1}'), looseValue('{oops')]).toEqual([80, 'approve', false, { a: 1 }, '{oops']);
  });
});

describe('the bank’s clock', () => {
  it('reads and shows a wall-clock time in the calendar’s zone, whatever the machine’s', () => {
    expect(zonedToInstant('2026-03-06T16:00', 'Asia/Shanghai')).toBe('2026-03-06T08:00:00.000Z');
    expect(instantToZoned('2026-03-06T08:00:00.000Z', 'Asia/Shanghai')).toBe('2026-03-06T16:00');
    // Across a daylight-saving change: New York's 09:00 on 9 March 2026 is EDT (UTC-4).
    expect(zonedToInstant('2026-03-09T09:00', 'America/New_York')).toBe('2026-03-09T13:00:00.000Z');
    expect(zonedToInstant('6 March', 'Asia/Shanghai')).toBeUndefined();
  });
});
