/** For each name, the rules to re-run when it changes: transitively through computed values, in evaluation order. */
import type { Rule } from './form-plan.js';

type ReadsOf = (rule: Rule) => ReadonlySet<string> | 'all';

/** Rules reading each name, by the reads `readsOf` gives (`'all'` reads every name of `names`). */
function readersByName(rules: readonly Rule[], names: Iterable<string>, readsOf: ReadsOf): Map<string, Rule[]> {
  const readers = new Map<string, Rule[]>();
  const all = [...names];
  for (const rule of rules) {
    const reads = readsOf(rule);
    for (const name of reads === 'all' ? all : reads) {
      const list = readers.get(name);
      if (list) list.push(rule);
      else readers.set(name, [rule]);
    }
  }
  return readers;
}

/**
 * The rules that `start` reaches: those reading it, and, through each computed value among them,
 * those reading that value (`within` gives the readers of a computed value's key).
 */
function closure(start: readonly Rule[], within: ReadonlyMap<string, readonly Rule[]>): Rule[] {
  const found = new Set<Rule>();
  const queue = [...start];
  for (let rule = queue.shift(); rule !== undefined; rule = queue.shift()) {
    if (found.has(rule)) continue;
    found.add(rule);
    if (rule.target.kind === 'value') queue.push(...(within.get(rule.target.field) ?? []));
  }
  return [...found].sort((a, b) => a.index - b.index);
}

/** Per name of the scope (`names`), its transitive dependents among `rules`. */
export function dependentsByName(rules: readonly Rule[], names: Iterable<string>, readsOf: ReadsOf): Map<string, readonly Rule[]> {
  const readers = readersByName(rules, names, readsOf);
  const dependents = new Map<string, readonly Rule[]>();
  for (const [name, direct] of readers) dependents.set(name, closure(direct, readers));
  return dependents;
}

/** Per outer name, the group rules reading it directly, plus what they reach inside the row. */
export function outerDependentsByName(rules: readonly Rule[], rowFields: Iterable<string>): Map<string, readonly Rule[]> {
  const inRow = readersByName(rules, rowFields, (rule) => rule.itemReads);
  const outer = readersByName(rules, [], (rule) => rule.reads);
  const dependents = new Map<string, readonly Rule[]>();
  for (const [name, direct] of outer) dependents.set(name, closure(direct, inRow));
  return dependents;
}
