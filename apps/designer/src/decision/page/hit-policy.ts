/**
 * The hit policy as the analyst picks it: one choice per policy, and one per aggregation of a
 * COLLECT table (C+, C<, C>, C#, as DMN writes them).
 */
import type { Aggregation, DecisionTable, HitPolicy } from '@bankforge/rule-engine';

/** Every policy the engine decides by (the Record makes a new one a type error until it is listed here). */
const POLICIES: Record<HitPolicy, true> = { U: true, A: true, P: true, F: true, R: true, O: true, C: true };
const AGGREGATION_SIGNS: Record<Aggregation, '+' | '<' | '>' | '#'> = { SUM: '+', MIN: '<', MAX: '>', COUNT: '#' };

export type HitPolicyChoice = HitPolicy | `C${(typeof AGGREGATION_SIGNS)[Aggregation]}`;

export const HIT_POLICY_CHOICES: readonly HitPolicyChoice[] = [
  ...(Object.keys(POLICIES) as HitPolicy[]),
  ...(Object.values(AGGREGATION_SIGNS).map((sign) => `C${sign}` as const)),
];

export function hitPolicyChoice(table: DecisionTable): HitPolicyChoice {
  return table.hitPolicy === 'C' && table.aggregation !== undefined ? `C${AGGREGATION_SIGNS[table.aggregation]}` : table.hitPolicy;
}

/** The table under another hit policy; an aggregation only stays with COLLECT. */
export function withHitPolicy(table: DecisionTable, choice: HitPolicyChoice): DecisionTable {
  if (choice === hitPolicyChoice(table)) return table;
  const { aggregation: _old, ...rest } = table;
  const aggregation = (Object.keys(AGGREGATION_SIGNS) as Aggregation[]).find((a) => `C${AGGREGATION_SIGNS[a]}` === choice);
  return aggregation === undefined ? { ...rest, hitPolicy: choice as HitPolicy } : { ...rest, hitPolicy: 'C', aggregation };
}
