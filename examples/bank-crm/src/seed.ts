import { residentIdCheckCharacter } from '@bankforge/data-model';
import { DAY_MS, centsOf, cny, isoDate, isoDateTime, luhnCheckDigit, pad, percent } from './format.js';
import { Rng, mixSeed } from './prng.js';
import { seedInteractions, seedRelationships } from './seed-relations.js';
import {
  BRANCHES,
  CUSTOMER_NOTES,
  EMAIL_DOMAINS,
  FEMALE_GIVEN,
  INDUSTRIES,
  LOAN_PURPOSES,
  MALE_GIVEN,
  MOBILE_PREFIXES,
  OTHER_DIVISION_CODES,
  SURNAMES,
  TRADE_NAMES,
  type BranchInfo,
} from './reference-data.js';

/** One record to load: `ref` names it for later records' reference fields. */
export interface SeedRecord {
  entity: string;
  ref: string;
  values: Record<string, unknown>;
}

export interface BankCrmSeedOptions {
  /** Any 32-bit integer; the same seed always yields the same records. */
  seed?: number;
  /** How many customers to generate (with their contacts, accounts, loans, opportunities). */
  customers: number;
  /**
   * When the example is loaded. The data describes the bank at the close of the month before:
   * dates run up to that month-end, which holds the latest balances, so "last 12 months" always
   * has data, and the current month is left to new work (the server numbers this month's loans
   * from 1). The same moment, or any in the same month, yields the same records. Without it,
   * 1 January 2026: the bank at the end of 2025, for fixtures and benchmarks that need no day.
   */
  now?: Date;
}

export const DEFAULT_SEED = 20_240_601;

const DEFAULT_NOW_MS = Date.UTC(2026, 0, 1);
/** The bank keeps Beijing time, UTC+8 all year. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;
/** Month-ends of balance history: the last 12 full months. */
const BALANCE_MONTHS = 12;

/** What the data is as of. */
interface SeedClose {
  /** The close: the last instant (Beijing time) of the month before the load's. */
  ms: number;
  /** The close's year: ages are counted to it. */
  year: number;
  /** The month-ends with balances, latest (the close's) first, and one more before them for the oldest one's change. */
  monthEnds: string[];
}

/**
 * The month before `now` is taken by its UTC month, as reports resolve "last month", so that the
 * latest month-end is always last month there. Its close in Beijing time comes before the Beijing
 * month `now` is in (which starts eight hours before the UTC one), so no seeded loan takes a number
 * of the current month.
 */
function closeBefore(now: Date): SeedClose {
  if (!Number.isFinite(now.getTime())) throw new RangeError('now must be a valid date');
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  const close = Date.UTC(year, month, 1) - BEIJING_OFFSET_MS - 1;
  // Day 0 of a month is the last day of the month before it.
  const monthEnds = Array.from({ length: BALANCE_MONTHS + 1 }, (_, k) => isoDate(Date.UTC(year, month - k, 0)));
  return { ms: close, year: new Date(close + BEIJING_OFFSET_MS).getUTCFullYear(), monthEnds };
}

const BANK_FOUNDED_MS = Date.UTC(2005, 0, 1);
const BIRTH_FIRST_MS = Date.UTC(1945, 0, 1);
const BIRTH_DAYS = Math.round((Date.UTC(2005, 11, 31) - BIRTH_FIRST_MS) / DAY_MS) + 1;

/**
 * Resident IDs must be unique, and random birth dates plus random sequence codes would collide
 * within a few ten thousand people. So (birth day, sequence code) is a bijection of the customer
 * index: slot = (index * STRIDE + offset(seed)) mod SLOTS with STRIDE coprime to SLOTS. That keeps
 * IDs unique for the first SLOTS (about 10.9 million) customers of any seed.
 */
const SEQUENCE_CODES = 499; // sequence codes 002..999, two per slot (the last digit gives the sex)
const SLOTS = BIRTH_DAYS * SEQUENCE_CODES;
const STRIDE = coprimeNear(Math.floor(SLOTS * 0.6180339887), SLOTS);

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function coprimeNear(start: number, modulus: number): number {
  let k = start;
  while (gcd(k, modulus) !== 1) k++;
  return k;
}

