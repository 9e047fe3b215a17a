/**
 * Fraud screening (反欺诈筛查) of an outgoing transaction: how far its amount is above the
 * customer's 90-day average, and three signals the channel knows (a device not seen before, the
 * unusual hours 00:00–06:00 local time, a payee never paid before) → a risk level and an action.
 *
 * PRIORITY: every rule names one pattern; when several match, the most severe action wins (the
 * order of the output values: block, hold, step-up, allow). Only explicit rules allow a
 * transaction: a signal the channel did not send (null) never lets one through, and what no rule
 * decides is held for review.
 *
 * Pure data: the artifact is JSON round-trippable (what the decision designer would publish).
 */
import type { DecisionArtifact, DecisionTableRule } from '@bankforge/rule-engine';
import { fraudScreeningTests } from './fraud-screening-cases.js';

/** The top-level decision of `fraudScreeningDecision` (its result is `{ riskLevel, action }`). */
export const FRAUD_SCREENING_DECISION_NAME = 'Fraud screening';

export type FraudRiskLevel = 'high' | 'medium' | 'low';
export type FraudAction = 'block' | 'hold' | 'stepUp' | 'allow';

/** The risk levels, highest first (the table's priority order), in both shipped languages. */
export const fraudRiskLevels: Record<FraudRiskLevel, { en: string; 'zh-CN': string }> = {
  high: { en: 'High', 'zh-CN': '高' },
  medium: { en: 'Medium', 'zh-CN': '中' },
  low: { en: 'Low', 'zh-CN': '低' },
};

/** The actions, most severe first (the table's priority order), in both shipped languages. */
export const fraudActions: Record<FraudAction, { en: string; 'zh-CN': string }> = {
  block: { en: 'Block', 'zh-CN': '拦截' },
  hold: { en: 'Hold for review', 'zh-CN': '挂起待人工审核' },
  stepUp: { en: 'Step-up authentication', 'zh-CN': '加强身份验证' },
  allow: { en: 'Allow', 'zh-CN': '放行' },
};

const quotedList = (values: readonly string[]): string => values.map((v) => JSON.stringify(v)).join(',');

function rule(
  id: string,
  inputEntries: [ratio: string, newDevice: string, unusualHour: string, newPayee: string],
  riskLevel: FraudRiskLevel,
  action: FraudAction,
  why: string,
  whyZh: string,
): DecisionTableRule {
  return { id, inputEntries, outputEntries: [JSON.stringify(riskLevel), JSON.stringify(action)], annotations: [why, whyZh] };
}

/**
 * Inputs: `TransactionAmount` and `Average90Days` (the customer's average transaction over the
 * last 90 days; 0 without history), both CNY; `NewDevice`, `UnusualHour`, `NewPayee` (booleans).
 */
