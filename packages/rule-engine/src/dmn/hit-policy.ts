/**
 * Hit policies (DMN 1.5, 8.2.11) applied to the matched rules of a decision table, and the
 * aggregations of the Collect policy (C+ C< C> C#), as FEEL's sum/min/max/count of all outputs.
 */
import { FeelDecimal, type FeelValue } from '../feel/values/feel-value.js';
import { addValues, compareValues, valuesEqual } from './feel-bridge.js';
import type { Aggregation, HitPolicy } from './model.js';
import type { Run } from './run.js';

/** What a hit policy needs from the table: the outputs of a rule and their priority. */
export interface HitSource {
  /** Output values of a matched rule, one per output column (validated). */
  columns(rule: number): FeelValue[];
  /** The rule result from its column values: the value, or a context for several outputs. */
  combine(columns: FeelValue[]): FeelValue;
  /** Priority of each column value: its index in the output values list (lower = first). */
  priority(columns: FeelValue[]): number[];
  readonly outputCount: number;
}

export interface HitResult {
  result: FeelValue;
  /** Outputs of the matched rules the policy looked at (for the trace), in rule order. */
  ruleOutputs: FeelValue[];
}

const POLICY_NAMES: Record<HitPolicy, string> = {
  U: 'UNIQUE',
  A: 'ANY',
  P: 'PRIORITY',
  F: 'FIRST',
  R: 'RULE ORDER',
  O: 'OUTPUT ORDER',
  C: 'COLLECT',
};

export function hitPolicyName(policy: HitPolicy, aggregation?: Aggregation): string {
  return aggregation && policy === 'C' ? `COLLECT ${aggregation}` : POLICY_NAMES[policy];
}

export function isSingleHit(policy: HitPolicy): boolean {
  return policy === 'U' || policy === 'A' || policy === 'P' || policy === 'F';
}

function comparePriorities(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return 0;
}

function columnsEqual(a: readonly FeelValue[], b: readonly FeelValue[]): boolean {
  for (let i = 0; i < a.length; i++) if (valuesEqual(a[i] as FeelValue, b[i] as FeelValue) !== true) return false;
  return true;
}

/** Applies a hit policy to the rules that matched (at least one), in rule order. */
export function applyHitPolicy(
  policy: HitPolicy,
  aggregation: Aggregation | undefined,
  matched: readonly number[],
  source: HitSource,
  run: Run,
): HitResult {
  const first = matched[0] as number;
  switch (policy) {
    case 'F': {
      const value = source.combine(source.columns(first));
      return { result: value, ruleOutputs: [value] };
    }
    case 'U': {
      if (matched.length > 1) {
        run.warn(
          'dmn.hitPolicyViolation',
          `UNIQUE hit policy: rules ${matched.map((r) => r + 1).join(', ')} all match; the result is null.`,
        );
        return { result: null, ruleOutputs: [] };
      }
      const value = source.combine(source.columns(first));
      return { result: value, ruleOutputs: [value] };
    }
    case 'A': {
      const all = matched.map((r) => source.columns(r));
      const firstColumns = all[0] as FeelValue[];
      const ruleOutputs = all.map((c) => source.combine(c));
      for (let i = 1; i < all.length; i++) {
        if (!columnsEqual(firstColumns, all[i] as FeelValue[])) {
          run.warn(
            'dmn.hitPolicyViolation',
            `ANY hit policy: rules ${matched[0]! + 1} and ${matched[i]! + 1} match with different outputs; the result is null.`,
          );
          return { result: null, ruleOutputs };
        }
      }
      return { result: ruleOutputs[0] as FeelValue, ruleOutputs };
    }
    case 'P': {
      const all = matched.map((r) => source.columns(r));
      let best = 0;
      let bestPriority = source.priority(all[0] as FeelValue[]);
      for (let i = 1; i < all.length; i++) {
        const p = source.priority(all[i] as FeelValue[]);
        if (comparePriorities(p, bestPriority) < 0) {
          best = i;
          bestPriority = p;
        }
      }
      const ruleOutputs = all.map((c) => source.combine(c));
      return { result: ruleOutputs[best] as FeelValue, ruleOutputs };
    }
    case 'R': {
      const ruleOutputs = matched.map((r) => source.combine(source.columns(r)));
      return { result: ruleOutputs, ruleOutputs };
    }
    case 'O': {
      const all = matched.map((r, order) => {
        const columns = source.columns(r);
        return { order, value: source.combine(columns), priority: source.priority(columns) };
      });
      const ruleOutputs = all.map((x) => x.value);
      const sorted = [...all].sort((a, b) => comparePriorities(a.priority, b.priority) || a.order - b.order);
      return { result: sorted.map((x) => x.value), ruleOutputs };
    }
    case 'C': {
      const ruleOutputs = matched.map((r) => source.combine(source.columns(r)));
      if (aggregation === undefined) return { result: ruleOutputs, ruleOutputs };
      if (source.outputCount !== 1) {
        run.warn('dmn.aggregationWithManyOutputs', `COLLECT ${aggregation} needs a table with one output; the result is null.`);
        return { result: null, ruleOutputs };
      }
      return { result: aggregate(aggregation, ruleOutputs, run), ruleOutputs };
    }
  }
}

/** The result of a table when no rule matched and there are no default output entries. */
export function noMatchResult(policy: HitPolicy, aggregation: Aggregation | undefined): FeelValue {
  if (isSingleHit(policy)) return null;
  if (policy === 'C' && aggregation !== undefined) return aggregation === 'COUNT' ? new FeelDecimal(0) : null;
  return [];
}

export function aggregate(aggregation: Aggregation, values: readonly FeelValue[], run: Run): FeelValue {
  if (aggregation === 'COUNT') return new FeelDecimal(values.length);
  if (values.length === 0) return null;
  let acc = values[0] as FeelValue;
  for (let i = 1; i < values.length; i++) {
    const v = values[i] as FeelValue;
    if (aggregation === 'SUM') {
      acc = addValues(acc, v);
      if (acc === null) return run.warn('dmn.aggregation', 'COLLECT SUM: the outputs cannot be added; the result is null.');
      continue;
    }
    const c = compareValues(v, acc);
    if (c === null) {
      return run.warn('dmn.aggregation', `COLLECT ${aggregation}: the outputs cannot be compared; the result is null.`);
    }
    if ((aggregation === 'MIN' && c < 0) || (aggregation === 'MAX' && c > 0)) acc = v;
  }
  if (acc === null) return run.warn('dmn.aggregation', `COLLECT ${aggregation} of null; the result is null.`);
  return acc;
}
