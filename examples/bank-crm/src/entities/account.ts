import type { EntityDefinition } from '@bankforge/data-model';
import { option, text } from './labels.js';

export const ACCOUNT_PRODUCT_OPTIONS = [
  option('debit_card', 'Debit card', '借记卡'),
  option('savings', 'Demand savings', '活期储蓄'),
  option('time_deposit', 'Time deposit', '定期存款'),
  option('large_deposit', 'Large-denomination CD', '大额存单'),
  option('wealth', 'Wealth management account', '理财账户'),
  option('corporate_basic', 'Corporate basic account', '单位基本存款账户'),
  option('corporate_general', 'Corporate general account', '单位一般存款账户'),
];

export const ACCOUNT_STATUS_OPTIONS = [
  option('active', 'Active', '正常'),
  option('dormant', 'Dormant', '久悬'),
  option('frozen', 'Frozen', '冻结'),
  option('closed', 'Closed', '销户'),
];

/** A deposit or wealth account a customer holds. */
export const accountEntity: EntityDefinition = {
  kind: 'entity',
  key: 'account',
  title: 'Account',
  version: 1,
  label: text('Account', '账户'),
  pluralLabel: text('Accounts', '账户'),
  description: 'A deposit, card or wealth account held by a customer.',
  titleTemplate: '{account_no}',
  fields: [
    {
      id: 'f_account_no',
      key: 'account_no',
      type: 'text',
      sensitive: true,
      label: text('Account number', '账号'),
      required: true,
      unique: true,
      pattern: '^[0-9]{19}$',
      maxLength: 19,
    },
    {
      id: 'f_account_customer',
      key: 'customer',
      type: 'reference',
      label: text('Customer', '所属客户'),
      required: true,
      indexed: true,
      reference: { entity: 'customer' },
    },
    {
      id: 'f_account_product',
      key: 'product',
      type: 'singleSelect',
      label: text('Product', '产品'),
      required: true,
      indexed: true,
      options: ACCOUNT_PRODUCT_OPTIONS,
    },
    {
      id: 'f_account_balance',
      key: 'balance',
      type: 'money',
      label: text('Balance', '余额'),
      required: true,
      min: 0,
      precision: 18,
      scale: 2,
      currencies: ['CNY'],
    },
    {
      id: 'f_account_opened_on',
      key: 'opened_on',
      type: 'date',
      label: text('Opened on', '开户日期'),
      required: true,
    },
    {
      id: 'f_account_status',
      key: 'status',
      type: 'singleSelect',
      label: text('Status', '账户状态'),
      required: true,
      indexed: true,
      options: ACCOUNT_STATUS_OPTIONS,
      default: 'active',
    },
  ],
};
