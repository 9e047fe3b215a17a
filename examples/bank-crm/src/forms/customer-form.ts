import type { FormDefinition, FormFieldNode } from '@bankforge/form-engine';
import { text } from '../entities/labels.js';

function place(field: string, extra: Partial<FormFieldNode> = {}): FormFieldNode {
  return { id: `n_${field}`, type: 'field', field, ...extra };
}

/**
 * The customer form relationship managers open every day: identity first, in two columns, then
 * KYC and risk, then wealth and notes on tabs. Personal identity fields belong to individuals and
 * the website to corporates; the risk tolerance must be assessed before KYC can be verified.
 */
export const customerForm: FormDefinition = {
  kind: 'form',
  key: 'customer_form',
  title: 'Customer',
  schemaVersion: 1,
  entity: 'customer',
  label: text('Customer', '客户'),
  default: true,
  layout: [
    {
      id: 's_identity',
      type: 'section',
      title: text('Basic information', '基本信息'),
      children: [
        {
          id: 'c_identity',
          type: 'columns',
          columns: [
            { id: 'c_identity_left', children: [place('customer_no'), place('name'), place('customer_type', { widget: 'radio' }), place('segment'), place('branch')] },
            {
              id: 'c_identity_right',
              children: [
                place('resident_id', { visibleWhen: 'customer_type = "individual"', requiredWhen: 'true', help: text('18 characters; the last may be X', '18 位,末位可为 X') }),
                place('birth_date', { visibleWhen: 'customer_type = "individual"' }),
                place('mobile', { placeholder: text('e.g. 13812345678', '如 13812345678') }),
                place('email'),
                place('website', { visibleWhen: 'customer_type = "corporate"' }),
              ],
            },
          ],
        },
      ],
    },
    {
      id: 's_kyc',
      type: 'section',
      title: text('KYC and risk', '身份核验与风险'),
      children: [
        {
          id: 'c_kyc',
          type: 'columns',
          columns: [
            { id: 'c_kyc_left', children: [place('kyc_status'), place('risk_level', { requiredWhen: 'kyc_status = "verified"' }), place('onboarded_at')] },
            { id: 'c_kyc_right', children: [place('credit_score'), place('churn_risk')] },
          ],
        },
      ],
    },
    {
      id: 't_more',
      type: 'tabs',
      tabs: [
        { id: 't_wealth', title: text('Wealth', '财富'), children: [place('aum'), place('annual_income'), place('monthly_deposit_growth'), place('deposit_growth_streak')] },
        { id: 't_notes', title: text('Service', '服务'), children: [place('rm_name'), place('tags'), place('last_contacted_at'), place('last_marketed_at'), place('last_transaction_on'), place('service_score'), place('notes'), place('preferences')] },
      ],
    },
  ],
  validations: [
    {
      id: 'v_birth_date',
      expression: 'birth_date = null or birth_date <= today()',
      message: text('The date of birth cannot be in the future', '出生日期不能晚于今天'),
      field: 'birth_date',
    },
    {
      id: 'v_private_aum',
      expression: 'segment != "private" or aum = null or aum.amount >= 6000000',
      message: text('Private banking customers hold at least 6,000,000 in assets', '私人银行客户的管理资产不低于 600 万'),
      field: 'aum',
    },
  ],
};
