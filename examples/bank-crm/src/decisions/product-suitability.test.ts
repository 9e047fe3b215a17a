/**
 * `product_suitability` with the real rule engine: its own suite, the table analysis, and the hard
 * rule evaluated directly over every segment, level pair and AUM band.
 */
import {
  analyzeDecisionTable,
  compileDecisionModel,
  decisionInputReader,
  decisionKind,
  fromFeelValue,
  runDecisionTests,
  type ArtifactProblem,
  type DecisionTable,
} from '@bankforge/rule-engine';
import { describe, expect, it } from 'vitest';
import { RISK_LEVEL_OPTIONS, SEGMENT_OPTIONS } from '../entities/customer.js';
import { PRODUCT_SUITABILITY_DECISION_NAME, productSuitabilityDecision, suitabilityReasons } from './product-suitability.js';

const LEVELS = ['R1', 'R2', 'R3', 'R4', 'R5'];
const SEGMENTS = ['mass', 'affluent', 'private', 'corporate', null];
const AUMS = [null, 0, 499_999.99, 500_000, 5_999_999.99, 6_000_000, 1_000_000_000];

const model = compileDecisionModel(productSuitabilityDecision);
/** Inputs as hosts pass them: money as decimal text is read as that number. */
const read = decisionInputReader(productSuitabilityDecision);
const table = productSuitabilityDecision.decisions.find((d) => d.name === 'Suitability')?.logic as DecisionTable;

function suitability(segment: string | null, tolerance: string | null, product: string | null, aum: number | string | null): Record<string, unknown> {
  const inputs = { CustomerSegment: segment, CustomerRiskTolerance: tolerance, ProductRiskLevel: product, AUM: aum };
  return fromFeelValue(model.evaluate(PRODUCT_SUITABILITY_DECISION_NAME, read(inputs)).value) as Record<string, unknown>;
}

