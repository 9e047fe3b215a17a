import type { EntityDefinition } from '@bankforge/data-model';
import { option, text } from './labels.js';

export const RATE_COUPON_STATUS_OPTIONS = [option('issued', 'Issued', '已发放'), option('redeemed', 'Redeemed', '已使用'), option('expired', 'Expired', '已过期')];

/** A rate-bonus coupon (加息券) on a large-denomination CD, issued to a customer the bank wants to win over. */
export const rateCouponEntity: EntityDefinition = {
  kind: 'entity',
  key: 'rate_coupon',
  title: 'Rate-bonus coupon',
  version: 1,
  label: text('Rate-bonus coupon', '加息券'),
  pluralLabel: text('Rate-bonus coupons', '加息券'),
  description: 'Extra interest on a large-denomination CD, valid until a date.',
  fields: [
    { id: 'f_rate_coupon_customer', key: 'customer', type: 'reference', label: text('Customer', '客户'), required: true, indexed: true, reference: { entity: 'customer' } },
    // Percentage points added to the CD's rate (0.20 = +0.20%).
    { id: 'f_rate_coupon_bonus', key: 'bonus_rate', type: 'decimal', label: text('Rate bonus (percentage points)', '加息幅度（百分点）'), required: true, min: 0, max: 1, precision: 5, scale: 2 },
    { id: 'f_rate_coupon_valid', key: 'valid_until', type: 'date', label: text('Valid until', '有效期至'), required: true },
    { id: 'f_rate_coupon_status', key: 'status', type: 'singleSelect', label: text('Status', '状态'), required: true, options: RATE_COUPON_STATUS_OPTIONS, default: 'issued' },
  ],
};
