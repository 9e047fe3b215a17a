/**
 * Product suitability (产品适当性): may a relationship manager recommend a wealth product to a
 * customer? The customer's risk tolerance (R1–R5, the customer entity's `risk_level`) against the
 * product's risk level (R1–R5), then the segment and AUM bands some products need.
 *
 * The hard rule comes first and holds whatever the segment or AUM: a product above the customer's
 * risk tolerance is never suitable. Anything the table cannot decide (no risk assessment, an
 * unknown level or segment, a missing AUM where it matters) is refused too.
 *
 * Pure data: the artifact is JSON round-trippable (what the decision designer would publish).
 */
import type { DecisionArtifact, DecisionTableRule } from '@bankforge/rule-engine';
import { productSuitabilityTests } from './product-suitability-cases.js';

/** The AUM (CNY) an affluent customer needs for R4 products. */
export const AFFLUENT_AUM_THRESHOLD = 500_000;
/** The AUM (CNY) a private banking customer needs for R5 (private banking) products. */
export const PRIVATE_BANKING_AUM_THRESHOLD = 6_000_000;
/** The top-level decision of `productSuitabilityDecision` (its result is `{ suitable, reasonCode, reason }`). */
export const PRODUCT_SUITABILITY_DECISION_NAME = 'Product suitability';

/** Why a product is or is not suitable: the code the decision answers, for the UI to translate. */
export type SuitabilityReasonCode =
  | 'suitable'
  | 'aboveRiskTolerance'
  | 'notRetailCustomer'
  | 'affluentAndAboveOnly'
  | 'aumBelowAffluentThreshold'
  | 'privateBankingOnly'
  | 'aumBelowPrivateThreshold'
  | 'profileIncomplete';

/** The reasons in both shipped languages; the decision's `reason` output is the English one. */
export const suitabilityReasons: Record<SuitabilityReasonCode, { en: string; 'zh-CN': string }> = {
  suitable: { en: 'Suitable for this customer.', 'zh-CN': '适合该客户。' },
  aboveRiskTolerance: {
    en: "The product's risk level is above the customer's risk tolerance: never recommend it.",
    'zh-CN': '产品风险等级高于客户风险承受能力，不得推荐。',
  },
  notRetailCustomer: {
    en: 'Corporate customers go through the institutional suitability review, not this one.',
    'zh-CN': '对公客户适用机构客户适当性审查，不适用本规则。',
  },
  affluentAndAboveOnly: {
    en: 'R4 products are for affluent and private banking customers only.',
    'zh-CN': 'R4 产品仅面向财富客户和私人银行客户。',
  },
  aumBelowAffluentThreshold: {
    en: 'R4 products need AUM of at least 500,000 CNY.',
    'zh-CN': 'R4 产品要求客户管理资产不低于 50 万元。',
  },
  privateBankingOnly: {
    en: 'R5 products are private banking products: for private banking customers only.',
    'zh-CN': 'R5 产品为私人银行产品，仅面向私人银行客户。',
  },
  aumBelowPrivateThreshold: {
    en: 'Private banking products need AUM of at least 6,000,000 CNY.',
    'zh-CN': '私人银行产品要求客户管理资产不低于 600 万元。',
  },
  profileIncomplete: {
    en: "The customer's risk assessment, segment or AUM is missing or not recognised: complete the profile first.",
    'zh-CN': '客户风险测评、客户分层或管理资产缺失或无法识别，请先完善客户信息。',
  },
};

const REASON_CODES = Object.keys(suitabilityReasons).filter((code) => code !== 'profileIncomplete');
const quoted = (text: string): string => JSON.stringify(text);

/** A rule of the suitability table: its input cells, what it decides, and why (en, zh-CN). */
function rule(id: string, inputEntries: string[], code: SuitabilityReasonCode, why: string, whyZh: string): DecisionTableRule {
  const suitable = code === 'suitable' ? 'true' : 'false';
  return { id, inputEntries, outputEntries: [suitable, quoted(code), quoted(suitabilityReasons[code].en)], annotations: [why, whyZh] };
}

