import type { AutomationDefinition } from '@bankforge/flow-engine';
import { text } from '../entities/labels.js';
import { wealthCampaignSegment } from '../segments.js';

/** The campaign's code, on every contact it makes. */
export const WEALTH_CAMPAIGN = 'WM2026Q4';
/** The offered product's risk rating: never offered to a customer whose tolerance is below it. */
export const WEALTH_CAMPAIGN_PRODUCT_RISK = 'R3';
/** Days a customer is left alone after a marketing message (频次控制). */
export const MARKETING_QUIET_DAYS = 30;

/**
 * A precision campaign (精准营销): every morning the audience, the saved segment of affluent and
 * private-banking individuals with a risk assessment (read as saved that morning), less those who
 * had a marketing message in the last 30 days (the rule's own filter), is checked with the `product_suitability`
 * decision against the R3 product (never above the customer's tolerance), texted through the
 * `sms_gateway` connector (the customer number, never the phone: the bank's SMS platform holds the
 * numbers and the consents), and the contact recorded for the funnel. Shipped paused: an
 * administrator enables it once the SMS gateway connector is configured.
 */
export const wealthCampaignAutomation: AutomationDefinition = {
  kind: 'automation',
  key: 'wealth_campaign_sms',
  title: 'Wealth campaign by SMS',
  label: text('Wealth campaign by SMS (WM2026Q4)', '理财产品短信营销（WM2026Q4）'),
  description: text(
    'Offers the R3 wealth product by SMS to affluent and private customers it suits, at most once a month each, and records the contact.',
    '向适合的财富及私行客户短信推荐 R3 理财产品，每位客户每月至多一次，并记录触达。',
  ),
  enabled: false,
  trigger: {
    type: 'schedule',
    every: 'day',
    at: '10:00',
    timeZone: 'Asia/Shanghai',
    entity: 'customer',
    segment: wealthCampaignSegment.id,
    filter: { not: { field: 'last_marketed_at', op: 'within', value: { last: MARKETING_QUIET_DAYS, unit: 'day' } } },
  },
  actions: [
    {
      id: 'check_suitability',
      type: 'evaluateDecision',
      as: 'fit',
      decision: 'product_suitability',
      inputs: {
        CustomerSegment: 'record.segment',
        CustomerRiskTolerance: 'record.risk_level',
        ProductRiskLevel: JSON.stringify(WEALTH_CAMPAIGN_PRODUCT_RISK),
        AUM: 'if record.aum = null then null else number(record.aum.amount)',
      },
    },
    { id: 'suitable_only', type: 'condition', when: 'fit.suitable = true' },
    {
      id: 'send_sms',
      type: 'callConnector',
      as: 'sms',
      connector: 'sms_gateway',
      method: 'POST',
      path: '/messages',
      body: `{campaign: "${WEALTH_CAMPAIGN}", template: "wealth_r3_offer", customer_no: record.customer_no, reference: record.customer_no + "-${WEALTH_CAMPAIGN}"}`,
    },
    {
      id: 'record_contact',
      type: 'createRecord',
      entity: 'campaign_contact',
      values: {
        campaign: `"${WEALTH_CAMPAIGN}"`,
        customer: 'record.id',
        channel: '"sms"',
        product: '"wealth_management"',
        reference_no: `record.customer_no + "-${WEALTH_CAMPAIGN}"`,
        status: '"sent"',
        sent_at: 'now',
      },
    },
    { id: 'cap_frequency', type: 'updateRecord', values: { last_marketed_at: 'now' } },
  ],
};

/** The SMS platform's reply (`POST /api/automations/events/campaign_sms_reply`, `{reference, reply}`): Y (or yes) responds, anything else declines. */
export const campaignReplyAutomation: AutomationDefinition = {
  kind: 'automation',
  key: 'campaign_sms_reply',
  title: 'Record a campaign SMS reply',
  label: text('Record a campaign SMS reply', '记录营销短信回复'),
  description: text('A reply to a campaign SMS marks the contact responded (Y) or declined.', '营销短信的回复将触达标记为已响应（Y）或已拒绝。'),
  trigger: { type: 'inbound', event: 'campaign_sms_reply', entity: 'campaign_contact', match: { field: 'reference_no', value: 'payload.reference' }, condition: 'record.status = "sent"' },
  actions: [{ id: 'record_reply', type: 'updateRecord', values: { status: 'if starts with(upper case(payload.reply), "Y") then "responded" else "declined"', responded_at: 'now' } }],
};

/**
 * A won opportunity from a campaign (its `campaign` code set) converts the customer's contacts of
 * that campaign: every one not converted yet (a customer texted twice converted on both), found by
 * customer and campaign. An opportunity with no campaign, or no contact, changes nothing.
 */
export const campaignConversionAutomation: AutomationDefinition = {
  kind: 'automation',
  key: 'campaign_conversion',
  title: 'Mark campaign contacts converted',
  label: text('Mark campaign contacts converted', '标记营销触达已转化'),
  description: text('An opportunity won from a campaign marks the customer’s contacts of that campaign converted.', '来自营销活动的商机赢单时，将该客户在该活动中的触达标记为已转化。'),
  trigger: { type: 'record', entity: 'opportunity', on: ['created', 'updated'], condition: 'new.stage = "won" and new.campaign != null and (old = null or old.stage != "won")' },
  actions: [
    {
      id: 'mark_converted',
      type: 'updateRecord',
      target: {
        entity: 'campaign_contact',
        where: [
          { field: 'customer', op: 'eq', value: 'new.customer' },
          { field: 'campaign', op: 'eq', value: 'new.campaign' },
          { field: 'status', op: 'ne', value: '"converted"' },
        ],
      },
      values: { status: '"converted"' },
    },
  ],
};