describe('product_suitability', () => {
  it('passes its own test suite, which reaches every rule of the table', () => {
    const report = runDecisionTests(productSuitabilityDecision);
    expect(report.results.filter((r) => !r.passed)).toEqual([]);
    expect(report.passed).toBe(productSuitabilityDecision.tests?.length);
    expect(report.coverage).toMatchObject({ rules: 9, uncoveredRules: 0 });
  });

  it('is a requirements graph of three decisions, four input data and a knowledge model the levels are ranked by', () => {
    const { decisions, inputData, businessKnowledgeModels } = productSuitabilityDecision;
    expect(decisions.map((d) => [d.name, d.logic?.kind])).toEqual([
      ['Levels above tolerance', 'context'],
      ['Suitability', 'decisionTable'],
      [PRODUCT_SUITABILITY_DECISION_NAME, 'context'],
    ]);
    expect(inputData).toHaveLength(4);
    expect(businessKnowledgeModels?.map((b) => b.name)).toEqual(['Risk level rank']);
    expect(decisions[0]!.requirements?.knowledge).toEqual(['Risk level rank']);
    expect(model.diagnostics).toEqual([]);
    const levels = (product: string | null, tolerance: string | null) =>
      fromFeelValue(model.evaluate('Levels above tolerance', read({ ProductRiskLevel: product, CustomerRiskTolerance: tolerance })).value);
    expect([levels('R5', 'R1'), levels('R1', 'R3'), levels('R3', 'R3'), levels('R9', 'R1'), levels('R2', null)]).toEqual([4, -2, 0, null, null]);
  });

  it('is a complete UNIQUE table: no gaps, no overlaps, no unreachable rule, every cell read', () => {
    const analysis = analyzeDecisionTable(table, { names: ['Levels above tolerance'] });
    expect(analysis.hitPolicy).toBe('U');
    expect(analysis).toMatchObject({ gaps: [], overlaps: [], unreachable: [], skipped: [], truncated: false });
  });

  it('would show a gap to the analyst if the R5 rule for private banking were missing', () => {
    const without = { ...table, rules: table.rules.filter((r) => r.id !== 'r5-suitable') };
    expect(analyzeDecisionTable(without, { names: ['Levels above tolerance'] }).gaps.map((g) => g.text)).toEqual([
      expect.stringMatching(/R5.*private.*>= 6000000/),
    ]);
  });

  it('never recommends a product above the customer\'s risk tolerance, whatever the segment or AUM', () => {
    let checked = 0;
    for (const [t, tolerance] of LEVELS.entries()) {
      for (const product of LEVELS.slice(t + 1)) {
        for (const segment of SEGMENTS) {
          for (const aum of AUMS) {
            expect(suitability(segment, tolerance, product, aum), `${segment} ${tolerance} ${product} ${aum}`).toMatchObject({
              suitable: false,
              reasonCode: 'aboveRiskTolerance',
            });
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(10 * SEGMENTS.length * AUMS.length);
  });

  it('answers a boolean for every input, and suits only within the tolerance, for retail customers', () => {
    for (const tolerance of [...LEVELS, null, 'C3']) {
      for (const product of LEVELS) {
        for (const segment of SEGMENTS) {
          for (const aum of AUMS) {
            const answer = suitability(segment, tolerance, product, aum);
            expect(typeof answer.suitable).toBe('boolean');
            if (answer.suitable === true) {
              expect(LEVELS.indexOf(product)).toBeLessThanOrEqual(LEVELS.indexOf(tolerance ?? ''));
              expect(segment).not.toBe('corporate');
              expect(segment).not.toBeNull();
            }
          }
        }
      }
    }
  });

  it('refuses a customer without a risk assessment, even for an R1 product', () => {
    expect(suitability('private', null, 'R1', 50_000_000)).toEqual({
      suitable: false,
      reasonCode: 'profileIncomplete',
      reason: suitabilityReasons.profileIncomplete.en,
    });
  });

  it('keeps private banking products to private banking customers with 6,000,000 CNY', () => {
    expect(suitability('private', 'R5', 'R5', '6000000.00')).toMatchObject({ suitable: true });
    expect(suitability('private', 'R5', 'R5', '5999999.99')).toMatchObject({ suitable: false, reasonCode: 'aumBelowPrivateThreshold' });
    expect(suitability('affluent', 'R5', 'R5', 100_000_000)).toMatchObject({ suitable: false, reasonCode: 'privateBankingOnly' });
  });

  it("reads the customer entity's own segments and risk levels", () => {
    const inputValues = (label: string) => table.inputs.find((i) => i.label?.startsWith(label))?.inputValues;
    expect(inputValues('Customer segment')).toBe(SEGMENT_OPTIONS.map((o) => JSON.stringify(o.value)).join(','));
    expect(inputValues('Product risk level')).toBe(RISK_LEVEL_OPTIONS.map((o) => JSON.stringify(o.value)).join(','));
  });

  it('gives every reason in English and Chinese; the table answers the English text with each code', () => {
    for (const text of Object.values(suitabilityReasons)) {
      expect(text.en).not.toBe('');
      expect(text['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const rule of table.rules) {
      const code = JSON.parse(rule.outputEntries[1]!) as keyof typeof suitabilityReasons;
      expect(JSON.parse(rule.outputEntries[2]!)).toBe(suitabilityReasons[code].en);
      expect(rule.annotations).toHaveLength(2);
    }
  });

  it('is pure data: it survives a JSON round trip, compiles cleanly and its suite still passes', async () => {
    const copy = JSON.parse(JSON.stringify(productSuitabilityDecision)) as typeof productSuitabilityDecision;
    expect(copy).toEqual(productSuitabilityDecision);
    const warnings: ArtifactProblem[] = [];
    expect(await decisionKind.check(copy, { stage: 'publish', warn: (p) => warnings.push(p) })).toEqual([]);
    expect(warnings).toEqual([]);
    expect(runDecisionTests(copy).failed).toBe(0);
  });
});
