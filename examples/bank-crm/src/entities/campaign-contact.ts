import type { EntityDefinition } from '@bankforge/data-model';
import { option, text } from './labels.js';
import { OPPORTUNITY_PRODUCT_OPTIONS } from './opportunity.js';

export const CAMPAIGN_CHANNEL_OPTIONS = [option('sms', 'SMS', '短信'), option('app', 'Mobile app', '手机银行'), option('rm', 'Relationship manager', '客户经理')];

/** The funnel's steps, in order: sent, responded (or declined), converted. */
export const CAMPAIGN_CONTACT_STATUS_OPTIONS = [
  option('sent', 'Sent', '已触达'),
  option('responded', 'Responded', '已响应'),
  option('declined', 'Declined', '已拒绝'),
  option('converted', 'Converted', '已转化'),
];

/**
 * One customer reached by one campaign (营销触达): what was offered through which channel, and how
 * the customer answered. The campaign's funnel counts these.
 */
export const campaignContactEntity: EntityDefinition = {
  kind: 'entity',
  key: 'campaign_contact',
  title: 'Campaign contact',
  version: 1,
  label: text('Campaign contact', '营销触达'),
  pluralLabel: text('Campaign contacts', '营销触达'),
  description: 'A customer a campaign reached, the offer, the channel and the response.',
  fields: [
    { id: 'f_campaign_contact_campaign', key: 'campaign', type: 'text', label: text('Campaign', '营销活动'), required: true, indexed: true, maxLength: 40 },
    { id: 'f_campaign_contact_customer', key: 'customer', type: 'reference', label: text('Customer', '客户'), required: true, indexed: true, reference: { entity: 'customer' } },
    { id: 'f_campaign_contact_channel', key: 'channel', type: 'singleSelect', label: text('Channel', '渠道'), required: true, options: CAMPAIGN_CHANNEL_OPTIONS },
    { id: 'f_campaign_contact_product', key: 'product', type: 'singleSelect', label: text('Product offered', '推荐产品'), required: true, options: OPPORTUNITY_PRODUCT_OPTIONS },
    // What a reply quotes back (customer number and campaign): the SMS platform never sends the CRM a phone number.
    { id: 'f_campaign_contact_reference', key: 'reference_no', type: 'text', label: text('Reference', '触达编号'), required: true, unique: true, maxLength: 64 },
    { id: 'f_campaign_contact_status', key: 'status', type: 'singleSelect', label: text('Status', '状态'), required: true, indexed: true, options: CAMPAIGN_CONTACT_STATUS_OPTIONS, default: 'sent' },
    { id: 'f_campaign_contact_sent', key: 'sent_at', type: 'datetime', label: text('Sent at', '触达时间') },
    { id: 'f_campaign_contact_responded', key: 'responded_at', type: 'datetime', label: text('Responded at', '响应时间') },
  ],
};