/** Stream identifiers, so each part of the data draws from its own independent sequence. */
const STREAM_CUSTOMER = 1;
const STREAM_RELATED = 2;
const STREAM_RM = 3;
const STREAM_SLOT = 4;
// Interactions, relationships and balances draw from streams of their own: the records before them stay as they were.
const STREAM_INTERACTION = 5;
const STREAM_RELATIONSHIP = 6;
const STREAM_BALANCE = 7;
/** Its own stream: holdings came after the other records, whose values it leaves as they were. */
const STREAM_HOLDING = 8;

interface PersonName {
  name: string;
  surname: string;
  surnamePinyin: string;
  givenPinyin: string;
}

function personName(rng: Rng, male: boolean, surname?: readonly [string, string]): PersonName {
  // Squaring skews the draw towards the common surnames at the head of the list.
  const r = rng.next();
  const family = surname ?? SURNAMES[Math.floor(r * r * SURNAMES.length)] ?? ['王', 'wang'];
  const pool = male ? MALE_GIVEN : FEMALE_GIVEN;
  const first = rng.pick(pool);
  const given: (readonly [string, string])[] = rng.chance(0.3) ? [first] : [first, rng.pick(pool)];
  return {
    name: family[0] + given.map((g) => g[0]).join(''),
    surname: family[0],
    surnamePinyin: family[1],
    givenPinyin: given.map((g) => g[1]).join(''),
  };
}

function mobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + pad(rng.int(0, 99_999_999), 8);
}

function personalEmail(rng: Rng, person: PersonName, birthYear?: number): string {
  const domain = rng.weighted(EMAIL_DOMAINS);
  const style = rng.int(0, 3);
  let local: string;
  if (style === 0) local = `${person.surnamePinyin}.${person.givenPinyin}`;
  else if (style === 1) local = `${person.givenPinyin}${person.surnamePinyin}${rng.int(1, 999)}`;
  else if (style === 2 && birthYear !== undefined) local = `${person.surnamePinyin}${person.givenPinyin}${birthYear}`;
  else local = `${person.surnamePinyin}${person.givenPinyin}${rng.int(10, 99)}`;
  return `${local}@${domain}`;
}

function relationshipManager(seed: number, branchIndex: number, rmIndex: number): string {
  const rng = new Rng(mixSeed(seed, STREAM_RM, branchIndex, rmIndex));
  return personName(rng, rng.chance(0.5)).name;
}

function pickBranch(rng: Rng): number {
  let total = 0;
  for (const branch of BRANCHES) total += branch.weight;
  let r = rng.next() * total;
  for (let i = 0; i < BRANCHES.length; i++) {
    r -= (BRANCHES[i] as BranchInfo).weight;
    if (r < 0) return i;
  }
  return BRANCHES.length - 1;
}

function branchAt(index: number): BranchInfo {
  const branch = BRANCHES[index];
  if (branch === undefined) throw new RangeError(`no branch ${index}`);
  return branch;
}

function branchRef(branch: BranchInfo): string {
  return `branch:${branch.code}`;
}

/** What the related records of a customer need to know about it. */
interface CustomerFacts {
  index: number;
  customerNo: string;
  corporate: boolean;
  segment: string;
  branchIndex: number;
  male: boolean;
  surname: readonly [string, string];
  birthMs: number | undefined;
  onboardedMs: number;
  aumCents: number;
  companyDomain: string | undefined;
  /** 0 to 100: a customer at risk has been moving money out. */
  churnRisk: number;
  values: Record<string, unknown>;
}

function residentSlot(index: number, seed: number): number {
  const offset = mixSeed(seed, STREAM_SLOT) % SLOTS;
  // index * STRIDE stays below 2^53 for any index below SLOTS; reduce first to stay exact beyond.
  return ((index % SLOTS) * STRIDE + offset) % SLOTS;
}