export const fraudScreeningDecision: DecisionArtifact = {
  kind: 'decision',
  key: 'fraud_screening',
  title: 'Fraud screening',
  description:
    "Screens an outgoing transaction against the customer's history: amount against the 90-day average, new device, unusual hour (00:00–06:00), new payee → risk level and action (allow, step-up authentication, hold for review, block). " +
    '反欺诈筛查：交易金额与近 90 天均值之比、新设备、异常时段（0:00–6:00）、新收款人 → 风险等级与处置（放行、加强验证、挂起审核、拦截）。',
  inputData: [
    { name: 'TransactionAmount', typeRef: 'number' },
    { name: 'Average90Days', typeRef: 'number' },
    { name: 'NewDevice', typeRef: 'boolean' },
    { name: 'UnusualHour', typeRef: 'boolean' },
    { name: 'NewPayee', typeRef: 'boolean' },
  ],
  decisions: [
    {
      name: 'Transaction risk',
      requirements: { inputs: ['TransactionAmount', 'Average90Days', 'NewDevice', 'UnusualHour', 'NewPayee'] },
      logic: {
        kind: 'decisionTable',
        hitPolicy: 'P',
        inputs: [
          // An average under 1 CNY (no history) counts as 1 CNY: any real amount then reads as far above it.
          { expression: 'TransactionAmount / max(Average90Days, 1)', label: 'Amount / 90-day average (金额与近90天均值之比)', typeRef: 'number', inputValues: '>= 0' },
          { expression: 'NewDevice', label: 'New device (新设备)', typeRef: 'boolean' },
          { expression: 'UnusualHour', label: 'Unusual hour 00:00–06:00 (异常时段)', typeRef: 'boolean' },
          { expression: 'NewPayee', label: 'New payee (新收款人)', typeRef: 'boolean' },
        ],
        outputs: [
          { name: 'riskLevel', typeRef: 'string', outputValues: quotedList(Object.keys(fraudRiskLevels)) },
          { name: 'action', typeRef: 'string', outputValues: quotedList(Object.keys(fraudActions)) },
        ],
        rules: [
          rule('takeover', ['> 3', 'true', '-', 'true'], 'high', 'block',
            'Account takeover pattern: a new device paying a new payee more than 3x the usual amount. Block.',
            '账户盗用特征：新设备向新收款人转出超过平时 3 倍的金额，拦截。'),
          rule('extreme-new-payee', ['> 10', '-', '-', 'true'], 'high', 'hold',
            'More than 10x the usual amount to a payee never paid before: hold for a call to the customer.',
            '向从未付款的收款人转出超过平时 10 倍的金额，挂起并电话核实。'),
          rule('extreme-at-night', ['> 10', '-', 'true', '-'], 'high', 'hold',
            'More than 10x the usual amount between 00:00 and 06:00: hold for review.',
            '凌晨 0 点至 6 点转出超过平时 10 倍的金额，挂起人工审核。'),
          rule('night-takeover', ['-', 'true', 'true', 'true'], 'high', 'hold',
            'New device, new payee and the middle of the night, whatever the amount (fraudsters test small first): hold.',
            '新设备、新收款人且在深夜，无论金额大小（骗子常先小额试探），挂起审核。'),
          rule('extreme-amount', ['> 10', '-', '-', '-'], 'medium', 'stepUp',
            'More than 10x the usual amount from a known device to a known payee in the daytime: ask for step-up authentication.',
            '已知设备、已知收款人、正常时段转出超过平时 10 倍的金额，要求加强身份验证。'),
          rule('new-device', ['-', 'true', '-', '-'], 'medium', 'stepUp',
            'A device not seen before: confirm the customer with step-up authentication.',
            '首次使用的设备：通过加强身份验证确认本人操作。'),
          rule('above-usual-new-payee', ['> 3', '-', '-', 'true'], 'medium', 'stepUp',
            'More than 3x the usual amount to a new payee: step-up authentication.',
            '向新收款人转出超过平时 3 倍的金额，要求加强身份验证。'),
          rule('above-usual-at-night', ['> 3', '-', 'true', '-'], 'medium', 'stepUp',
            'More than 3x the usual amount at night: step-up authentication.',
            '深夜转出超过平时 3 倍的金额，要求加强身份验证。'),
          rule('new-payee-at-night', ['-', '-', 'true', 'true'], 'medium', 'stepUp',
            'A new payee in the middle of the night, even a usual amount: step-up authentication.',
            '深夜向新收款人付款，即使金额正常，也要求加强身份验证。'),
          rule('usual', ['<= 10', 'false', 'false', 'false'], 'low', 'allow',
            'Up to 10x the usual amount, known device and payee, daytime: allow.',
            '金额不超过平时 10 倍，已知设备、已知收款人、正常时段：放行。'),
          rule('usual-at-night', ['<= 3', 'false', 'true', 'false'], 'low', 'allow',
            'Up to 3x the usual amount at night, known device and payee: allow.',
            '深夜转出不超过平时 3 倍的金额，已知设备和收款人：放行。'),
          rule('usual-new-payee', ['<= 3', 'false', 'false', 'true'], 'low', 'allow',
            'Up to 3x the usual amount to a new payee in the daytime from a known device: allow.',
            '正常时段用已知设备向新收款人转出不超过平时 3 倍的金额：放行。'),
        ],
        annotations: ['Rationale', '说明'],
      },
    },
    {
      name: FRAUD_SCREENING_DECISION_NAME,
      // What no rule decides (a missing amount or signal) is held for review, never allowed.
      requirements: { decisions: ['Transaction risk'] },
      logic: {
        kind: 'context',
        entries: [
          { name: 'riskLevel', value: { kind: 'literalExpression', text: 'if Transaction risk = null then "high" else Transaction risk.riskLevel' } },
          { name: 'action', value: { kind: 'literalExpression', text: 'if Transaction risk = null then "hold" else Transaction risk.action' } },
        ],
      },
    },
  ],
  tests: fraudScreeningTests,
};
