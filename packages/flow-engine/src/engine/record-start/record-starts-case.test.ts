import { describe, expect, it } from 'vitest';
import type { FlowDefinition, RecordStartTrigger } from '../../definition/flow-definition.js';
import { approval, edge, node } from '../../definition/sample-flows.js';
import { validateFlowDefinition } from '../../definition/validate-flow.js';
import { recordStartsCase } from './record-starts-case.js';

const NOW = '2026-12-07T02:00:00Z';

function flowStartingOn(startOn: RecordStartTrigger): FlowDefinition {
  return {
    kind: 'flow',
    key: 'large_deposit_review',
    title: 'Large deposit review',
    schemaVersion: 1,
    entity: 'account',
    variables: [
      { name: 'balance', type: 'money' },
      { name: 'segment', type: 'string' },
    ],
    record: { variables: { balance: 'balance', segment: 'segment' }, startOn },
    nodes: [node('start', 'start'), approval('review'), node('end', 'end')],
    edges: [edge('e1', 'start', 'review'), edge('e2', 'review', 'end')],
  };
}

describe('recordStartsCase', () => {
  it('starts on every new record when startOn.created, and never on an update without a condition', () => {
    const flow = flowStartingOn({ created: true });
    expect(recordStartsCase(flow, null, { balance: '10.00' }, NOW)).toBe(true);
    expect(recordStartsCase(flow, { balance: '10.00' }, { balance: '20.00' }, NOW)).toBe(false);
  });

  it('starts when the condition becomes true: money compares as its exact amount, not as text', () => {
    const flow = flowStartingOn({ condition: 'balance >= 1000000 and segment = "retail"' });
    expect(recordStartsCase(flow, null, { balance: '1000000.00', segment: 'retail' }, NOW)).toBe(true);
    expect(recordStartsCase(flow, null, { balance: '999999.99', segment: 'retail' }, NOW)).toBe(false);
    expect(recordStartsCase(flow, { balance: '999999.99', segment: 'retail' }, { balance: '1200000.00', segment: 'retail' }, NOW)).toBe(true);
    // Already true before the write: it does not become true, so no second case.
    expect(recordStartsCase(flow, { balance: '1100000.00', segment: 'retail' }, { balance: '1200000.00', segment: 'retail' }, NOW)).toBe(false);
    // A missing value compares as null: the condition does not hold.
    expect(recordStartsCase(flow, { segment: 'retail' }, { segment: 'retail' }, NOW)).toBe(false);
  });

  it('reads today() at the given time, and a flow without startOn never starts by itself', () => {
    const flow = flowStartingOn({ condition: 'today() = date("2026-12-07") and balance > 0' });
    expect(recordStartsCase(flow, null, { balance: '1.00' }, NOW)).toBe(true);
    expect(recordStartsCase(flow, null, { balance: '1.00' }, '2026-12-08T02:00:00Z')).toBe(false);
    expect(recordStartsCase({ ...flow, record: { variables: { balance: 'balance' } } }, null, { balance: '1.00' }, NOW)).toBe(false);
  });

  it('is checked on publish: a condition that does not parse, or that reads no bound variable', () => {
    const broken = validateFlowDefinition(flowStartingOn({ condition: 'balance > (1' }));
    expect(broken).toContainEqual(expect.objectContaining({ path: '/record/startOn/condition', code: 'feelSyntax' }));
    const unbound = flowStartingOn({ condition: 'true' });
    unbound.record = { startOn: { condition: 'true' } };
    expect(validateFlowDefinition(unbound)).toContainEqual(expect.objectContaining({ code: 'startConditionReadsNothing' }));
    expect(validateFlowDefinition(flowStartingOn({}))).toContainEqual(expect.objectContaining({ path: '/record/startOn' }));
    expect(validateFlowDefinition(flowStartingOn({ condition: 'balance > 5' })).filter((p) => p.path.startsWith('/record'))).toEqual([]);
  });
});