function buildCustomer(index: number, seed: number, close: SeedClose): CustomerFacts {
  if (!Number.isSafeInteger(index) || index < 0) throw new RangeError(`customer index must be a non-negative integer, got ${index}`);
  const rng = new Rng(mixSeed(seed, STREAM_CUSTOMER, index));
  const branchIndex = pickBranch(rng);
  const branch = branchAt(branchIndex);
  const corporate = rng.chance(0.12);
  const customerNo = `C${pad(index + 1, 10)}`;
  const values: Record<string, unknown> = { customer_no: customerNo };

  let segment: string;
  const male = rng.chance(0.5);
  let surname: readonly [string, string];
  let birthMs: number | undefined;
  let onboardedMs: number;
  let aumCents: number;
  let companyDomain: string | undefined;
  let age = 40;

  if (corporate) {
    segment = 'corporate';
    const trade = rng.pick(TRADE_NAMES);
    const industry = rng.pick(INDUSTRIES);
    const suffix = rng.chance(0.15) ? '股份有限公司' : '有限公司';
    companyDomain = `${trade[1]}${industry[1]}.com.cn`;
    surname = rng.pick(SURNAMES.slice(0, 20));
    values.name = `${branch.city}${trade[0]}${industry[0]}${suffix}`;
    values.customer_type = 'corporate';
    values.segment = segment;
    if (rng.chance(0.9)) values.mobile = mobile(rng);
    if (rng.chance(0.7)) values.email = `${rng.pick(['finance', 'contact', 'service', 'info'])}@${companyDomain}`;
    values.risk_level = rng.weighted([['R2', 3], ['R3', 5], ['R4', 2]] as const);
    onboardedMs = rng.int(BANK_FOUNDED_MS, close.ms);
    aumCents = Math.round(rng.logUniform(50_000, 300_000_000) * 100);
    values.annual_income = cny(Math.round(rng.logUniform(2_000_000, 2_000_000_000) / 10_000) * 1_000_000);
    values.credit_score = Math.round(rng.normal(700, 50, 450, 850));
  } else {
    segment = rng.weighted([['mass', 80], ['affluent', 16], ['private', 4]] as const);
    // Birth date and sequence code come from the unique slot; the sex digit is the draw above.
    const slot = residentSlot(index, seed);
    const day = Math.floor(slot / SEQUENCE_CODES);
    const sequence = 2 + 2 * (slot % SEQUENCE_CODES) + (male ? 1 : 0);
    birthMs = BIRTH_FIRST_MS + day * DAY_MS;
    const birthDate = isoDate(birthMs);
    const division = rng.chance(0.65) ? branch.divisionCode : rng.chance(0.5) ? rng.pick(OTHER_DIVISION_CODES) : rng.pick(BRANCHES).divisionCode;
    const first17 = division + birthDate.replaceAll('-', '') + pad(sequence, 3);
    const person = personName(rng, male);
    surname = [person.surname, person.surnamePinyin];
    const birthYear = Number(birthDate.slice(0, 4));
    age = close.year - birthYear;

    values.name = person.name;
    values.customer_type = 'individual';
    values.segment = segment;
    values.resident_id = first17 + residentIdCheckCharacter(first17);
    if (rng.chance(0.97)) values.mobile = mobile(rng);
    if (rng.chance(age < 60 ? 0.6 : 0.3)) values.email = personalEmail(rng, person, birthYear);
    values.birth_date = birthDate;
    values.risk_level =
      age >= 65
        ? rng.weighted([['R1', 5], ['R2', 4], ['R3', 1]] as const)
        : rng.weighted([['R1', 1], ['R2', 3], ['R3', 4], ['R4', 2], ['R5', segment === 'private' ? 2 : 0.5]] as const);
    const adultMs = Date.UTC(birthYear + 18, Number(birthDate.slice(5, 7)) - 1, Number(birthDate.slice(8, 10)));
    onboardedMs = rng.int(Math.max(BANK_FOUNDED_MS, adultMs), close.ms);
    const [aumMin, aumMax, incomeMin, incomeMax] =
      segment === 'private'
        ? [6_000_000, 120_000_000, 1_000_000, 20_000_000]
        : segment === 'affluent'
          ? [500_000, 6_000_000, 200_000, 2_000_000]
          : [100, 500_000, 36_000, 400_000];
    aumCents = Math.round(rng.logUniform(aumMin, aumMax) * 100);
    values.annual_income = cny(Math.round(rng.logUniform(incomeMin, incomeMax) / 1_000) * 100_000);
    values.credit_score = Math.round(rng.normal(segment === 'mass' ? 670 : 720, 60, 300, 850));
  }

  values.kyc_status = rng.weighted([['verified', 90], ['pending', 4], ['expired', 5], ['rejected', 1]] as const);
  values.aum = cny(aumCents);

  const channel = rng.weighted(
    (age < 45
      ? [['mobile_app', 6], ['wechat', 2], ['online_banking', 1], ['phone', 1], ['branch', 1]]
      : [['mobile_app', 3], ['wechat', 2], ['online_banking', 1], ['phone', 2], ['branch', 3]]) as readonly (readonly [string, number])[],
  );
  const preferences = {
    channel,
    contact_time: rng.pick(['morning', 'afternoon', 'evening', 'weekend']),
    language: rng.chance(0.03) ? 'en' : 'zh-CN',
    marketing_consent: rng.chance(0.72),
    paperless_statements: rng.chance(channel === 'branch' ? 0.3 : 0.8),
  };
  const churnRisk = rng.normal(18, 15, 0, 98);
  const creditScore = values.credit_score as number;

  const tags: string[] = [];
  if (corporate || segment === 'mass') {
    if (creditScore > 720 && rng.chance(0.4)) tags.push('high_potential');
  }
  if (churnRisk >= 40) tags.push('churn_risk');
  if (channel === 'mobile_app' || channel === 'online_banking') tags.push('prefers_online');
  if (!corporate && age < 60 && rng.chance(0.3)) tags.push('payroll');
  if (segment === 'affluent' || segment === 'private' ? rng.chance(0.45) : rng.chance(0.08)) tags.push('wealth_interest');
  if (!corporate && age >= 28 && age < 60 && rng.chance(0.18)) tags.push('mortgage_holder');
  if (corporate || segment === 'private' ? rng.chance(0.3) : rng.chance(0.02)) tags.push('cross_border');
  if (close.ms - onboardedMs < 180 * DAY_MS) tags.push('new_customer');
  if (segment === 'private' || (segment === 'affluent' && rng.chance(0.3))) tags.push('vip');
  values.tags = tags;

  if (segment !== 'mass' || rng.chance(0.4)) values.rm_name = relationshipManager(seed, branchIndex, rng.int(0, 5));
  values.onboarded_at = isoDateTime(onboardedMs);
  if (rng.chance(0.15)) values.notes = rng.pick(CUSTOMER_NOTES);
  values.preferences = preferences;
  if (companyDomain !== undefined && rng.chance(0.7)) values.website = `https://www.${companyDomain}/`;
  values.churn_risk = percent(churnRisk);

  return {
    index,
    customerNo,
    corporate,
    segment,
    branchIndex,
    male,
    surname,
    birthMs,
    onboardedMs,
    aumCents,
    companyDomain,
    churnRisk,
    values,
  };
}

