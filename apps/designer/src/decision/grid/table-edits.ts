/**
 * The decision table's rule and cell operations. Each returns a new table (the input is never
 * changed), or the same table when nothing changes, so the editor's history records real steps only.
 */
import type { DecisionTable, DecisionTableRule } from '@bankforge/rule-engine';
import { cellText, emptyEntry, entriesKey, type ColumnRef } from './table-columns.js';

/** Rule ids name rules in traces and test coverage: a table whose rules have them gets one for each new rule. */
function usesIds(table: DecisionTable): boolean {
  return table.rules.some((rule) => rule.id !== undefined);
}

/** `rule-<n>` with the smallest n no rule of the table holds. */
function freshRuleId(table: DecisionTable): string {
  const taken = new Set(table.rules.map((rule) => rule.id));
  let n = table.rules.length + 1;
  while (taken.has(`rule-${n}`)) n++;
  return `rule-${n}`;
}

/** A rule that matches anything and decides nothing yet: `-` in each input, empty outputs and annotations. */
export function emptyRule(table: DecisionTable): DecisionTableRule {
  const rule: DecisionTableRule = {
    inputEntries: table.inputs.map(() => emptyEntry('input')),
    outputEntries: table.outputs.map(() => emptyEntry('output')),
  };
  if (table.annotations && table.annotations.length > 0) rule.annotations = table.annotations.map(() => '');
  return rule;
}

function withRules(table: DecisionTable, rules: DecisionTableRule[]): DecisionTable {
  return { ...table, rules };
}

/** Inserts a rule (an empty one by default) at `at` (0 = first); `at` is clamped to the table. */
export function insertRule(table: DecisionTable, at: number, rule: DecisionTableRule = emptyRule(table)): DecisionTable {
  const index = Math.max(0, Math.min(at, table.rules.length));
  const { id: _dropped, ...entries } = rule;
  const added: DecisionTableRule = usesIds(table) ? { id: freshRuleId(table), ...entries } : entries;
  return withRules(table, [...table.rules.slice(0, index), added, ...table.rules.slice(index)]);
}

/** A copy of a rule right below it (with a new id when the table's rules have ids). */
export function duplicateRule(table: DecisionTable, index: number): DecisionTable {
  const rule = table.rules[index];
  return rule === undefined ? table : insertRule(table, index + 1, structuredClone(rule));
}

export function deleteRule(table: DecisionTable, index: number): DecisionTable {
  if (index < 0 || index >= table.rules.length) return table;
  return withRules(table, table.rules.filter((_, i) => i !== index));
}

/** Moves a rule to another place (clamped to the table); rule order decides FIRST, RULE ORDER and COLLECT tables. */
export function moveRule(table: DecisionTable, from: number, to: number): DecisionTable {
  const target = Math.max(0, Math.min(to, table.rules.length - 1));
  const rule = table.rules[from];
  if (rule === undefined || target === from) return table;
  const rest = table.rules.filter((_, i) => i !== from);
  return withRules(table, [...rest.slice(0, target), rule, ...rest.slice(target)]);
}

/** The rule with one cell's text replaced; missing cells before it are filled with empty ones. */
function ruleWithCell(table: DecisionTable, rule: DecisionTableRule, ref: ColumnRef, text: string): DecisionTableRule {
  const key = entriesKey(ref.part);
  const length = ref.part === 'input' ? table.inputs.length : ref.part === 'output' ? table.outputs.length : (table.annotations?.length ?? 0);
  const cells = Array.from({ length }, (_, i) => rule[key]?.[i] ?? emptyEntry(ref.part));
  cells[ref.index] = text;
  return { ...rule, [key]: cells };
}

/** Sets one cell's text. */
export function setCell(table: DecisionTable, ruleIndex: number, ref: ColumnRef, text: string): DecisionTable {
  const rule = table.rules[ruleIndex];
  if (rule === undefined || cellText(rule, ref) === text) return table;
  return withRules(table, table.rules.map((r, i) => (i === ruleIndex ? ruleWithCell(table, r, ref, text) : r)));
}

/** Empties a cell: `-` for an input, nothing for an output or annotation. */
export function clearCell(table: DecisionTable, ruleIndex: number, ref: ColumnRef): DecisionTable {
  return setCell(table, ruleIndex, ref, emptyEntry(ref.part));
}

/** Adds a rule at the end matching a region (one unary test per input, as the analysis gives a gap), its outputs still to decide. */
export function addRuleForRegion(table: DecisionTable, inputEntries: readonly string[]): DecisionTable {
  const rule = emptyRule(table);
  rule.inputEntries = table.inputs.map((_, i) => inputEntries[i] ?? emptyEntry('input'));
  return insertRule(table, table.rules.length, rule);
}
