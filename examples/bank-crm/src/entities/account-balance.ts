import type { EntityDefinition } from '@bankforge/data-model';
import { ACCOUNT_PRODUCT_OPTIONS } from './account.js';
import { text } from './labels.js';

/**
 * An account's balance at a month-end, as the month-end close records it. Balances are stocks:
 * they add up across accounts at one month-end, never across month-ends, so reports pick one
 * month-end (the latest for AUM today) or group by month.
 */
export const accountBalanceEntity: EntityDefinition = {
  kind: 'entity',
  key: 'account_balance',
  title: 'Month-end balance',
  version: 1,
  label: text('Month-end balance', '月末余额'),
  pluralLabel: text('Month-end balances', '月末余额'),
  description: "One account's balance at one month-end: the history behind AUM trends and churn signals.",
  fields: [
    {
      id: 'f_account_balance_account',
      key: 'account',
      type: 'reference',
      label: text('Account', '账户'),
      required: true,
      indexed: true,
      reference: { entity: 'account' },
    },
    {
      // The account's customer, kept on the snapshot so reports reach the customer in one join.
      id: 'f_account_balance_customer',
      key: 'customer',
      type: 'reference',
      label: text('Customer', '所属客户'),
      required: true,
      indexed: true,
      reference: { entity: 'customer' },
    },
    {
      id: 'f_account_balance_month_end',
      key: 'month_end',
      type: 'date',
      label: text('Month-end', '月末日期'),
      description: 'The last day of the month the balance was taken on.',
      required: true,
      indexed: true,
    },
    {
      // The account's product at the close, so balances group by product without a join.
      id: 'f_account_balance_product',
      key: 'product',
      type: 'singleSelect',
      label: text('Product', '产品'),
      required: true,
      options: ACCOUNT_PRODUCT_OPTIONS,
    },
    {
      id: 'f_account_balance_balance',
      key: 'balance',
      type: 'money',
      label: text('Month-end balance', '月末余额'),
      required: true,
      min: 0,
      precision: 18,
      scale: 2,
      currencies: ['CNY'],
    },
    {
      // Banks judge deposits by the month's daily average (月日均) as much as by the month-end figure.
      id: 'f_account_balance_average',
      key: 'average_balance',
      type: 'money',
      label: text('Monthly average balance', '月日均余额'),
      min: 0,
      precision: 18,
      scale: 2,
      currencies: ['CNY'],
    },
    {
      // Stored, so a report finds falling balances with one filter instead of comparing two months.
      id: 'f_account_balance_change',
      key: 'balance_change',
      type: 'money',
      label: text('Change on the prior month-end', '较上月末增减'),
      precision: 18,
      scale: 2,
      currencies: ['CNY'],
    },
  ],
};