/**
 * One customer's field values, without the branch reference: the same values
 * `generateBankCrmSeed` yields for the customer at `index` (zero-based) with the same seed and `now`.
 */
export function sampleCustomerValues(index: number, seed: number = DEFAULT_SEED, now: Date = new Date(DEFAULT_NOW_MS)): Record<string, unknown> {
  return buildCustomer(index, seed, closeBefore(now)).values;
}

function branchValues(branch: BranchInfo): Record<string, unknown> {
  return {
    code: branch.code,
    name: branch.name,
    city: branch.city,
    region: branch.region,
    latitude: branch.latitude,
    longitude: branch.longitude,
  };
}

function* contacts(rng: Rng, customer: CustomerFacts, customerRef: string, close: SeedClose): Generator<SeedRecord> {
  const relations: string[] = [];
  if (customer.corporate) {
    relations.push('legal_representative');
    if (rng.chance(0.7)) relations.push('finance_contact');
    if (rng.chance(0.2)) relations.push('authorized_agent');
  } else {
    const count = rng.weighted([[0, 25], [1, 55], [2, 20]] as const);
    const age = customer.birthMs === undefined ? 40 : (close.ms - customer.birthMs) / (365.25 * DAY_MS);
    const choices: (readonly [string, number])[] = [['spouse', age >= 25 ? 6 : 0.2], ['parent', age < 55 ? 3 : 0.3], ['child', age >= 45 ? 4 : 0.2], ['sibling', 1.5], ['other', 0.5]];
    for (let k = 0; k < count; k++) {
      const relation = rng.weighted(choices);
      relations.push(relation);
      if (relation === 'spouse') choices[0] = ['spouse', 0]; // at most one spouse
    }
  }
  for (let k = 0; k < relations.length; k++) {
    const relation = relations[k] as string;
    const sameFamily = relation === 'child' || relation === 'sibling' || (relation === 'parent' && rng.chance(0.5));
    const male = relation === 'spouse' ? !customer.male : rng.chance(0.5);
    const person = personName(rng, male, sameFamily ? customer.surname : undefined);
    const values: Record<string, unknown> = {
      customer: customerRef,
      name: person.name,
      relation,
    };
    if (rng.chance(0.93)) values.mobile = mobile(rng);
    if (customer.corporate && customer.companyDomain !== undefined && rng.chance(0.6)) {
      values.email = `${person.surnamePinyin}.${person.givenPinyin}@${customer.companyDomain}`;
    } else if (rng.chance(0.25)) {
      values.email = personalEmail(rng, person);
    }
    values.is_primary = k === 0;
    yield { entity: 'contact', ref: `contact:${customer.customerNo}:${k + 1}`, values };
  }
}

