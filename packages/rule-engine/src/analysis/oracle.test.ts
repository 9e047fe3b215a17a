/**
 * The analysis against brute force on small random tables: every input point of a fine grid is
 * tested with the FEEL engine's own unary tests, and the gaps, overlaps and shadowed rules found by
 * the sweep must be exactly what the points say (the gaps' and overlaps' regions too, read back
 * as FEEL).
 */
import { describe, expect, it } from 'vitest';
import { compileUnaryTests } from '../feel/compile.js';
import { FeelDecimal } from '../feel/values/feel-value.js';
import type { DecisionTable, HitPolicy } from '../dmn/model.js';
import { analyzeDecisionTable } from './analyze.js';

/** Mulberry32, seeded: the same tables every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Values -0.5, 0, 0.5, ..., 9.5: every bound (integers 0..9) and every open interval around them. */
const VALUES = Array.from({ length: 21 }, (_, i) => new FeelDecimal(i - 1).div(2));
const COLUMNS = 3;

function randomCell(next: () => number): string {
  const int = () => Math.floor(next() * 7);
  const r = next();
  if (r < 0.25) return '-';
  if (r < 0.4) return `< ${int()}`;
  if (r < 0.5) return `>= ${int()}`;
  if (r < 0.6) return `${int()}`;
  if (r < 0.7) return `not(${int()}, ${int()})`;
  if (r < 0.8) return `> ${int()}, <= ${int()}`;
  const a = int();
  const b = a + Math.floor(next() * 4);
  return `${next() < 0.5 ? '[' : '('}${a}..${b}${next() < 0.5 ? ']' : ')'}`;
}

function randomTable(seed: number, hitPolicy: HitPolicy, rules: number): DecisionTable {
  const next = random(seed);
  return {
    kind: 'decisionTable',
    hitPolicy,
    inputs: Array.from({ length: COLUMNS }, (_, c) => ({ expression: `x${c}`, typeRef: 'number' })),
    outputs: [{}],
    rules: Array.from({ length: rules }, () => ({
      inputEntries: Array.from({ length: COLUMNS }, () => randomCell(next)),
      outputEntries: ['1'],
    })),
  };
}

/** Which grid values a unary-tests text accepts (by the engine). */
function accepted(text: string): boolean[] {
  const tests = compileUnaryTests(text);
  return VALUES.map((v) => tests.test(v, {}).value === true);
}

/** Every grid point as value indexes. */
function points(): number[][] {
  const out: number[][] = [[]];
  for (let c = 0; c < COLUMNS; c++) {
    const next: number[][] = [];
    for (const p of out) for (let v = 0; v < VALUES.length; v++) next.push([...p, v]);
    out.splice(0, out.length, ...next);
  }
  return out;
}

const POINTS = points();

function matcher(entries: readonly string[]): (p: readonly number[]) => boolean {
  const cols = entries.map(accepted);
  return (p) => p.every((v, c) => cols[c]![v]!);
}

describe('analysis against brute force', () => {
  it('finds exactly the uncovered points as gaps, and the overlapping pairs with their regions (UNIQUE)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const table = randomTable(seed, 'U', 4 + (seed % 9));
      const analysis = analyzeDecisionTable(table, { maxOverlaps: 1000, maxGaps: 1000 });
      expect(analysis.truncated).toBe(false);
      expect(analysis.skipped).toEqual([]);
      const rules = table.rules.map((r) => matcher(r.inputEntries));
      const gaps = analysis.gaps.map((g) => matcher(g.inputEntries));
      for (const p of POINTS) {
        const uncovered = !rules.some((m) => m(p));
        const inGaps = gaps.filter((g) => g(p)).length;
        expect(inGaps, `seed ${seed}, point ${p.join(',')}`).toBe(uncovered ? 1 : 0);
      }
      const pairs = new Set(analysis.overlaps.map((o) => o.rules.join(',')));
      for (let i = 0; i < rules.length; i++) {
        for (let j = i + 1; j < rules.length; j++) {
          const both = POINTS.filter((p) => rules[i]!(p) && rules[j]!(p));
          expect(pairs.has(`${i},${j}`), `seed ${seed}, rules ${i} and ${j}`).toBe(both.length > 0);
          const overlap = analysis.overlaps.find((o) => o.rules[0] === i && o.rules[1] === j);
          if (overlap) {
            const region = matcher(overlap.inputEntries);
            expect(POINTS.filter(region)).toEqual(both);
          }
        }
      }
    }
  });

  it('finds exactly the rules earlier rules take every input of (FIRST)', () => {
    for (let seed = 100; seed <= 140; seed++) {
      const table = randomTable(seed, 'F', 5 + (seed % 10));
      const analysis = analyzeDecisionTable(table);
      const rules = table.rules.map((r) => matcher(r.inputEntries));
      const expected = rules.flatMap((m, r) => {
        const own = POINTS.filter(m);
        if (own.length === 0) return [{ rule: r, code: 'ruleNeverMatches' }];
        return own.every((p) => rules.slice(0, r).some((earlier) => earlier(p)))
          ? [{ rule: r, code: 'shadowedRule' }]
          : [];
      });
      expect(
        analysis.unreachable.map(({ rule, code }) => ({ rule, code })),
        `seed ${seed}`,
      ).toEqual(expected);
      for (const u of analysis.unreachable) {
        const own = POINTS.filter(rules[u.rule]!);
        expect(own.every((p) => u.coveredBy.some((j) => rules[j]!(p)))).toBe(true);
      }
    }
  });
});
