/**
 * The analysis drawn on the grid's rows: which rules overlap which, which never decide. Rule
 * indexes are 0-based, as the analysis gives them.
 */
import type { DecisionTableAnalysis } from '@bankforge/rule-engine';

export type RowMarker =
  /** Under UNIQUE: another rule matches inputs this one matches. */
  | { kind: 'overlap'; other: number }
  /** Under ANY: another rule matches the same inputs and decides differently. */
  | { kind: 'conflictingOverlap'; other: number }
  /** Under FIRST or PRIORITY: rules that win take every input this one matches. */
  | { kind: 'shadowed'; by: readonly number[] }
  /** No valid input passes all this rule's cells. */
  | { kind: 'neverMatches' };

/** Each rule's markers, by rule index; rules without any are absent. */
export function rowMarkers(analysis: DecisionTableAnalysis): Map<number, RowMarker[]> {
  const markers = new Map<number, RowMarker[]>();
  const add = (rule: number, marker: RowMarker) => markers.set(rule, [...(markers.get(rule) ?? []), marker]);
  for (const overlap of analysis.overlaps) {
    const [a, b] = overlap.rules;
    add(a, { kind: overlap.code, other: b });
    add(b, { kind: overlap.code, other: a });
  }
  for (const rule of analysis.unreachable) {
    add(rule.rule, rule.code === 'shadowedRule' ? { kind: 'shadowed', by: rule.coveredBy } : { kind: 'neverMatches' });
  }
  return markers;
}