const MAX_ACCOUNTS = 4;
const ACCOUNT_SERIALS = 10n ** 12n;
const ACCOUNT_SERIAL_MULTIPLIER = 376_588_277_193n; // coprime to 10, so the map is a bijection

/** Twelve digits that look random but are distinct for distinct sequence numbers. */
function accountSerial(sequence: number): string {
  const serial = (BigInt(sequence) * ACCOUNT_SERIAL_MULTIPLIER + 104_729n) % ACCOUNT_SERIALS;
  return serial.toString().padStart(12, '0');
}

function* accounts(rng: Rng, customer: CustomerFacts, customerRef: string, close: SeedClose): Generator<SeedRecord> {
  const products: string[] = [];
  if (customer.corporate) {
    products.push('corporate_basic');
    if (rng.chance(0.6)) products.push('corporate_general');
    if (rng.chance(0.3)) products.push('time_deposit');
  } else {
    const count = rng.weighted([[1, 35], [2, 35], [3, 20], [4, 10]] as const);
    products.push('debit_card');
    const wealthy = customer.segment !== 'mass';
    const others: (readonly [string, number])[] = [['savings', 3], ['time_deposit', 3], ['large_deposit', wealthy ? 3 : 0.5], ['wealth', wealthy ? 4 : 1], ['debit_card', 1]];
    for (let k = 1; k < count; k++) products.push(rng.weighted(others));
  }

  const statuses = products.map((_, k) =>
    k === 0
      ? rng.weighted([['active', 95], ['dormant', 5]] as const)
      : rng.weighted([['active', 80], ['dormant', 10], ['frozen', 2], ['closed', 8]] as const),
  );
  // The open accounts' balances add up to the customer's AUM.
  const weights = statuses.map((status) => (status === 'closed' ? 0 : 0.2 + rng.next()));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  let remaining = customer.aumCents;
  const balances = weights.map((weight, k) => {
    if (k === weights.length - 1) return remaining;
    const cents = Math.min(remaining, Math.floor((customer.aumCents * weight) / totalWeight));
    remaining -= cents;
    return cents;
  });
  // If the last account is closed, its share goes to the first (never closed) account.
  if (statuses[statuses.length - 1] === 'closed' && balances.length > 1) {
    balances[0] = (balances[0] ?? 0) + (balances[balances.length - 1] ?? 0);
    balances[balances.length - 1] = 0;
  }

  for (let k = 0; k < products.length; k++) {
    const payload = `621483${accountSerial(customer.index * MAX_ACCOUNTS + k)}`;
    const accountNo = payload + luhnCheckDigit(payload);
    const openedMs = k === 0 ? customer.onboardedMs : rng.int(customer.onboardedMs, close.ms);
    yield {
      entity: 'account',
      ref: `account:${accountNo}`,
      values: {
        account_no: accountNo,
        customer: customerRef,
        product: products[k],
        balance: cny(balances[k] ?? 0),
        opened_on: isoDate(openedMs + BEIJING_OFFSET_MS), // the local calendar day
        status: statuses[k],
      },
    };
  }
}

/**
 * How a month-end balance moves from one month to the next, by product: the mean growth a month and
 * its spread. Card and corporate accounts swing with salaries and payments, deposits grow by their
 * interest, wealth accounts with the market.
 */
const BALANCE_MOVES: Readonly<Record<string, readonly [number, number]>> = {
  debit_card: [0.005, 0.08],
  savings: [0.004, 0.05],
  time_deposit: [0.002, 0.01],
  large_deposit: [0.0025, 0.005],
  wealth: [0.004, 0.035],
  corporate_basic: [0.003, 0.08],
  corporate_general: [0.003, 0.06],
};

/** Customers at churn risk (the tag's threshold) have been moving money out, about this much a month. */
const CHURN_RISK_TAGGED = 40;
const OUTFLOW_PER_MONTH = -0.04;

