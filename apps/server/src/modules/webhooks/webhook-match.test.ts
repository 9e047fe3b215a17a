import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../events/domain-events.js';
import { filterSyntaxProblem, passesFilter, selectsType } from './webhook-match.js';

const approved: DomainEvent = {
  seq: 1,
  id: 'e1',
  type: 'record.updated',
  entity: 'loan_application',
  recordId: 'r1',
  changes: { status: { old: 'submitted', new: 'approved' }, national_id: { masked: true } },
  actor: { id: 'u1', kind: 'user' },
  occurredAt: '2026-12-07T01:00:00.000Z',
  attempt: 1,
};

describe('webhook matching', () => {
  it('selects types exactly or by family', () => {
    expect(selectsType(['record.updated'], 'record.updated')).toBe(true);
    expect(selectsType(['record.*'], 'record.deleted')).toBe(true);
    expect(selectsType(['case.*'], 'record.updated')).toBe(false);
    expect(selectsType(['record.created'], 'record.updated')).toBe(false);
  });

  it('passes only what the FEEL filter holds true for', () => {
    expect(passesFilter(null, approved)).toBe(true);
    expect(passesFilter('entity = "loan_application" and changes.status.new = "approved"', approved)).toBe(true);
    expect(passesFilter('changes.status.new = "rejected"', approved)).toBe(false);
    expect(passesFilter('changes.amount.new > 10', approved)).toBe(false);
    expect(passesFilter('changes.national_id.masked', approved)).toBe(true);
  });

  it('names where a filter does not parse', () => {
    expect(filterSyntaxProblem('entity = ')).toMatch(/line 1, column/);
    expect(filterSyntaxProblem('entity = "x"')).toBeUndefined();
  });
});
