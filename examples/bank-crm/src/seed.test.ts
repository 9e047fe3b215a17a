import {
  compileRecordValidator,
  normalizeRecordValues,
  parseNumbering,
  readNumber,
  residentIdCheckCharacter,
  type EntityDefinition,
} from '@bankforge/data-model';
import { describe, expect, it } from 'vitest';
import { bankCrmEntities, generateBankCrmSeed, sampleCustomerValues, type SeedRecord } from './index.js';

const entities = new Map(bankCrmEntities.map((entity) => [entity.key, entity]));

function entityOf(key: string): EntityDefinition {
  const entity = entities.get(key);
  if (entity === undefined) throw new Error(`unknown entity ${key}`);
  return entity;
}

function pad12(n: number): string {
  return String(n).padStart(12, '0');
}

function take(n: number, records: Iterable<SeedRecord>): SeedRecord[] {
  const out: SeedRecord[] = [];
  for (const record of records) {
    if (out.length >= n) break;
    out.push(record);
  }
  return out;
}

const SAMPLE = [...generateBankCrmSeed({ customers: 2_000 })];

describe('generateBankCrmSeed: shape', () => {
  it('yields the branches first, then each customer with its related records', () => {
    const branches = SAMPLE.filter((r) => r.entity === 'branch');
    expect(branches.length).toBeGreaterThanOrEqual(18);
    expect(branches.length).toBeLessThanOrEqual(22);
    expect(SAMPLE.slice(0, branches.length).every((r) => r.entity === 'branch')).toBe(true);
    expect(SAMPLE[branches.length]?.entity).toBe('customer');
    // RM tasks and rate-bonus coupons are opened by the bank's automations, tickets by complaints (and their flow), leads by their capture, campaign contacts by campaigns: never seeded.
    const ruled = new Set(['rm_task', 'rate_coupon', 'complaint_ticket', 'lead', 'campaign_contact']);
    expect(new Set(SAMPLE.map((r) => r.entity))).toEqual(new Set(bankCrmEntities.map((e) => e.key).filter((key) => !ruled.has(key))));
  });

  it('has about 1 contact, 2 accounts, 0.3 loan applications and 0.3 opportunities per customer', () => {
    const count = (entity: string) => SAMPLE.filter((r) => r.entity === entity).length / 2_000;
    expect(count('customer')).toBe(1);
    expect(count('contact')).toBeGreaterThan(0.8);
    expect(count('contact')).toBeLessThan(1.25);
    expect(count('account')).toBeGreaterThan(1.7);
    expect(count('account')).toBeLessThan(2.3);
    expect(count('loan_application')).toBeGreaterThan(0.2);
    expect(count('loan_application')).toBeLessThan(0.4);
    expect(count('opportunity')).toBeGreaterThan(0.2);
    expect(count('opportunity')).toBeLessThan(0.4);
  });

  it('has individual and corporate customers in every segment', () => {
    const customers = SAMPLE.filter((r) => r.entity === 'customer').map((r) => r.values);
    const corporate = customers.filter((c) => c.customer_type === 'corporate').length / customers.length;
    expect(corporate).toBeGreaterThan(0.07);
    expect(corporate).toBeLessThan(0.18);
    expect(new Set(customers.map((c) => c.segment))).toEqual(new Set(['mass', 'affluent', 'private', 'corporate']));
    for (const c of customers) {
      if (c.customer_type === 'corporate') expect(c.segment).toBe('corporate');
      else expect(c.segment).not.toBe('corporate');
    }
  });
});