/**
 * Each open account's balance at the last 12 month-ends it was open at: the latest is its balance
 * now, and earlier ones are walked back from it by the product's monthly moves. Dormant and frozen
 * accounts did not move; closed ones hold nothing to report. The change is on the month-end before
 * (from nothing in the month it was opened), the monthly average between the two month-ends.
 */
function* monthEndBalances(rng: Rng, customer: CustomerFacts, customerRef: string, held: readonly SeedRecord[], close: SeedClose): Generator<SeedRecord> {
  for (const account of held) {
    const { account_no: accountNo, product, status, opened_on: openedOn } = account.values as Record<string, string>;
    if (status === 'closed' || product === undefined || openedOn === undefined) continue;
    const [mean, spread] = status === 'active' ? (BALANCE_MOVES[product] ?? [0, 0]) : [0, 0];
    const drift = status === 'active' && customer.churnRisk >= CHURN_RISK_TAGGED ? OUTFLOW_PER_MONTH : mean;
    // cents[k] at monthEnds[k]; one more than is shown, for the oldest change.
    const cents = [centsOf(account.values.balance as { amount: string })];
    for (let k = 1; k < close.monthEnds.length; k++) {
      // Walked back in log terms, less half the variance: forward, balances grow by `drift` on average whatever the spread.
      const move = spread === 0 ? drift : rng.normal(drift, spread, -1, 1) + (spread * spread) / 2;
      cents.push(Math.round((cents[k - 1] as number) * Math.exp(-move)));
    }
    for (let k = BALANCE_MONTHS - 1; k >= 0; k--) {
      const monthEnd = close.monthEnds[k] as string;
      if (openedOn > monthEnd) continue;
      const prior = close.monthEnds[k + 1] as string;
      const openedWithin = openedOn > prior;
      const atEnd = cents[k] as number;
      const before = openedWithin ? 0 : (cents[k + 1] as number);
      // Open for part of the month: the average counts the days it held money.
      const days = Number(monthEnd.slice(8));
      const daysOpen = openedWithin ? Math.round((Date.parse(monthEnd) - Date.parse(openedOn)) / DAY_MS) + 1 : days;
      const average = Math.round(((before + atEnd) / 2) * (daysOpen / days) * (1 + rng.normal(0, 0.02, -0.05, 0.05)));
      yield {
        entity: 'account_balance',
        ref: `account_balance:${accountNo}:${monthEnd}`,
        values: {
          account: account.ref,
          customer: customerRef,
          month_end: monthEnd,
          product,
          balance: cny(atEnd),
          average_balance: cny(average),
          balance_change: cny(atEnd - before),
        },
      };
    }
  }
}

interface LoanTerms {
  amount: readonly [number, number, number]; // min, max, rounding step (yuan)
  terms: readonly number[];
  rate: readonly [number, number];
}

const LOAN_TERMS: Readonly<Record<string, LoanTerms>> = {
  mortgage: { amount: [300_000, 5_000_000, 10_000], terms: [120, 180, 240, 300, 360], rate: [3.05, 4.2] },
  consumer: { amount: [10_000, 500_000, 1_000], terms: [6, 12, 24, 36, 60], rate: [3.2, 12] },
  auto: { amount: [50_000, 500_000, 1_000], terms: [12, 24, 36, 60], rate: [3.5, 8] },
  business: { amount: [100_000, 5_000_000, 10_000], terms: [12, 24, 36], rate: [3.45, 6.5] },
  working_capital: { amount: [1_000_000, 50_000_000, 100_000], terms: [6, 12, 24, 36], rate: [3.1, 5.5] },
  fixed_asset: { amount: [5_000_000, 200_000_000, 100_000], terms: [36, 60, 84, 120], rate: [3.3, 5] },
};

const MAX_LOANS = 4;

/**
 * A loan number as the server numbers them (`LA{yyyyMM}{seq:6}`): the Beijing month it was
 * started in and a sequence. Loaded by the system, so kept as given, and the server numbers on
 * after the highest of each month. The sequence is the loan's serial, unique in any month.
 */
function loanNumber(startedMs: number, serial: number): string {
  // Six digits hold the loans of 250,000 customers; past that, numbers would repeat.
  if (serial + 1 > 999_999) throw new RangeError(`the example's loan numbers run out after ${Math.floor(999_999 / MAX_LOANS)} customers`);
  const month = isoDate(startedMs + BEIJING_OFFSET_MS).slice(0, 7).replace('-', '');
  return `LA${month}${pad(serial + 1, 6)}`;
}

