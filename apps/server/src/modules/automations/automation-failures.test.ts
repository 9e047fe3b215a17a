import { FeelSyntaxError } from '@bankforge/rule-engine';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { AutomationFailure, failureSaid, retriesExhausted } from './automation-failures.js';

describe('an automation failure as a run keeps it', () => {
  it('keeps a failure the actions named with its code and values', () => {
    expect(failureSaid(new AutomationFailure('connectorFailed', { connector: 'core_banking', status: 503 }))).toEqual({
      detail: 'connector core_banking answered HTTP 503',
      message: { code: 'connectorFailed', params: { connector: 'core_banking', status: 503 } },
    });
  });

  it("says a refused write by its problem's code and field paths, never the refused value", () => {
    const refused = ProblemError.invalid('credit_score 9999 is above 900', [{ path: '/credit_score', code: 'max', message: 'at most 900, not 9999' }]);
    const said = failureSaid(refused);
    expect(said).toEqual({ detail: 'validationFailed (/credit_score max)', message: { code: 'recordRefused', params: { problem: 'validationFailed', fields: '/credit_score max' } } });
    expect(JSON.stringify(said)).not.toContain('9999');
  });

  it("says an unforeseen error by its code or class, not its message (a driver's may quote a mobile number)", () => {
    const driver = Object.assign(new Error("Duplicate entry '13800138000' for key 'uq_mobile'"), { code: 'ER_DUP_ENTRY' });
    expect(failureSaid(driver)).toEqual({ detail: 'ER_DUP_ENTRY', message: { code: 'actionFailed', params: { reason: 'ER_DUP_ENTRY' } } });
    expect(failureSaid(new TypeError('cannot read 13800138000')).message.params).toEqual({ reason: 'TypeError' });
  });

  it('says a FEEL expression that does not parse as expressionFailed', () => {
    expect(failureSaid(new FeelSyntaxError('1 >', [])).message).toEqual({ code: 'expressionFailed', params: { reason: 'FEEL syntax error' } });
  });

  it('names the cause of a run that used its attempts, its values beside the count', () => {
    const cause = failureSaid(new AutomationFailure('nobodyHoldsRole', { role: 'team_rm', branch: 'SH001' }));
    expect(retriesExhausted(3, cause)).toEqual({
      detail: 'failed 3 times: nobody active holds team_rm of SH001',
      message: { code: 'retriesExhausted', params: { role: 'team_rm', branch: 'SH001', attempts: 3, cause: 'nobodyHoldsRole' } },
    });
  });
});
