/**
 * The test suite of `fraud_screening`, as the analyst writes it: each rule deciding on its own,
 * the 3x and 10x bands on both sides, patterns where a more severe rule must win, a customer
 * without history, and missing signals (never allowed). The customer's 90-day average is 10,000
 * CNY unless a case says otherwise.
 */
import type { DecisionTestCase } from '@bankforge/rule-engine';

interface Signals {
  newDevice?: boolean | null;
  unusualHour?: boolean | null;
  newPayee?: boolean | null;
  average?: number | string | null;
}

/** A signal as the case gives it (null stays null: a signal the channel did not send), else its usual value. */
const given = <T>(value: T | undefined, usual: T): T => (value === undefined ? usual : value);

function screeningCase(name: string, amount: number | string | null, signals: Signals, riskLevel: string, action: string): DecisionTestCase {
  return {
    name,
    inputs: {
      TransactionAmount: amount,
      Average90Days: given(signals.average, 10_000),
      NewDevice: given(signals.newDevice, false),
      UnusualHour: given(signals.unusualHour, false),
      NewPayee: given(signals.newPayee, false),
    },
    expected: { riskLevel, action },
  };
}

export const fraudScreeningTests: DecisionTestCase[] = [
  // Block: the takeover pattern.
  screeningCase('new device, new payee, 4x: blocked', 40_000, { newDevice: true, newPayee: true }, 'high', 'block'),
  screeningCase('new device, new payee, just over 3x: blocked', '30000.01', { newDevice: true, newPayee: true }, 'high', 'block'),
  screeningCase('new device, new payee, 20x at night: block wins over hold', 200_000, { newDevice: true, newPayee: true, unusualHour: true }, 'high', 'block'),
  screeningCase('new device, new payee, exactly 3x in the daytime: step-up, not block', 30_000, { newDevice: true, newPayee: true }, 'medium', 'stepUp'),
  // Hold.
  screeningCase('just over 10x to a new payee: held', '100000.01', { newPayee: true }, 'high', 'hold'),
  screeningCase('exactly 10x to a new payee: step-up, not hold', 100_000, { newPayee: true }, 'medium', 'stepUp'),
  screeningCase('20x at night, known payee: held', 200_000, { unusualHour: true }, 'high', 'hold'),
  screeningCase('new device, new payee at night, a small amount: held', 500, { newDevice: true, unusualHour: true, newPayee: true }, 'high', 'hold'),
  screeningCase('no 90-day history, 5,000 to a new payee: held', 5_000, { average: 0, newPayee: true }, 'high', 'hold'),
  // Step-up authentication.
  screeningCase('20x, known device and payee, daytime: step-up', 200_000, {}, 'medium', 'stepUp'),
  screeningCase('no 90-day history, 5,000 to a known payee: step-up', 5_000, { average: 0 }, 'medium', 'stepUp'),
  screeningCase('new device, usual amount: step-up', 8_000, { newDevice: true }, 'medium', 'stepUp'),
  screeningCase('new device at night, usual amount, known payee: step-up', 8_000, { newDevice: true, unusualHour: true }, 'medium', 'stepUp'),
  screeningCase('5x to a new payee: step-up', 50_000, { newPayee: true }, 'medium', 'stepUp'),
  screeningCase('5x at night: step-up', 50_000, { unusualHour: true }, 'medium', 'stepUp'),
  screeningCase('new payee at night, usual amount: step-up', 2_000, { unusualHour: true, newPayee: true }, 'medium', 'stepUp'),
  // Allow.
  screeningCase('usual amount, nothing new, daytime: allowed', 8_000, {}, 'low', 'allow'),
  screeningCase('exactly 10x, nothing new, daytime: allowed', 100_000, {}, 'low', 'allow'),
  screeningCase('exactly 3x at night, known device and payee: allowed', 30_000, { unusualHour: true }, 'low', 'allow'),
  screeningCase('just over 3x at night: step-up', '30000.01', { unusualHour: true }, 'medium', 'stepUp'),
  screeningCase('exactly 3x to a new payee in the daytime: allowed', 30_000, { newPayee: true }, 'low', 'allow'),
  screeningCase('amounts as decimal text: allowed', '8000.00', { average: '10000.00' }, 'low', 'allow'),
  // Missing data is held, never allowed.
  screeningCase('device signal missing, usual amount: held', 8_000, { newDevice: null }, 'high', 'hold'),
  screeningCase('no amount: held', null, {}, 'high', 'hold'),
  screeningCase('no average: held', 8_000, { average: null }, 'high', 'hold'),
];
