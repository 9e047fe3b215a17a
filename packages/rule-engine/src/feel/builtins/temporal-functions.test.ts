/** `duration()` (DMN 1.5, 10.3.4.1) and `now()`/`today()` (10.3.4.x), which read the caller's clock. */
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../compile.js';
import { compileDecisionModel } from '../../dmn/evaluate.js';
import { valueToLiteral } from '../values/format.js';
import { parseDateTime } from '../values/temporal.js';
import type { FeelDateTime } from '../values/feel-value.js';
import type { EvaluateOptions } from '../api.js';

const run = (source: string, options?: EvaluateOptions) => compileExpression(source).evaluate({}, options);
const feel = (source: string, options?: EvaluateOptions): string => valueToLiteral(run(source, options).value);

describe('duration(from)', () => {
  it('reads ISO 8601 days and time durations', () => {
    expect(feel('duration("P1D")')).toBe('P1D');
    expect(feel('duration("PT2H")')).toBe('PT2H');
    expect(feel('duration("P1DT2H3M4.5S")')).toBe('P1DT2H3M4.5S');
    expect(feel('duration("PT36H")')).toBe('P1DT12H');
    expect(feel('duration("PT1000000S")')).toBe('P11DT13H46M40S');
    expect(feel('duration("P0D")')).toBe('PT0S');
    expect(feel('duration("-PT1H30M")')).toBe('-PT1H30M');
    expect(feel('duration("-P0D")')).toBe('PT0S');
    expect(feel('duration("P1D") instance of days and time duration')).toBe('true');
  });

  it('reads ISO 8601 years and months durations', () => {
    expect(feel('duration("P1Y2M")')).toBe('P1Y2M');
    expect(feel('duration("P13M")')).toBe('P1Y1M');
    expect(feel('duration("-P1Y")')).toBe('-P1Y');
    expect(feel('duration("P0Y")')).toBe('P0M');
    expect(feel('duration("P1Y") instance of years and months duration')).toBe('true');
    expect(feel('duration(from: "P2Y")')).toBe('P2Y');
  });

  it('is null for anything else', () => {
    for (const text of ['P', 'PT', 'P1DT', 'P1W', '1D', '', 'P1.5Y', 'PT1.5H', 'P-1D', 'p1d', 'P1Y2M3D', 'PT1H ']) {
      const r = run(`duration(${JSON.stringify(text)})`);
      expect(r.value, text).toBeNull();
      expect(r.warnings.length, text).toBe(1);
    }
    expect(feel('duration(1)')).toBe('null');
    expect(feel('duration(null)')).toBe('null');
  });
});

describe('now() and today()', () => {
  const at = parseDateTime('2024-05-06T23:30:00+02:00') as FeelDateTime;

  it('answer the instant the caller passes (EvaluateOptions.now)', () => {
    expect(feel('now()', { now: at })).toBe('2024-05-06T23:30:00+02:00');
    expect(feel('today()', { now: at })).toBe('2024-05-06');
    expect(feel('now() instance of date and time', { now: at })).toBe('true');
    expect(feel('today() = date(now())', { now: at })).toBe('true');
  });

  it('are null with a warning without one (the engine reads no clock)', () => {
    const r = run('now()');
    expect(r.value).toBeNull();
    expect(r.warnings[0]?.code).toBe('noClock');
    expect(run('today()').warnings[0]?.code).toBe('noClock');
  });

  it('reach decisions and the functions they call', () => {
    const model = compileDecisionModel({
      decisions: [
        { name: 'Stamp', logic: { kind: 'literalExpression', text: 'string(today())' } },
        { name: 'Via BKM', requirements: { knowledge: ['clock'] }, logic: { kind: 'literalExpression', text: 'clock()' } },
      ],
      businessKnowledgeModels: [{ name: 'clock', parameters: [], body: { kind: 'literalExpression', text: 'now()' } }],
    });
    expect(model.evaluate('Stamp', {}, { now: at }).value).toBe('2024-05-06');
    expect(valueToLiteral(model.evaluate('Via BKM', {}, { now: at }).value)).toBe('2024-05-06T23:30:00+02:00');
    expect(model.evaluate('Stamp', {}).value).toBeNull();
  });
});