function* loanApplications(rng: Rng, customer: CustomerFacts, customerRef: string, close: SeedClose): Generator<SeedRecord> {
  const count = customer.corporate
    ? rng.weighted([[0, 50], [1, 35], [2, 15]] as const)
    : rng.weighted([[0, 76], [1, 20], [2, 4]] as const);
  for (let k = 0; k < count; k++) {
    const product = customer.corporate
      ? rng.weighted([['working_capital', 7], ['fixed_asset', 3]] as const)
      : rng.weighted([['mortgage', 30], ['consumer', 35], ['auto', 15], ['business', 20]] as const);
    const terms = LOAN_TERMS[product] as LoanTerms;
    const [min, max, step] = terms.amount;
    const amountYuan = Math.max(min, Math.round(rng.logUniform(min, max) / step) * step);
    const status = rng.weighted([['draft', 8], ['submitted', 15], ['approved', 55], ['rejected', 15], ['withdrawn', 7]] as const);
    const values: Record<string, unknown> = {
      customer: customerRef,
      product,
      amount: cny(amountYuan * 100),
      term_months: rng.pick(terms.terms),
      interest_rate: percent(terms.rate[0] + rng.next() * (terms.rate[1] - terms.rate[0])),
    };
    const purposes = LOAN_PURPOSES[product];
    if (purposes !== undefined && rng.chance(0.85)) values.purpose = rng.pick(purposes);
    values.status = status;
    // Drafts were started in the last month; the others when they were submitted.
    let startedMs = Math.max(customer.onboardedMs, close.ms - 30 * DAY_MS);
    if (status !== 'draft') {
      // Applications still awaiting a decision were submitted recently.
      const earliest = status === 'submitted' ? Math.max(customer.onboardedMs, close.ms - 30 * DAY_MS) : customer.onboardedMs;
      startedMs = rng.int(earliest, close.ms);
      values.submitted_at = isoDateTime(startedMs);
    }
    // What the scoring decision reads: a bureau score, and an income the loan is 1 to 8 times of.
    values.credit_score = rng.int(520, 840);
    values.annual_income = cny(Math.round(amountYuan / (1 + rng.next() * 7)) * 100);
    if (status === 'approved') values.approved_amount = cny(amountYuan * 100);
    const applicationNo = loanNumber(startedMs, customer.index * MAX_LOANS + k);
    yield { entity: 'loan_application', ref: `loan_application:${applicationNo}`, values: { application_no: applicationNo, ...values } };
  }
}

const OPPORTUNITY_AMOUNTS: Readonly<Record<string, readonly [number, number]>> = {
  wealth_management: [50_000, 5_000_000],
  mutual_fund: [10_000, 2_000_000],
  insurance: [10_000, 1_000_000],
  large_deposit: [200_000, 10_000_000],
  credit_card: [10_000, 200_000],
  mortgage: [300_000, 5_000_000],
  payroll_service: [500_000, 50_000_000],
  cash_management: [1_000_000, 100_000_000],
  trade_finance: [1_000_000, 50_000_000],
};

const STAGE_PROBABILITY: Readonly<Record<string, number>> = {
  lead: 10,
  qualified: 25,
  proposal: 50,
  negotiation: 75,
  won: 100,
  lost: 0,
};

function* opportunities(rng: Rng, customer: CustomerFacts, customerRef: string, close: SeedClose): Generator<SeedRecord> {
  const count = customer.corporate
    ? rng.weighted([[0, 55], [1, 35], [2, 10]] as const)
    : rng.weighted([[0, 75], [1, 22], [2, 3]] as const);
  for (let k = 0; k < count; k++) {
    const product = customer.corporate
      ? rng.weighted([['payroll_service', 3], ['cash_management', 3], ['trade_finance', 2], ['large_deposit', 2]] as const)
      : rng.weighted(
          (customer.segment === 'mass'
            ? [['credit_card', 4], ['wealth_management', 2], ['mutual_fund', 2], ['insurance', 2], ['mortgage', 2], ['large_deposit', 1]]
            : [['wealth_management', 5], ['mutual_fund', 3], ['insurance', 3], ['large_deposit', 3], ['credit_card', 1], ['mortgage', 1]]) as readonly (readonly [string, number])[],
        );
    const stage = rng.weighted([['lead', 25], ['qualified', 20], ['proposal', 18], ['negotiation', 12], ['won', 15], ['lost', 10]] as const);
    const [min, max] = OPPORTUNITY_AMOUNTS[product] ?? [10_000, 1_000_000];
    const closed = stage === 'won' || stage === 'lost';
    const closeMs = closed ? rng.int(customer.onboardedMs, close.ms) : close.ms + rng.int(7, 180) * DAY_MS;
    const values: Record<string, unknown> = {
      customer: customerRef,
      product,
      stage,
      expected_amount: cny(Math.round(rng.logUniform(min, max) / 1_000) * 100_000),
      probability: percent(STAGE_PROBABILITY[stage] ?? 0),
      close_date: isoDate(closeMs),
    };
    yield { entity: 'opportunity', ref: `opportunity:${customer.customerNo}:${k + 1}`, values };
  }
}

