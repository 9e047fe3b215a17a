/**
 * `fraud_screening` with the real rule engine: its own suite (every rule deciding at least one
 * case, not merely matching), the table analysis, and the fail-closed rules evaluated directly.
 */
import {
  analyzeDecisionTable,
  compileDecisionModel,
  decisionInputReader,
  decisionKind,
  fromFeelValue,
  runDecisionTests,
  sameJson,
  type ArtifactProblem,
  type DecisionTable,
} from '@bankforge/rule-engine';
import { describe, expect, it } from 'vitest';
import { FRAUD_SCREENING_DECISION_NAME, fraudActions, fraudRiskLevels, fraudScreeningDecision } from './fraud-screening.js';

const model = compileDecisionModel(fraudScreeningDecision);
const read = decisionInputReader(fraudScreeningDecision);
const table = fraudScreeningDecision.decisions.find((d) => d.name === 'Transaction risk')?.logic as DecisionTable;

const BOOLEANS = [true, false, null];
/** Amounts against an average of 10,000: usual, the 3x edge, between the bands, the 10x edge, far above; none. */
const AMOUNTS = [0, 8_000, 30_000, '30000.01', 50_000, 100_000, '100000.01', 1_000_000, null];

function screen(inputs: Record<string, unknown>): Record<string, unknown> {
  return fromFeelValue(model.evaluate(FRAUD_SCREENING_DECISION_NAME, read(inputs)).value) as Record<string, unknown>;
}

function* everySignal(): Generator<Record<string, unknown>> {
  for (const amount of AMOUNTS)
    for (const NewDevice of BOOLEANS)
      for (const UnusualHour of BOOLEANS)
        for (const NewPayee of BOOLEANS) yield { TransactionAmount: amount, Average90Days: 10_000, NewDevice, UnusualHour, NewPayee };
}

describe('fraud_screening', () => {
  it('passes its own test suite, which reaches every rule of the table', () => {
    const report = runDecisionTests(fraudScreeningDecision);
    expect(report.results.filter((r) => !r.passed)).toEqual([]);
    expect(report.passed).toBe(fraudScreeningDecision.tests?.length);
    expect(report.coverage).toMatchObject({ rules: 12, uncoveredRules: 0 });
  });

  it('has a case that each rule decides (under PRIORITY a rule may match and lose)', () => {
    const decided = new Set<string>();
    for (const test of fraudScreeningDecision.tests ?? []) {
      const traced = model.evaluate(FRAUD_SCREENING_DECISION_NAME, read(test.inputs), { trace: true }).trace?.tables[0];
      if (traced === undefined || traced.result === null) continue;
      const winner = traced.ruleOutputs.findIndex((output) => sameJson(fromFeelValue(output), fromFeelValue(traced.result)));
      decided.add(traced.matchedRuleIds[winner] ?? '');
    }
    expect([...decided].sort()).toEqual(table.rules.map((r) => r.id).sort());
  });

  it('is a complete PRIORITY table: no gaps, no shadowed rule, every cell and priority read', () => {
    const analysis = analyzeDecisionTable(table);
    expect(analysis.hitPolicy).toBe('P');
    expect(analysis).toMatchObject({ gaps: [], unreachable: [], skipped: [], truncated: false });
  });

  it('ranks the outputs by severity: block, hold, step-up, allow; high, medium, low', () => {
    expect(table.outputs.map((o) => [o.name, o.outputValues])).toEqual([
      ['riskLevel', '"high","medium","low"'],
      ['action', '"block","hold","stepUp","allow"'],
    ]);
    expect(Object.keys(fraudActions)).toEqual(['block', 'hold', 'stepUp', 'allow']);
    expect(Object.keys(fraudRiskLevels)).toEqual(['high', 'medium', 'low']);
  });

  it('never allows a transaction when a signal or the amount is missing', () => {
    let missing = 0;
    for (const inputs of everySignal()) {
      if (!Object.values(inputs).includes(null)) continue;
      expect(screen(inputs).action, JSON.stringify(inputs)).not.toBe('allow');
      missing++;
    }
    // Every combination but those with all five inputs given: 9 amounts x 3^3 signals, less 8 x 2^3.
    expect(missing).toBe(9 * 27 - 8 * 8);
  });

  it('blocks the takeover pattern (new device, new payee, over 3x) at any hour', () => {
    for (const UnusualHour of [true, false]) {
      for (const amount of ['30000.01', 100_000, 10_000_000]) {
        expect(screen({ TransactionAmount: amount, Average90Days: 10_000, NewDevice: true, UnusualHour, NewPayee: true })).toEqual({ riskLevel: 'high', action: 'block' });
      }
    }
  });

  it('allows only a known device, and answers a risk level that goes with its action', () => {
    const levelOf = { block: 'high', hold: 'high', stepUp: 'medium', allow: 'low' } as const;
    for (const inputs of everySignal()) {
      const answer = screen(inputs);
      expect(answer.riskLevel).toBe(levelOf[answer.action as keyof typeof levelOf]);
      if (answer.action === 'allow') expect(inputs.NewDevice).toBe(false);
    }
  });

  it('treats a customer without history as far above the average', () => {
    expect(screen({ TransactionAmount: 5_000, Average90Days: 0, NewDevice: false, UnusualHour: false, NewPayee: false })).toEqual({ riskLevel: 'medium', action: 'stepUp' });
  });

  it('labels its risk levels and actions in English and Chinese', () => {
    for (const text of [...Object.values(fraudActions), ...Object.values(fraudRiskLevels)]) {
      expect(text.en).not.toBe('');
      expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const rule of table.rules) expect(rule.annotations).toHaveLength(2);
  });

  it('is pure data: it survives a JSON round trip, compiles cleanly and its suite still passes', async () => {
    const copy = JSON.parse(JSON.stringify(fraudScreeningDecision)) as typeof fraudScreeningDecision;
    expect(copy).toEqual(fraudScreeningDecision);
    const warnings: ArtifactProblem[] = [];
    expect(await decisionKind.check(copy, { stage: 'publish', warn: (p) => warnings.push(p) })).toEqual([]);
    expect(warnings).toEqual([]);
    expect(runDecisionTests(copy).failed).toBe(0);
  });
});
