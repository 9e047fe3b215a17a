/** The lead-routing table: east trade to trade finance, technology anywhere to the tech SME team, the rest by region. */
import { compileDecisionModel, fromFeelValue, toFeelValue } from '@bankforge/rule-engine';
import { describe, expect, it } from 'vitest';
import { LEAD_TEAM_OPTIONS } from '../entities/lead.js';
import { LEAD_ROUTING_DECISION_NAME, leadRoutingDecision } from './lead-routing.js';

const model = compileDecisionModel(leadRoutingDecision);
const team = (Region: string, Industry: string): unknown => fromFeelValue(model.evaluate(LEAD_ROUTING_DECISION_NAME, { Region: toFeelValue(Region), Industry: toFeelValue(Industry) }).value);

describe('lead routing', () => {
  it.each([
    ['east', 'trade', 'trade_finance_east'],
    ['east', 'technology', 'tech_sme'],
    ['north', 'technology', 'tech_sme'],
    ['northeast', 'manufacturing', 'corporate_north'],
    ['south', 'real_estate', 'corporate_south'],
    ['east', 'retail', 'inclusive_finance'],
    ['northwest', 'other', 'inclusive_finance'],
  ])('routes a %s %s lead to %s', (region, industry, expected) => {
    expect(team(region, industry)).toBe(expected);
  });

  it('answers only teams the lead entity offers', () => {
    const teams = LEAD_TEAM_OPTIONS.map((o) => o.value);
    for (const region of ['north', 'east', 'south', 'central', 'southwest']) for (const industry of ['trade', 'technology', 'retail', 'other']) expect(teams).toContain(team(region, industry));
  });
});
