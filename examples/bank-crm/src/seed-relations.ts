import { DAY_MS, isoDate, isoDateTime } from './format.js';
import type { Rng } from './prng.js';
import type { SeedRecord } from './seed.js';

/** What the interactions and relationships of a customer are drawn from. */
export interface SeedCustomer {
  index: number;
  customerNo: string;
  corporate: boolean;
  onboardedMs: number;
}

const SUMMARIES: Readonly<Record<string, readonly string[]>> = {
  visit: ['上门拜访，了解企业经营情况', '拜访客户，介绍理财新品', '实地走访，核实贷款用途'],
  phone: ['电话回访，客户对服务满意', '电话提醒定期存款即将到期', '电话沟通房贷提前还款事宜'],
  wechat: ['微信发送基金周报', '微信答复信用卡额度问题', '微信预约网点面谈时间'],
  email: ['邮件发送资产配置方案', '邮件确认代发工资协议条款'],
  branch: ['网点面谈，办理大额存单', '网点面谈，更新身份证件信息', '网点面谈，讨论子女教育金规划'],
};

/**
 * A customer's interactions: none to three contacts in the half year before `asOfMs` (after they
 * became a customer), on the channels RMs use, some with a follow-up date.
 */
export function* seedInteractions(rng: Rng, customer: SeedCustomer, customerRef: string, asOfMs: number): Generator<SeedRecord> {
  const count = rng.weighted([[0, 40], [1, 30], [2, 20], [3, 10]] as const);
  for (let k = 0; k < count; k++) {
    const channel = customer.corporate
      ? rng.weighted([['visit', 4], ['phone', 3], ['email', 2], ['wechat', 1], ['branch', 1]] as const)
      : rng.weighted([['phone', 4], ['wechat', 4], ['branch', 3], ['visit', 1], ['email', 1]] as const);
    const occurredMs = rng.int(Math.max(customer.onboardedMs, asOfMs - 180 * DAY_MS), asOfMs);
    const values: Record<string, unknown> = {
      customer: customerRef,
      channel,
      occurred_at: isoDateTime(occurredMs),
      summary: rng.pick(SUMMARIES[channel] ?? ['客户沟通']),
    };
    if (rng.chance(0.35)) values.follow_up_on = isoDate(occurredMs + rng.int(3, 30) * DAY_MS);
    yield { entity: 'interaction', ref: `interaction:${customer.customerNo}:${k + 1}`, values };
  }
}

/**
 * Some customers are related to one of the customers generated shortly before them: a company to
 * its shareholder or legal representative, a person to family or as a guarantor. `earlier` answers
 * an earlier customer (by index) and its reference.
 */
export function* seedRelationships(rng: Rng, customer: SeedCustomer, customerRef: string, earlier: (index: number) => { corporate: boolean; ref: string }): Generator<SeedRecord> {
  if (customer.index === 0 || !rng.chance(0.2)) return;
  const other = earlier(customer.index - 1 - rng.int(0, Math.min(customer.index - 1, 40)));
  let values: Record<string, unknown>;
  if (customer.corporate && !other.corporate) {
    values = { from_customer: other.ref, to_customer: customerRef, kind: rng.weighted([['shareholder', 3], ['legal_representative', 2], ['guarantor', 1]] as const) };
  } else if (!customer.corporate && other.corporate) {
    values = { from_customer: other.ref, to_customer: customerRef, kind: 'employer' };
  } else if (customer.corporate) {
    values = { from_customer: other.ref, to_customer: customerRef, kind: 'guarantor', note: '互保企业' };
  } else {
    values = { from_customer: customerRef, to_customer: other.ref, kind: rng.weighted([['spouse', 3], ['parent', 2], ['child', 2], ['family', 1], ['guarantor', 2]] as const) };
  }
  yield { entity: 'relationship', ref: `relationship:${customer.customerNo}`, values };
}