describe('generateBankCrmSeed: validity', () => {
  it('yields records that pass their entity validator after normalization', () => {
    const validators = new Map(bankCrmEntities.map((entity) => [entity.key, compileRecordValidator(entity)]));
    // As the loader does: each reference holds the id the server assigned to the referenced record.
    const ids = new Map<string, string>();
    const failures: unknown[] = [];
    for (const record of SAMPLE) {
      const entity = entityOf(record.entity);
      const validate = validators.get(record.entity);
      if (validate === undefined) throw new Error(`unknown entity ${record.entity}`);
      const values = { ...record.values };
      for (const field of entity.fields) {
        if (field.type === 'reference' && typeof values[field.key] === 'string') values[field.key] = ids.get(values[field.key] as string);
      }
      const errors = validate(normalizeRecordValues(entity, values));
      if (errors.length > 0 && failures.length < 5) failures.push({ ref: record.ref, values, errors });
      ids.set(record.ref, `00000000-0000-4000-8000-${pad12(ids.size + 1)}`);
    }
    expect(failures).toEqual([]);
  });

  it('would be caught by the validator if a value were wrong (the check above is not vacuous)', () => {
    const customer = SAMPLE.find((r) => r.entity === 'customer' && r.values.customer_type === 'individual');
    if (customer === undefined) throw new Error('no individual customer');
    const validate = compileRecordValidator(entityOf('customer'));
    const id = customer.values.resident_id as string;
    const broken = { ...customer.values, branch: '00000000-0000-4000-8000-000000000001', resident_id: `${id.slice(0, 17)}${id.endsWith('1') ? '2' : '1'}` };
    expect(validate(broken).map((e) => e.path)).toEqual(['/resident_id']);
  });

  it('yields values that normalization leaves unchanged (already canonical)', () => {
    for (const record of SAMPLE) {
      expect(normalizeRecordValues(entityOf(record.entity), record.values)).toEqual(record.values);
    }
  });

  it('points every reference at an earlier record of the referenced entity', () => {
    const seen = new Map<string, string>();
    for (const record of SAMPLE) {
      for (const field of entityOf(record.entity).fields) {
        if (field.type !== 'reference') continue;
        const value = record.values[field.key];
        if (value === undefined || value === null) {
          expect(field.required, `${record.ref}.${field.key}`).not.toBe(true);
          continue;
        }
        expect(typeof value).toBe('string');
        expect(seen.get(value as string), `${record.ref}.${field.key} -> ${String(value)}`).toBe(field.reference?.entity);
      }
      expect(seen.has(record.ref), `duplicate ref ${record.ref}`).toBe(false);
      seen.set(record.ref, record.entity);
    }
  });

  it('gives individuals valid resident IDs whose birth date matches birth_date', () => {
    const individuals = SAMPLE.filter((r) => r.entity === 'customer' && r.values.customer_type === 'individual');
    expect(individuals.length).toBeGreaterThan(1_500);
    for (const { values } of individuals) {
      const id = values.resident_id as string;
      expect(id).toMatch(/^[1-9][0-9]{16}[0-9X]$/);
      expect(id.slice(17)).toBe(residentIdCheckCharacter(id.slice(0, 17)));
      expect(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`).toBe(values.birth_date);
      expect(id.slice(14, 17)).not.toBe('000');
      // Adults when they became customers.
      const eighteenth = `${Number(id.slice(6, 10)) + 18}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
      expect((values.onboarded_at as string).slice(0, 10) >= eighteenth).toBe(true);
    }
  });

  it('uses realistic value formats', () => {
    const mobile = /^1[3-9][0-9]{9}$/;
    const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
    const date = /^\d{4}-\d{2}-\d{2}$/;
    // Negative only where a field allows it (a balance's change on the month before).
    const amount = /^-?(0|[1-9][0-9]*)\.[0-9]{2}$/;
    const chineseName = /^[\u4e00-\u9fff]{2,4}$/;
    for (const { entity, values } of SAMPLE) {
      if (values.mobile !== undefined) expect(values.mobile).toMatch(mobile);
      for (const field of entityOf(entity).fields) {
        const value = values[field.key];
        if (value === undefined) continue;
        if (field.type === 'datetime') expect(value).toMatch(dateTime);
        if (field.type === 'date') expect(value).toMatch(date);
        if (field.type === 'money') {
          expect(value).toEqual({ amount: expect.stringMatching(amount), currency: 'CNY' });
          expect((value as { amount: string }).amount).not.toBe('-0.00');
        }
      }
      if (entity === 'contact') expect(values.name).toMatch(chineseName);
      if (entity === 'customer' && values.customer_type === 'individual') expect(values.name).toMatch(chineseName);
      if (entity === 'customer' && values.customer_type === 'corporate') expect(values.name).toMatch(/有限公司$/);
    }
  });

  it('splits each customer’s AUM across their accounts', () => {
    let aum = 0n;
    let balances = 0n;
    const cents = (money: unknown) => BigInt((money as { amount: string }).amount.replace('.', ''));
    for (const { entity, values } of SAMPLE) {
      if (entity === 'customer') aum += cents(values.aum);
      if (entity === 'account') balances += cents(values.balance);
    }
    expect(balances).toBe(aum);
  });
});

describe('generateBankCrmSeed: determinism and uniqueness', () => {
  it('yields the same records for the same seed', () => {
    const a = take(3_000, generateBankCrmSeed({ seed: 7, customers: 1_000 }));
    const b = take(3_000, generateBankCrmSeed({ seed: 7, customers: 1_000 }));
    expect(a).toEqual(b);
    expect(take(3_000, generateBankCrmSeed({ customers: 1_000 }))).toEqual(SAMPLE.slice(0, 3_000));
  });

  it('yields different records for a different seed', () => {
    const a = take(200, generateBankCrmSeed({ seed: 1, customers: 100 })).filter((r) => r.entity === 'customer');
    const b = take(200, generateBankCrmSeed({ seed: 2, customers: 100 })).filter((r) => r.entity === 'customer');
    expect(a.map((r) => r.values.name)).not.toEqual(b.map((r) => r.values.name));
    expect(a.map((r) => r.values.resident_id)).not.toEqual(b.map((r) => r.values.resident_id));
  });

  it('keeps unique fields unique across 20,000 customers', () => {
    const uniqueFields = bankCrmEntities.flatMap((entity) =>
      entity.fields.filter((field) => field.unique).map((field) => [entity.key, field.key] as const),
    );
    const seen = new Map(uniqueFields.map(([entity, key]) => [`${entity}.${key}`, new Set<unknown>()]));
    const refs = new Set<string>();
    let customers = 0;
    for (const record of generateBankCrmSeed({ seed: 42, customers: 20_000 })) {
      if (record.entity === 'customer') customers++;
      expect(refs.has(record.ref)).toBe(false);
      refs.add(record.ref);
      for (const [entity, key] of uniqueFields) {
        if (entity !== record.entity) continue;
        const value = record.values[key];
        if (value === undefined || value === null) continue;
        const values = seen.get(`${entity}.${key}`);
        if (values?.has(value)) throw new Error(`duplicate ${entity}.${key}: ${String(value)}`);
        values?.add(value);
      }
    }
    expect(customers).toBe(20_000);
    expect(seen.get('customer.resident_id')?.size).toBeGreaterThan(16_000);
  });

  it("numbers loans as the server does (LA, the Beijing month it was started, six digits), so the server numbers on after them", () => {
    const numbering = parseNumbering(entityOf('loan_application').fields.find((f) => f.key === 'application_no')!.numbering!);
    for (const loan of SAMPLE.filter((r) => r.entity === 'loan_application')) {
      const no = String(loan.values.application_no);
      const read = readNumber(numbering, no);
      expect(read, no).toBeDefined();
      const started = typeof loan.values.submitted_at === 'string' ? new Date(Date.parse(loan.values.submitted_at) + 8 * 3_600_000).toISOString() : undefined;
      if (started) expect(read!.period).toBe(started.slice(0, 7).replace('-', ''));
      expect(read!.period <= '202512').toBe(true);
    }
  });

  it('is lazy: a huge run starts at once and far indexes are cheap', () => {
    const generator = generateBankCrmSeed({ customers: 100_000_000 });
    const first = take(100, generator);
    expect(first).toHaveLength(100);
    const last = sampleCustomerValues(99_999);
    expect(last.customer_no).toBe('C0000100000');
  });

  it('sampleCustomerValues matches the generated customer, without the branch reference', () => {
    const customers = SAMPLE.filter((r) => r.entity === 'customer');
    for (const index of [0, 1, 17, 999, 1_999]) {
      const { branch, ...rest } = customers[index]?.values ?? {};
      expect(typeof branch).toBe('string');
      expect(sampleCustomerValues(index)).toEqual(rest);
    }
    expect(sampleCustomerValues(5, 99)).toEqual(sampleCustomerValues(5, 99));
    expect(sampleCustomerValues(5, 99)).not.toEqual(sampleCustomerValues(5, 100));
  });

  it('rejects a bad customer count', () => {
    expect(() => generateBankCrmSeed({ customers: -1 }).next()).toThrow(RangeError);
    expect(() => generateBankCrmSeed({ customers: 1.5 }).next()).toThrow(RangeError);
  });
});

/** A money value in fen, exactly. */
const cents = (money: unknown): number => Math.round(Number((money as { amount: string }).amount) * 100);

describe('generateBankCrmSeed: the bank as of the last month-end before it is loaded', () => {
  const now = new Date('2027-03-15T10:00:00Z');
  const loaded = [...generateBankCrmSeed({ customers: 500, now })];
  const of = (entity: string) => loaded.filter((r) => r.entity === entity).map((r) => r.values);

  it('dates everything up to that month-end, in Beijing time, and leaves the current month to new work', () => {
    const close = '2027-02-28T15:59:59.999Z'; // 28 February 2027, 23:59:59.999 in Beijing
    for (const customer of of('customer')) expect(String(customer.onboarded_at) <= close).toBe(true);
    for (const interaction of of('interaction')) expect(String(interaction.occurred_at) <= close).toBe(true);
    for (const account of of('account')) expect(String(account.opened_on) <= '2027-02-28').toBe(true);
    const loans = of('loan_application');
    for (const loan of loans) {
      expect(String(loan.application_no).slice(2, 8) <= '202702').toBe(true);
      if (loan.submitted_at !== undefined) expect(String(loan.submitted_at) <= close).toBe(true);
    }
    // Recent enough for "the last 12 months" and "the last 90 days".
    expect(loans.filter((loan) => String(loan.submitted_at) >= '2026-04-01').length).toBeGreaterThan(10);
    expect(of('interaction').filter((i) => String(i.occurred_at) >= '2026-12-01').length).toBeGreaterThan(100);
    // Ages count to the close: nobody onboarded before turning 18 then.
    const ages = of('customer').filter((c) => c.birth_date !== undefined).map((c) => 2027 - Number(String(c.birth_date).slice(0, 4)));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(20);
  });

  it('is the same for any moment of the month, and moves on with the month', () => {
    const at = (iso: string) => take(2_000, generateBankCrmSeed({ customers: 100, now: new Date(iso) }));
    expect(at('2027-03-01T00:00:00Z')).toEqual(at('2027-03-31T23:59:59Z'));
    expect(at('2027-04-01T00:00:00Z')).not.toEqual(at('2027-03-31T23:59:59Z'));
    // Without a day: the bank at the end of 2025, as fixtures and benchmarks have always had it.
    expect(take(2_000, generateBankCrmSeed({ customers: 100 }))).toEqual(at('2026-01-20T08:00:00Z'));
  });

  it('takes the month as reports do (UTC): on the first Beijing morning of a month the close is the month before last', () => {
    // 04:00 on 1 March in Beijing is still February in UTC, where "last month" is January.
    const early = [...generateBankCrmSeed({ customers: 50, now: new Date('2027-02-28T20:00:00Z') })];
    const monthEnds = new Set(early.filter((r) => r.entity === 'account_balance').map((r) => r.values.month_end));
    expect([...monthEnds].sort().at(-1)).toBe('2027-01-31');
    for (const loan of early.filter((r) => r.entity === 'loan_application')) expect(String(loan.values.application_no).slice(2, 8) <= '202701').toBe(true);
  });

  it('rejects an invalid day', () => {
    expect(() => generateBankCrmSeed({ customers: 1, now: new Date('not a day') }).next()).toThrow(RangeError);
  });

  describe('month-end balances', () => {
    const monthEnds = ['2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31', '2026-11-30', '2026-12-31', '2027-01-31', '2027-02-28'];
    const balances = of('account_balance');
    const byAccount = new Map<unknown, Record<string, unknown>[]>();
    for (const row of balances) byAccount.set(row.account, [...(byAccount.get(row.account) ?? []), row]);
    const accounts = loaded.filter((r) => r.entity === 'account');

    it('has one per open account for each of the last 12 month-ends it was open at, oldest first', () => {
      expect(new Set(balances.map((b) => b.month_end))).toEqual(new Set(monthEnds));
      for (const { ref, values } of accounts) {
        const expected = values.status === 'closed' ? [] : monthEnds.filter((end) => String(values.opened_on) <= end);
        expect((byAccount.get(ref) ?? []).map((b) => b.month_end), ref).toEqual(expected);
        for (const b of byAccount.get(ref) ?? []) expect([b.product, b.customer]).toEqual([values.product, values.customer]);
      }
      expect(balances.length / 500).toBeGreaterThan(15);
      expect(balances.length / 500).toBeLessThan(28);
    });

    it("ends at the account's balance, so the latest month-end adds up to the customers' AUM", () => {
      for (const { ref, values } of accounts) {
        const latest = byAccount.get(ref)?.at(-1);
        if (latest) expect(latest.balance).toEqual(values.balance);
      }
      const latestSum = balances.filter((b) => b.month_end === '2027-02-28').reduce((sum, b) => sum + cents(b.balance), 0);
      expect(latestSum).toBe(of('customer').reduce((sum, c) => sum + cents(c.aum), 0));
    });

    it('changes on the month-end before (from nothing in the month the account was opened), with an average between the two', () => {
      let moved = 0;
      for (const rows of byAccount.values()) {
        rows.forEach((row, k) => {
          const prior = k === 0 ? undefined : rows[k - 1];
          const before = prior ? cents(prior.balance) : monthEnds.indexOf(String(row.month_end)) === 0 ? undefined : 0;
          if (before !== undefined) expect(cents(row.balance_change)).toBe(cents(row.balance) - before);
          if (prior && cents(row.balance) !== cents(prior.balance)) moved++;
          const [low, high] = [Math.min(cents(row.balance), cents(row.balance) - cents(row.balance_change)), Math.max(cents(row.balance), cents(row.balance) - cents(row.balance_change))];
          expect(cents(row.average_balance)).toBeGreaterThanOrEqual(Math.floor(low * 0.95) - 1);
          expect(cents(row.average_balance)).toBeLessThanOrEqual(Math.ceil(high * 1.05) + 1);
        });
      }
      expect(moved / balances.length).toBeGreaterThan(0.5);
    });

    it('shows money leaving most customers at churn risk over the year, and few others', () => {
      const risky = new Set(loaded.filter((r) => r.entity === 'customer' && Number(r.values.churn_risk) >= 40).map((r) => r.ref));
      expect(risky.size).toBeGreaterThan(10);
      const aum = new Map<string, [number, number]>();
      for (const b of balances) {
        const [first, last] = aum.get(String(b.customer)) ?? [0, 0];
        // Accounts held all year only: one opened within it would count as growth.
        if (byAccount.get(b.account)?.[0]?.month_end !== monthEnds[0]) continue;
        if (b.month_end === monthEnds[0]) aum.set(String(b.customer), [first + cents(b.balance), last]);
        if (b.month_end === monthEnds[11]) aum.set(String(b.customer), [first, last + cents(b.balance)]);
      }
      const fell = (atRisk: boolean) => {
        const customers = [...aum].filter(([ref, [first]]) => risky.has(ref) === atRisk && first > 0);
        return customers.filter(([, [first, last]]) => last < first).length / customers.length;
      };
      expect(fell(true)).toBeGreaterThan(0.8);
      expect(fell(false)).toBeLessThan(0.5);
    });
  });
});
