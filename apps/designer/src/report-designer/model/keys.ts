import { IDENTIFIER_PATTERN } from '@bankforge/data-model';
import { SOURCE_ALIAS, type ReportDefinition } from '@bankforge/report-engine';

const IDENTIFIER = new RegExp(IDENTIFIER_PATTERN);
const MAX_KEY = 48;

/** Keys of dimensions, measures, calculated fields, parameters and join aliases are identifiers: the schema takes no other. */
export function isReportKey(key: string): boolean {
  return IDENTIFIER.test(key);
}

/** `base` made an identifier (`c.segment` → `c_segment`) and not one of `taken` (`segment_2`). */
export function freeKey(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let stem = base
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!/^[a-z]/.test(stem)) stem = `f_${stem}`.replace(/_+$/, '');
  stem = stem.slice(0, MAX_KEY);
  if (!used.has(stem)) return stem;
  for (let n = 2; ; n++) {
    const suffix = `_${n}`;
    const candidate = `${stem.slice(0, MAX_KEY - suffix.length)}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** Dimensions and measures share one set of keys: each names a column of the result. */
export function columnKeys(report: ReportDefinition): string[] {
  return [...(report.dimensions ?? []).map((d) => d.key), ...(report.measures ?? []).map((m) => m.key)];
}

/** Join aliases, and the engine's alias of the source table, which no join may take. */
export function joinAliases(report: ReportDefinition): string[] {
  return [SOURCE_ALIAS, ...(report.joins ?? []).map((j) => j.alias)];
}

export function parameterKeys(report: ReportDefinition): string[] {
  return (report.parameters ?? []).map((p) => p.key);
}

/** A calculated field may not take the key of a source field (or a standard column): a field path would mean both. */
export function calculatedKeys(report: ReportDefinition, sourceFieldKeys: readonly string[]): string[] {
  return [...sourceFieldKeys, ...(report.calculated ?? []).map((c) => c.key)];
}