const WEALTH_PRODUCTS = [
  ['稳享 90 天理财', 'R2'],
  ['安盈 180 天理财', 'R2'],
  ['睿远一年期理财', 'R3'],
  ['结构性存款 6 个月', 'R1'],
] as const;

/**
 * Fixed-term wealth products of affluent and private individuals, maturing over the year after the
 * close: some within the fortnight the maturity rule looks ahead, so its renewals show on a fresh start.
 */
function* wealthHoldings(rng: Rng, customer: CustomerFacts, customerRef: string, close: SeedClose): Generator<SeedRecord> {
  if (customer.corporate || customer.segment === 'mass') return;
  const count = rng.weighted([[0, 40], [1, 40], [2, 20]] as const);
  for (let k = 0; k < count; k++) {
    const [name, risk] = WEALTH_PRODUCTS[rng.int(0, WEALTH_PRODUCTS.length - 1)]!;
    const values: Record<string, unknown> = {
      customer: customerRef,
      product_name: name,
      product_risk: risk,
      amount: cny(rng.int(5, 200) * 1_000_000),
      maturity_date: isoDate(close.ms + rng.int(1, 365) * DAY_MS),
    };
    yield { entity: 'wealth_holding', ref: `wealth_holding:${customer.customerNo}:${k + 1}`, values };
  }
}

/**
 * The seed data of the bank CRM: the branches, then each customer followed by its contacts,
 * accounts and their month-end balances, loan applications, opportunities, wealth holdings,
 * interactions and relationships (tasks and coupons are the bank's rules' to open). Lazy: nothing is kept between customers, so it can yield any number of them. A
 * reference field's value is the `ref` of an earlier record.
 */
export function* generateBankCrmSeed(options: BankCrmSeedOptions): Generator<SeedRecord> {
  const seed = (options.seed ?? DEFAULT_SEED) | 0;
  const close = closeBefore(options.now ?? new Date(DEFAULT_NOW_MS));
  const { customers } = options;
  if (!Number.isSafeInteger(customers) || customers < 0) {
    throw new RangeError(`customers must be a non-negative integer, got ${customers}`);
  }
  for (const branch of BRANCHES) {
    yield { entity: 'branch', ref: branchRef(branch), values: branchValues(branch) };
  }
  for (let index = 0; index < customers; index++) {
    const customer = buildCustomer(index, seed, close);
    const customerRef = `customer:${customer.customerNo}`;
    yield {
      entity: 'customer',
      ref: customerRef,
      values: { ...customer.values, branch: branchRef(branchAt(customer.branchIndex)) },
    };
    const rng = new Rng(mixSeed(seed, STREAM_RELATED, index));
    yield* contacts(rng, customer, customerRef, close);
    const held: SeedRecord[] = [];
    for (const account of accounts(rng, customer, customerRef, close)) {
      held.push(account);
      yield account;
    }
    yield* monthEndBalances(new Rng(mixSeed(seed, STREAM_BALANCE, index)), customer, customerRef, held, close);
    yield* loanApplications(rng, customer, customerRef, close);
    yield* opportunities(rng, customer, customerRef, close);
    yield* wealthHoldings(new Rng(mixSeed(seed, STREAM_HOLDING, index)), customer, customerRef, close);
    yield* seedInteractions(new Rng(mixSeed(seed, STREAM_INTERACTION, index)), customer, customerRef, close.ms);
    yield* seedRelationships(new Rng(mixSeed(seed, STREAM_RELATIONSHIP, index)), customer, customerRef, (i) => {
      const other = buildCustomer(i, seed, close);
      return { corporate: other.corporate, ref: `customer:${other.customerNo}` };
    });
  }
}
