import type { EntityDefinition } from '@bankforge/data-model';
import { REGION_OPTIONS } from './branch.js';
import { option, text } from './labels.js';

export const LEAD_INDUSTRY_OPTIONS = [
  option('manufacturing', 'Manufacturing', '制造业'),
  option('trade', 'Import and export trade', '进出口贸易'),
  option('technology', 'Technology', '科技'),
  option('real_estate', 'Real estate', '房地产'),
  option('retail', 'Retail and consumer', '零售消费'),
  option('other', 'Other', '其他'),
];

/** The teams leads are routed to (by the `lead_routing` decision). */
export const LEAD_TEAM_OPTIONS = [
  option('trade_finance_east', 'Trade finance, East', '华东贸易金融团队'),
  option('tech_sme', 'Technology SMEs', '科技型中小企业团队'),
  option('corporate_north', 'Corporate banking, North', '华北公司金融团队'),
  option('corporate_south', 'Corporate banking, South', '华南公司金融团队'),
  option('inclusive_finance', 'Inclusive finance', '普惠金融团队'),
];

export const LEAD_STATUS_OPTIONS = [option('new', 'New', '新线索'), option('contacted', 'Contacted', '已联系'), option('qualified', 'Qualified', '已转商机'), option('dropped', 'Dropped', '已放弃')];

/** A prospective corporate customer (线索): captured from events, referrals, the website; routed to a team by region and industry. */
export const leadEntity: EntityDefinition = {
  kind: 'entity',
  key: 'lead',
  title: 'Lead',
  version: 1,
  label: text('Lead', '线索'),
  pluralLabel: text('Leads', '线索'),
  description: 'A prospective customer, routed to a team by region and industry.',
  fields: [
    { id: 'f_lead_company', key: 'company', type: 'text', label: text('Company', '企业名称'), required: true, maxLength: 100 },
    { id: 'f_lead_region', key: 'region', type: 'singleSelect', label: text('Region', '区域'), required: true, indexed: true, options: REGION_OPTIONS },
    { id: 'f_lead_industry', key: 'industry', type: 'singleSelect', label: text('Industry', '行业'), required: true, indexed: true, options: LEAD_INDUSTRY_OPTIONS },
    // Written by the lead-routing automation from the `lead_routing` decision.
    { id: 'f_lead_team', key: 'team', type: 'singleSelect', label: text('Team', '承接团队'), indexed: true, options: LEAD_TEAM_OPTIONS },
    { id: 'f_lead_status', key: 'status', type: 'singleSelect', label: text('Status', '状态'), required: true, indexed: true, options: LEAD_STATUS_OPTIONS, default: 'new' },
  ],
};
