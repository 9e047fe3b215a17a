import { describe, expect, it } from 'vitest';
import { actionRequest, EMPTY_INPUT, personRefusal } from './action-request.js';

describe('actionRequest', () => {
  it('approves with or without a comment', () => {
    expect(actionRequest('approve', EMPTY_INPUT)).toEqual({ ok: true, request: {} });
    expect(actionRequest('approve', { ...EMPTY_INPUT, comment: '  Collateral checked. ' })).toEqual({ ok: true, request: { comment: 'Collateral checked.' } });
  });

  it('wants a reason to reject or return, and a comment to comment', () => {
    expect(actionRequest('reject', { ...EMPTY_INPUT, comment: '   ' })).toEqual({ ok: false, field: 'comment', error: 'reasonRequired' });
    expect(actionRequest('return', EMPTY_INPUT)).toEqual({ ok: false, field: 'comment', error: 'reasonRequired' });
    expect(actionRequest('comment', EMPTY_INPUT)).toEqual({ ok: false, field: 'comment', error: 'commentRequired' });
    expect(actionRequest('reject', { ...EMPTY_INPUT, comment: 'Income not proven' })).toEqual({ ok: true, request: { comment: 'Income not proven' } });
  });

  it('returns to the step chosen, or leaves the choice to the flow', () => {
    expect(actionRequest('return', { ...EMPTY_INPUT, comment: 'Add the tax return', returnTo: 'rm_check' })).toEqual({
      ok: true,
      request: { comment: 'Add the tax return', returnToNodeId: 'rm_check' },
    });
    expect(actionRequest('return', { ...EMPTY_INPUT, comment: 'Add the tax return' })).toEqual({ ok: true, request: { comment: 'Add the tax return' } });
  });

  it('names the person to delegate to or to add, before or after the reader', () => {
    expect(actionRequest('delegate', EMPTY_INPUT)).toEqual({ ok: false, field: 'userId', error: 'userRequired' });
    expect(actionRequest('delegate', { ...EMPTY_INPUT, userId: ' u-head ' })).toEqual({ ok: true, request: { delegateTo: 'u-head' } });
    expect(actionRequest('addApprover', { ...EMPTY_INPUT, userId: 'u-risk', position: 'before', comment: 'Risk should see this' })).toEqual({
      ok: true,
      request: { comment: 'Risk should see this', addApprover: { userId: 'u-risk', position: 'before' } },
    });
  });
});

describe('personRefusal', () => {
  it('names why the person cannot take the task, on delegate and add approver only', () => {
    expect(personRefusal('delegate', 'makerChecker')).toBe('initiator');
    expect(personRefusal('addApprover', 'invalidPayload')).toBe('assignee');
    expect(personRefusal('delegate', 'unknownPerson')).toBe('unknown');
    expect(personRefusal('delegate', 'conflict')).toBeUndefined();
    expect(personRefusal('approve', 'makerChecker')).toBeUndefined();
  });
});
