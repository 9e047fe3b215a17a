/** Rules as the grid numbers them (from 1), with their ids when they have them: `1 (credit-excellent), 5`. */
export function ruleNames(rules: readonly { index: number; id?: string | null }[]): string {
  return rules
    .map((rule) => (rule.id ? `${rule.index + 1} (${rule.id})` : String(rule.index + 1)))
    .join(', ');
}

/** A trace's matched rules (indexes and ids side by side) as rule references. */
export function matchedRefs(
  indexes: readonly number[],
  ids: readonly (string | null)[],
): { index: number; id: string | null }[] {
  return indexes.map((index, i) => ({ index, id: ids[i] ?? null }));
}
