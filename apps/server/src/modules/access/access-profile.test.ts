import { describe, expect, it } from 'vitest';
import { AccessProfile } from './access-profile.js';
import { parseRoleDefinition, type RoleDefinition } from './role.js';

const role = (key: string, fields: NonNullable<NonNullable<RoleDefinition['entities']>[string]>['fields']): RoleDefinition => ({
  key,
  label: { en: key },
  entities: { customer: { read: 'all', update: 'all', ...(fields ? { fields } : {}) } },
});

describe('a field derived from another', () => {
  it('is masked or hidden with its source unless a role rules on it itself', () => {
    const masking = new AccessProfile([role('rm', { resident_id: { access: 'masked' } })], false).entity('customer');
    expect(masking.field('birth_date', 'resident_id')).toEqual({ see: 'masked', write: true });
    // Without the link the date is a field like any other.
    expect(masking.field('birth_date')).toEqual({ see: 'clear', write: true });
    const hiding = new AccessProfile([role('rm', { resident_id: { access: 'hidden' } })], false).entity('customer');
    expect(hiding.field('birth_date', 'resident_id')).toEqual({ see: 'none', write: false });
    const ruled = new AccessProfile([role('rm', { resident_id: { access: 'masked' }, birth_date: { access: 'readonly' } })], false).entity('customer');
    expect(ruled.field('birth_date', 'resident_id')).toEqual({ see: 'clear', write: false });
  });

  it('shows in clear when any of the reader\'s roles shows its source in clear', () => {
    const merged = new AccessProfile([role('rm', { resident_id: { access: 'masked' } }), role('kyc', undefined)], false).entity('customer');
    expect(merged.field('resident_id')).toEqual({ see: 'clear', write: true });
    expect(merged.field('birth_date', 'resident_id')).toEqual({ see: 'clear', write: true });
  });
});

describe('decision grants', () => {
  it('let a role evaluate the decisions it names, and administrators every decision', () => {
    const officer = parseRoleDefinition({ key: 'credit_officer', label: { en: 'Credit officer' }, decisions: { loan_scoring: ['evaluate'] } });
    const profile = new AccessProfile([officer], false);
    expect(profile.canEvaluateDecision('loan_scoring')).toBe(true);
    expect(profile.canEvaluateDecision('aml_screening')).toBe(false);
    // Only own keys count: a name inherited from Object.prototype grants nothing.
    expect(profile.canEvaluateDecision('constructor')).toBe(false);
    expect(new AccessProfile([], true).canEvaluateDecision('aml_screening')).toBe(true);
  });

  it('are refused for unknown rights and keys that are not identifiers', () => {
    expect(() => parseRoleDefinition({ key: 'r', label: { en: 'R' }, decisions: { loan_scoring: ['publish'] } })).toThrow();
    expect(() => parseRoleDefinition({ key: 'r', label: { en: 'R' }, decisions: { 'Loan Scoring': ['evaluate'] } })).toThrow();
  });
});
