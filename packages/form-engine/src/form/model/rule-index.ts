import type { Rule } from '../compile/form-plan.js';

/** A scope's condition rules by `visible:<node id>`, `required:<field>`, `readonly:<field>`. */
export type ConditionIndex = ReadonlyMap<string, Rule>;

export function indexConditions(rules: readonly Rule[]): ConditionIndex {
  const index = new Map<string, Rule>();
  for (const rule of rules) {
    const t = rule.target;
    if (t.kind === 'visible') index.set(`visible:${t.node}`, rule);
    else if (t.kind === 'required' || t.kind === 'readonly') index.set(`${t.kind}:${t.field}`, rule);
  }
  return index;
}

/** The rules to re-run for a set of changed names: the union of their dependents, in evaluation order. */
export function rulesFor(names: Iterable<string>, dependents: ReadonlyMap<string, readonly Rule[]>): readonly Rule[] {
  let only: readonly Rule[] | null = null;
  let merged: Set<Rule> | null = null;
  for (const name of names) {
    const rules = dependents.get(name);
    if (rules === undefined || rules.length === 0) continue;
    if (only === null && merged === null) only = rules;
    else {
      merged ??= new Set(only);
      only = null;
      for (const r of rules) merged.add(r);
    }
  }
  if (merged !== null) return [...merged].sort((a, b) => a.index - b.index);
  return only ?? [];
}

/** Whether a rule reads any of `changed` (`'all'` reads everything). */
export function readsAny(reads: ReadonlySet<string> | 'all', changed: ReadonlySet<string>): boolean {
  if (changed.size === 0) return false;
  if (reads === 'all') return true;
  for (const name of changed) if (reads.has(name)) return true;
  return false;
}
