// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { tierTable } from '../testing/tables.js';
import { HIT_POLICY_CHOICES, hitPolicyChoice, withHitPolicy } from './hit-policy.js';

describe('hit policy choices', () => {
  it('offers every policy and every COLLECT aggregation', () => {
    expect(HIT_POLICY_CHOICES).toEqual(['U', 'A', 'P', 'F', 'R', 'O', 'C', 'C+', 'C<', 'C>', 'C#']);
  });

  it('reads a COLLECT table with an aggregation as one choice', () => {
    expect(hitPolicyChoice({ ...tierTable(), hitPolicy: 'C', aggregation: 'SUM' })).toBe('C+');
    expect(hitPolicyChoice({ ...tierTable(), hitPolicy: 'C' })).toBe('C');
    expect(hitPolicyChoice(tierTable())).toBe('U');
  });

  it('sets the policy and the aggregation together, dropping an aggregation outside COLLECT', () => {
    const summed = withHitPolicy(tierTable(), 'C+');
    expect([summed.hitPolicy, summed.aggregation]).toEqual(['C', 'SUM']);
    expect(withHitPolicy(summed, 'C#').aggregation).toBe('COUNT');
    const first = withHitPolicy(summed, 'F');
    expect(first.hitPolicy).toBe('F');
    expect('aggregation' in first).toBe(false);
    const table = tierTable();
    expect(withHitPolicy(table, 'U')).toBe(table);
  });
});