const RETAIL = '"mass","affluent","private"';
/** The risk scale of products and of customers' tolerance, lowest first, as a FEEL list. */
const RISK_SCALE = '["R1", "R2", "R3", "R4", "R5"]';
/** The product is at or below the customer's risk tolerance. */
const WITHIN = '<= 0';

/**
 * Inputs: `CustomerSegment` (mass / affluent / private / corporate), `CustomerRiskTolerance` and
 * `ProductRiskLevel` (R1–R5), `AUM` (CNY, a number or decimal text). Three decisions and a business
 * knowledge model: the levels above tolerance (a context ranking both levels with the knowledge
 * model `Risk level rank`), the suitability table, and the answer (a context); the decision
 * designer draws them as a requirements diagram.
 */
export const productSuitabilityDecision: DecisionArtifact = {
  kind: 'decision',
  key: 'product_suitability',
  title: 'Product suitability',
  description:
    'May this product be recommended to this customer? Never above the customer\'s risk tolerance; R4 products for affluent customers and up with AUM ≥ 500,000 CNY; R5 (private banking) products for private banking customers with AUM ≥ 6,000,000 CNY. ' +
    '产品适当性：产品风险等级不得高于客户风险承受能力；R4 产品限财富及以上客户且 AUM 不低于 50 万元；R5 私行产品限私人银行客户且 AUM 不低于 600 万元。',
  inputData: [
    { name: 'CustomerSegment', typeRef: 'string' },
    { name: 'CustomerRiskTolerance', typeRef: 'string' },
    { name: 'ProductRiskLevel', typeRef: 'string' },
    { name: 'AUM', typeRef: 'number' },
  ],
  // The R1–R5 scale, once: a knowledge model both levels are ranked by.
  businessKnowledgeModels: [
    {
      name: 'Risk level rank',
      parameters: [{ name: 'level', typeRef: 'string' }],
      typeRef: 'number',
      body: {
        kind: 'literalExpression',
        text: `if list contains(${RISK_SCALE}, level) then index of(${RISK_SCALE}, level)[1] else null`,
      },
    },
  ],
  decisions: [
    {
      name: 'Levels above tolerance',
      typeRef: 'number',
      question: "By how many levels is the product's risk above the customer's risk tolerance (null: either level unknown)?",
      requirements: { inputs: ['ProductRiskLevel', 'CustomerRiskTolerance'], knowledge: ['Risk level rank'] },
      logic: {
        kind: 'context',
        entries: [
          { name: 'product', value: { kind: 'literalExpression', text: 'Risk level rank(ProductRiskLevel)' } },
          { name: 'tolerance', value: { kind: 'literalExpression', text: 'Risk level rank(CustomerRiskTolerance)' } },
          { value: { kind: 'literalExpression', text: 'if product = null or tolerance = null then null else product - tolerance' } },
        ],
      },
    },
    {
      name: 'Suitability',
      requirements: { decisions: ['Levels above tolerance'], inputs: ['CustomerSegment', 'ProductRiskLevel', 'AUM'] },
      logic: {
        kind: 'decisionTable',
        // UNIQUE: every combination of valid inputs is decided by exactly one rule (analysed in the tests).
        hitPolicy: 'U',
        inputs: [
          { expression: 'Levels above tolerance', label: 'Levels above tolerance (高于承受能力的级数)', typeRef: 'number', inputValues: '[-4..4]' },
          { expression: 'ProductRiskLevel', label: 'Product risk level (产品风险等级)', typeRef: 'string', inputValues: '"R1","R2","R3","R4","R5"' },
          { expression: 'CustomerSegment', label: 'Customer segment (客户分层)', typeRef: 'string', inputValues: '"mass","affluent","private","corporate"' },
          { expression: 'AUM', label: 'AUM, CNY (管理资产)', typeRef: 'number', inputValues: '>= 0' },
        ],
        outputs: [
          { name: 'suitable', typeRef: 'boolean' },
          { name: 'reasonCode', typeRef: 'string', outputValues: REASON_CODES.map(quoted).join(',') },
          { name: 'reason', typeRef: 'string' },
        ],
        rules: [
          rule('above-tolerance', ['> 0', '-', '-', '-'], 'aboveRiskTolerance',
            "Hard rule: a product above the customer's risk tolerance is never recommended, whatever the segment or AUM.",
            '硬性规定：产品风险等级高于客户风险承受能力的，无论客户分层或资产多少，一律不得推荐。'),
          rule('corporate', [WITHIN, '-', '"corporate"', '-'], 'notRetailCustomer',
            'Corporate customers are reviewed under the institutional suitability rules, not these retail ones.',
            '对公客户按机构客户适当性规定审查，不适用本零售规则。'),
          rule('standard-products', [WITHIN, '"R1","R2","R3"', RETAIL, '-'], 'suitable',
            'R1–R3 products within the tolerance suit every retail customer, whatever the AUM.',
            'R1–R3 产品在风险承受能力以内的，适合所有零售客户，不设资产门槛。'),
          rule('r4-mass', [WITHIN, '"R4"', '"mass"', '-'], 'affluentAndAboveOnly',
            'R4 products are sold to affluent and private banking customers only, not to mass customers.',
            'R4 产品仅向财富客户和私人银行客户销售，不向大众客户销售。'),
          rule('r4-aum-below', [WITHIN, '"R4"', '"affluent","private"', '< 500000'], 'aumBelowAffluentThreshold',
            'An affluent or private customer whose AUM has fallen below 500,000 CNY may not buy R4 products.',
            '财富或私行客户管理资产低于 50 万元的，不得购买 R4 产品。'),
          rule('r4-suitable', [WITHIN, '"R4"', '"affluent","private"', '>= 500000'], 'suitable',
            'R4 products: affluent and private customers with AUM of at least 500,000 CNY.',
            'R4 产品：管理资产不低于 50 万元的财富客户和私人银行客户。'),
          rule('r5-not-private', [WITHIN, '"R5"', '"mass","affluent"', '-'], 'privateBankingOnly',
            'R5 products are private banking products: only private banking customers may buy them.',
            'R5 产品为私人银行产品，仅私人银行客户可以购买。'),
          rule('r5-aum-below', [WITHIN, '"R5"', '"private"', '< 6000000'], 'aumBelowPrivateThreshold',
            'A private banking customer whose AUM has fallen below 6,000,000 CNY may not buy R5 products.',
            '私人银行客户管理资产低于 600 万元的，不得购买 R5 产品。'),
          rule('r5-suitable', [WITHIN, '"R5"', '"private"', '>= 6000000'], 'suitable',
            'R5 products: private banking customers with R5 tolerance and AUM of at least 6,000,000 CNY.',
            'R5 产品：风险承受能力为 R5 且管理资产不低于 600 万元的私人银行客户。'),
        ],
        annotations: ['Rationale', '说明'],
      },
    },
    {
      name: PRODUCT_SUITABILITY_DECISION_NAME,
      // What the table cannot decide (no match, or an input outside its values) is refused.
      requirements: { decisions: ['Suitability'] },
      logic: {
        kind: 'context',
        entries: [
          { name: 'suitable', value: { kind: 'literalExpression', text: 'if Suitability = null then false else Suitability.suitable' } },
          { name: 'reasonCode', value: { kind: 'literalExpression', text: 'if Suitability = null then "profileIncomplete" else Suitability.reasonCode' } },
          {
            name: 'reason',
            value: { kind: 'literalExpression', text: `if Suitability = null then ${quoted(suitabilityReasons.profileIncomplete.en)} else Suitability.reason` },
          },
        ],
      },
    },
  ],
  tests: productSuitabilityTests,
};
