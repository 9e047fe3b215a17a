/**
 * The test suite of `product_suitability`, as the analyst writes it: every rule, the AUM
 * thresholds on both sides, the hard rule for every segment, and the refusals of incomplete
 * profiles. The amounts are written out (not taken from the constants): they are what the policy
 * says, checked against what the table does.
 */
import type { DecisionTestCase } from '@bankforge/rule-engine';

type Segment = 'mass' | 'affluent' | 'private' | 'corporate';

function suitabilityCase(
  name: string,
  segment: Segment | null,
  tolerance: string | null,
  product: string,
  aum: number | string | null,
  suitable: boolean,
  reasonCode: string,
): DecisionTestCase {
  return {
    name,
    inputs: { CustomerSegment: segment, CustomerRiskTolerance: tolerance, ProductRiskLevel: product, AUM: aum },
    expected: { suitable, reasonCode },
  };
}

export const productSuitabilityTests: DecisionTestCase[] = [
  // The hard rule: above the tolerance is refused for every segment, however large the AUM.
  suitabilityCase('R1 customer, R2 product: one level above, refused', 'mass', 'R1', 'R2', 100_000, false, 'aboveRiskTolerance'),
  suitabilityCase('R3 private customer with 50m AUM, R4 product: refused', 'private', 'R3', 'R4', 50_000_000, false, 'aboveRiskTolerance'),
  suitabilityCase('R4 affluent customer, R5 product: refused', 'affluent', 'R4', 'R5', 8_000_000, false, 'aboveRiskTolerance'),
  suitabilityCase('R1 corporate customer, R5 product: the hard rule before the corporate one', 'corporate', 'R1', 'R5', 90_000_000, false, 'aboveRiskTolerance'),
  suitabilityCase('R2 customer of unknown segment, R3 product: refused', null, 'R2', 'R3', null, false, 'aboveRiskTolerance'),
  // Corporate customers.
  suitabilityCase('corporate customer, product within tolerance: institutional review', 'corporate', 'R3', 'R2', 2_000_000, false, 'notRetailCustomer'),
  // R1–R3 products.
  suitabilityCase('mass R3 customer, R3 product (same level), no AUM', 'mass', 'R3', 'R3', 0, true, 'suitable'),
  suitabilityCase('R1 customer, R1 product', 'mass', 'R1', 'R1', 10_000, true, 'suitable'),
  suitabilityCase('affluent R5 customer, R1 product', 'affluent', 'R5', 'R1', 600_000, true, 'suitable'),
  suitabilityCase('private R2 customer, R2 product, AUM unknown', 'private', 'R2', 'R2', null, true, 'suitable'),
  // R4 products: affluent and up, AUM >= 500,000.
  suitabilityCase('mass R5 customer with 10m AUM, R4 product: affluent and up only', 'mass', 'R5', 'R4', 10_000_000, false, 'affluentAndAboveOnly'),
  suitabilityCase('affluent R4 customer at 499,999.99, R4 product', 'affluent', 'R4', 'R4', '499999.99', false, 'aumBelowAffluentThreshold'),
  suitabilityCase('private R4 customer at 100,000, R4 product', 'private', 'R4', 'R4', 100_000, false, 'aumBelowAffluentThreshold'),
  suitabilityCase('affluent R4 customer at exactly 500,000, R4 product', 'affluent', 'R4', 'R4', 500_000, true, 'suitable'),
  suitabilityCase('private R5 customer, R4 product', 'private', 'R5', 'R4', 7_000_000, true, 'suitable'),
  // R5 (private banking) products: private banking customers, AUM >= 6,000,000.
  suitabilityCase('affluent R5 customer with 9m AUM, R5 product: private banking only', 'affluent', 'R5', 'R5', 9_000_000, false, 'privateBankingOnly'),
  suitabilityCase('mass R5 customer, R5 product', 'mass', 'R5', 'R5', 50_000, false, 'privateBankingOnly'),
  suitabilityCase('private R5 customer at 5,999,999.99, R5 product', 'private', 'R5', 'R5', '5999999.99', false, 'aumBelowPrivateThreshold'),
  suitabilityCase('private R5 customer at exactly 6,000,000, R5 product', 'private', 'R5', 'R5', '6000000.00', true, 'suitable'),
  // What the table cannot decide is refused.
  suitabilityCase('no risk assessment: refused', 'affluent', null, 'R1', 800_000, false, 'profileIncomplete'),
  suitabilityCase('a C3 tolerance (not an R level): refused', 'affluent', 'C3', 'R1', 800_000, false, 'profileIncomplete'),
  suitabilityCase('no segment, product within tolerance: refused', null, 'R3', 'R2', 800_000, false, 'profileIncomplete'),
  suitabilityCase('R4 product without an AUM: refused', 'affluent', 'R4', 'R4', null, false, 'profileIncomplete'),
  {
    name: 'the reason is given in English',
    inputs: { CustomerSegment: 'mass', CustomerRiskTolerance: 'R2', ProductRiskLevel: 'R3', AUM: 0 },
    expected: { reason: "The product's risk level is above the customer's risk tolerance: never recommend it." },
  },
  {
    name: 'levels above tolerance: R5 product for an R2 customer is 3',
    decision: 'Levels above tolerance',
    inputs: { CustomerRiskTolerance: 'R2', ProductRiskLevel: 'R5' },
    expected: { result: 3 },
  },
];
