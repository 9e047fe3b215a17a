// A credit-scoring decision table (20 rules, 4 inputs, 3 outputs, hit policy FIRST) evaluated
// 100,000 times with varied inputs by BankForge and, in the same process and the same timing
// harness, by the same table written as plain JavaScript closures (the physical limit),
// json-rules-engine, @gorules/zen-engine (a JDM decision table) and feelin.
//
// Like for like: every engine is handed the same input record per evaluation (the plain object
// the server would pass: { age, income, score, amount }, keyed by the decision's input names) and
// must answer the full result, every output of the matched rule as a plain object
// { decision, reason, rate }, compared with the expected one after each timed round. The
// hand-written closures, feelin's wrapper and BankForge (evaluateJson, whose table answers
// constant outputs) hand back one result object per rule, built once; zen-engine and
// json-rules-engine build theirs per call, as they do.
// Usage: npm run bench -- rules [--evaluations N]
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ZenEngine } from '@gorules/zen-engine';
import { compileDecisionModel, type DecisionModel } from '@bankforge/rule-engine';
import { unaryTest } from 'feelin';
import { Engine, type RuleProperties } from 'json-rules-engine';
import { mulberry32 } from './seeded-random.js';

const { values: args } = parseArgs({ options: { evaluations: { type: 'string', default: '100000' } } });
const N = Number(args.evaluations);

/** The input record of one evaluation (a type, not an interface: it is a record of inputs). */
type Applicant = {
  age: number;
  /** Monthly income. */
  income: number;
  score: number;
  amount: number;
};
/** The full result: every output of the matched rule. */
interface Outcome {
  decision: 'approve' | 'refer' | 'reject';
  reason: string;
  /** Offered annual rate in percent, null unless approved. */
  rate: number | null;
}
type Bound = readonly [number, number] | null;
interface RuleSpec {
  age: Bound;
  /** Monthly income at least this much. */
  income: number | null;
  score: Bound;
  /** Loan amount at most this much. */
  amount: number | null;
  out: Outcome;
}

const approve = (reason: string, rate: number): Outcome => ({ decision: 'approve', reason, rate });
const refer = (reason: string): Outcome => ({ decision: 'refer', reason, rate: null });
const reject = (reason: string): Outcome => ({ decision: 'reject', reason, rate: null });

/** The table, as data: every engine's version is generated from it, so they cannot drift. */
const RULES: RuleSpec[] = [
  { age: [0, 18], income: null, score: null, amount: null, out: reject('minor') },
  { age: [75, 200], income: null, score: null, amount: null, out: reject('age') },
  { age: null, income: null, score: [300, 450], amount: null, out: reject('score') },
  { age: null, income: null, score: [450, 550], amount: 500000, out: refer('low score') },
  { age: null, income: null, score: [450, 550], amount: null, out: reject('low score, large loan') },
  { age: [18, 25], income: 30000, score: [700, 851], amount: 300000, out: approve('young prime', 4.9) },
  { age: [18, 25], income: 8000, score: [550, 700], amount: 100000, out: approve('young standard', 6.9) },
  { age: [18, 25], income: null, score: null, amount: 50000, out: refer('young small') },
  { age: [18, 25], income: null, score: null, amount: null, out: reject('young') },
  { age: [25, 60], income: 50000, score: [750, 851], amount: 2000000, out: approve('prime jumbo', 3.95) },
  { age: [25, 60], income: 30000, score: [700, 851], amount: 1000000, out: approve('prime', 4.2) },
  { age: [25, 60], income: 15000, score: [650, 851], amount: 500000, out: approve('standard plus', 5.1) },
  { age: [25, 60], income: 8000, score: [600, 851], amount: 300000, out: approve('standard', 6.4) },
  { age: [25, 60], income: 5000, score: [550, 851], amount: 100000, out: approve('small', 7.9) },
  { age: [25, 60], income: null, score: [550, 851], amount: 1500000, out: refer('income check') },
  { age: [60, 75], income: 20000, score: [700, 851], amount: 500000, out: approve('senior prime', 4.4) },
  { age: [60, 75], income: 8000, score: [600, 851], amount: 200000, out: approve('senior standard', 6.2) },
  { age: [60, 75], income: null, score: [550, 851], amount: 100000, out: refer('senior') },
  { age: null, income: 100000, score: [550, 851], amount: null, out: refer('high income') },
  { age: null, income: null, score: null, amount: null, out: refer('manual review') },
];
const FIELDS = ['age', 'income', 'score', 'amount'] as const;
const OUTPUTS = ['decision', 'reason', 'rate'] as const;
/** An output as a FEEL / JDM literal. */
const literal = (value: string | number | null): string => (typeof value === 'string' ? JSON.stringify(value) : String(value));

const rangeTest = (b: Bound): string => (b ? `[${b[0]}..${b[1]})` : '-');
const minTest = (n: number | null): string => (n === null ? '-' : `>= ${n}`);
const maxTest = (n: number | null): string => (n === null ? '-' : `<= ${n}`);
const cells = (r: RuleSpec): string[] => [rangeTest(r.age), minTest(r.income), rangeTest(r.score), maxTest(r.amount)];

function applicants(count: number): Applicant[] {
  const random = mulberry32(20261123);
  return Array.from({ length: count }, () => ({
    age: 16 + Math.floor(random() * 66),
    income: Math.round(random() * 120000),
    score: 300 + Math.floor(random() * 551),
    amount: 1000 * (1 + Math.floor(random() * 2000)),
  }));
}

// 1. Hand-written closures: the physical limit. Each rule is a closure over its bounds; the first
// that matches answers its outcome, built once per rule (a constant, as anyone would write it).
function handWritten(): (a: Applicant) => Outcome {
  const inRange = (b: Bound, v: number): boolean => b === null || (v >= b[0] && v < b[1]);
  const rules = RULES.map(
    (r) => (a: Applicant) => inRange(r.age, a.age) && (r.income === null || a.income >= r.income) && inRange(r.score, a.score) && (r.amount === null || a.amount <= r.amount),
  );
  const outcomes = RULES.map((r) => Object.freeze({ ...r.out }));
  const none: Outcome = Object.freeze({ decision: 'refer', reason: 'no rule', rate: null });
  return (a) => {
    for (let i = 0; i < rules.length; i++) if (rules[i]!(a)) return outcomes[i]!;
    return none;
  };
}

// 2. BankForge: the native decision artifact, compiled once. `shift` moves every bound, giving a
// table whose FEEL texts are all new to the compile cache (for the compile-time and memory figures).
function bankForgeModel(shift = 0): DecisionModel {
  const shifted = (r: RuleSpec): RuleSpec => {
    const move = (b: Bound): Bound => (b ? [b[0] + shift, b[1] + shift] : null);
    return { ...r, age: move(r.age), score: move(r.score), income: r.income === null ? null : r.income + shift, amount: r.amount === null ? null : r.amount + shift };
  };
  return {
    kind: 'decision',
    key: 'credit_decision',
    title: 'Credit decision',
    inputData: FIELDS.map((name) => ({ name, typeRef: 'number' })),
    decisions: [
      {
        name: 'Credit Decision',
        requirements: { inputs: [...FIELDS] },
        logic: {
          kind: 'decisionTable',
          hitPolicy: 'F',
          inputs: FIELDS.map((expression) => ({ expression, typeRef: 'number' })),
          outputs: [
            { name: 'decision', typeRef: 'string' },
            { name: 'reason', typeRef: 'string' },
            { name: 'rate', typeRef: 'number' },
          ],
          rules: RULES.map((r) => ({ inputEntries: cells(shifted(r)), outputEntries: OUTPUTS.map((o) => literal(r.out[o])) })),
        },
      },
    ],
  };
}

// 3. json-rules-engine: priorities stand in for FIRST (the highest-priority success wins).
function jsonRulesEngine(): (a: Applicant) => Promise<Outcome> {
  const conditions = (r: RuleSpec) => {
    const all: { fact: string; operator: string; value: number }[] = [];
    if (r.age) all.push({ fact: 'age', operator: 'greaterThanInclusive', value: r.age[0] }, { fact: 'age', operator: 'lessThan', value: r.age[1] });
    if (r.income !== null) all.push({ fact: 'income', operator: 'greaterThanInclusive', value: r.income });
    if (r.score) all.push({ fact: 'score', operator: 'greaterThanInclusive', value: r.score[0] }, { fact: 'score', operator: 'lessThan', value: r.score[1] });
    if (r.amount !== null) all.push({ fact: 'amount', operator: 'lessThanInclusive', value: r.amount });
    if (all.length === 0) all.push({ fact: 'age', operator: 'greaterThanInclusive', value: -1 });
    return { all };
  };
  const rules: RuleProperties[] = RULES.map((r, i) => ({ conditions: conditions(r), event: { type: 'decision', params: { ...r.out, rank: i } }, priority: RULES.length - i }));
  const engine = new Engine(rules, { allowUndefinedFacts: true });
  return async (a) => {
    const { events } = await engine.run({ ...a });
    let best: (Outcome & { rank: number }) | undefined;
    for (const event of events) {
      const params = event.params as Outcome & { rank: number };
      if (!best || params.rank < best.rank) best = params;
    }
    return best ? { decision: best.decision, reason: best.reason, rate: best.rate } : { decision: 'refer', reason: 'no rule', rate: null };
  };
}

// 4. zen-engine: the same table as a JDM decision table node.
function zenDecision(): (a: Applicant) => Promise<Outcome> {
  const zenCell = (cell: string): string => (cell === '-' ? '' : cell);
  const content = {
    nodes: [
      { id: 'in', type: 'inputNode', name: 'Request', position: { x: 0, y: 0 } },
      {
        id: 'table',
        type: 'decisionTableNode',
        name: 'Credit decision',
        position: { x: 200, y: 0 },
        content: {
          hitPolicy: 'first',
          inputs: FIELDS.map((field) => ({ id: `in_${field}`, name: field, field })),
          outputs: OUTPUTS.map((field) => ({ id: `out_${field}`, name: field, field })),
          rules: RULES.map((r, i) => {
            const row: Record<string, string> = { _id: `r${i}` };
            cells(r).forEach((cell, c) => (row[`in_${FIELDS[c]}`] = zenCell(cell)));
            for (const o of OUTPUTS) row[`out_${o}`] = literal(r.out[o]);
            return row;
          }),
        },
      },
      { id: 'out', type: 'outputNode', name: 'Response', position: { x: 400, y: 0 } },
    ],
    edges: [
      { id: 'e1', sourceId: 'in', targetId: 'table', type: 'edge' },
      { id: 'e2', sourceId: 'table', targetId: 'out', type: 'edge' },
    ],
  };
  const decision = new ZenEngine().createDecision(content);
  // zen-engine leaves a null output out of its result: put it back, so the outcome is complete.
  return async (a) => {
    const r = (await decision.evaluate(a)).result as Partial<Outcome>;
    return { decision: r.decision!, reason: r.reason!, rate: r.rate ?? null };
  };
}

// 5. feelin: its public API parses an expression on every call (it exposes no compiled form), so
// only the cells' unary tests go through it; the outcome is the rule's constant, as above.
function feelinTable(): (a: Applicant) => Outcome {
  const tests = RULES.map((r) => cells(r));
  const outcomes = RULES.map((r) => Object.freeze({ ...r.out }));
  const none: Outcome = Object.freeze({ decision: 'refer', reason: 'no rule', rate: null });
  return (a) => {
    for (let i = 0; i < tests.length; i++) {
      const row = tests[i]!;
      let match = true;
      for (let c = 0; c < 4 && match; c++) {
        if (row[c] !== '-') match = unaryTest(row[c]!, { '?': a[FIELDS[c]!] }).value === true;
      }
      if (match) return outcomes[i]!;
    }
    return none;
  };
}

// ---------------------------------------------------------------- the timing harness

interface Contender {
  name: string;
  /** One evaluation: the input record in, the full outcome out (awaited when a promise). */
  evaluate: (a: Applicant) => Outcome | Promise<Outcome>;
  async: boolean;
}

interface Measured {
  /** Median evaluations per second over the timed rounds. */
  perSecond: number;
  rounds: number[];
  /** Timed milliseconds so far. */
  total: number;
}

/** Every result is stored and consumed, so that the JIT cannot drop an evaluation nobody reads. */
let sink = 0;

function sameOutcome(a: Outcome, b: Outcome): boolean {
  return a.decision === b.decision && a.reason === b.reason && a.rate === b.rate && Object.keys(a).length === 3;
}

/**
 * The one harness every engine goes through. Warm-up: the inputs in order, untimed, for up to a
 * second (at most one pass). Then timed rounds: each is all N evaluations, one after another, each
 * result stored; a round's time is performance.now() around the whole loop and nothing else. After
 * each round (untimed) every result is compared with the expected outcome. The engines take their
 * rounds in turn, so that a busy machine (other work shares these two cores) slows them alike: the
 * slow engines (a round of a second or more) one round, the others at least five and a second of
 * timed work. The figure is the median round.
 */
async function measureAll(contenders: readonly Contender[], inputs: readonly Applicant[], expected: readonly Outcome[]): Promise<Map<string, Measured>> {
  const n = inputs.length;
  const results: Outcome[] = new Array<Outcome>(n);
  const check = (contender: Contender, count: number): void => {
    for (let i = 0; i < count; i++) {
      if (!sameOutcome(results[i]!, expected[i]!)) {
        throw new Error(`${contender.name} disagrees at ${i}: ${JSON.stringify(results[i])} vs ${JSON.stringify(expected[i])}`);
      }
      sink += results[i]!.reason.length;
    }
  };
  const round = async (contender: Contender): Promise<number> => {
    const started = performance.now();
    if (contender.async) {
      for (let i = 0; i < n; i++) results[i] = await contender.evaluate(inputs[i]!);
    } else {
      const evaluate = contender.evaluate as (a: Applicant) => Outcome;
      for (let i = 0; i < n; i++) results[i] = evaluate(inputs[i]!);
    }
    return performance.now() - started;
  };
  for (const contender of contenders) {
    const warmUntil = performance.now() + 1000;
    let warmed = 0;
    while (warmed < n && performance.now() < warmUntil) {
      const end = Math.min(n, warmed + 1000);
      for (let i = warmed; i < end; i++) results[i] = contender.async ? await contender.evaluate(inputs[i]!) : (contender.evaluate(inputs[i]!) as Outcome);
      warmed = end;
    }
    check(contender, warmed);
  }
  const measured = new Map<string, Measured>(contenders.map((c) => [c.name, { perSecond: 0, rounds: [], total: 0 }]));
  const take = async (contender: Contender): Promise<void> => {
    const m = measured.get(contender.name)!;
    const ms = await round(contender);
    m.total += ms;
    m.rounds.push(Math.round((n / ms) * 1000));
    check(contender, n);
  };
  // One round each; an engine whose round took a second or more stops there. The others then take
  // rounds in turn until each has five rounds and a second of timed work.
  for (const contender of contenders) await take(contender);
  const fast = contenders.filter((c) => measured.get(c.name)!.total < 1000);
  const enough = (c: Contender): boolean => measured.get(c.name)!.rounds.length >= 5 && measured.get(c.name)!.total >= 1000;
  // The first two (the hand-written closures and BankForge) go in step, so their rounds pair up.
  const inStep = (c: Contender): boolean => c === contenders[0] || c === contenders[1];
  const stepDone = (): boolean => fast.filter(inStep).every(enough);
  while (!fast.every(enough)) {
    const stepping = !stepDone();
    for (const contender of fast) if (inStep(contender) ? stepping : !enough(contender)) await take(contender);
  }
  for (const m of measured.values()) m.perSecond = [...m.rounds].sort((a, b) => a - b)[Math.floor(m.rounds.length / 2)]!;
  return measured;
}

async function main(): Promise<void> {
  const inputs = applicants(N);
  console.log(`rules bench: ${RULES.length} rules x 4 inputs, 3 outputs, hit policy FIRST, ${N} evaluations per round`);
  console.log('timed: one call per input record ({ age, income, score, amount }) answering the full result { decision, reason, rate },');
  console.log('in a loop storing each result; every engine in the same harness; BankForge is compiled.evaluateJson(decision, record).value');
  console.log('(after a warm-up, the engines take rounds of N in turn; the median round; every result checked after each round)');

  const hand = handWritten();
  const expected = inputs.map(hand);
  const figures: Record<string, number> = {};

  // The first compile in a process also builds the FEEL built-in library: timed on its own.
  const t0 = performance.now();
  compileDecisionModel(bankForgeModel(100_000));
  figures.firstCompileMs = Number((performance.now() - t0).toFixed(2));
  // Then the median of 21 tables whose FEEL texts are all new to the compile cache.
  const compileTimes = Array.from({ length: 21 }, (_, i) => {
    const model = bankForgeModel(200_000 + i);
    const started = performance.now();
    compileDecisionModel(model);
    return performance.now() - started;
  }).sort((a, b) => a - b);
  figures.compileMs = Number(compileTimes[10]!.toFixed(2));
  const compiled = compileDecisionModel(bankForgeModel());
  if (compiled.diagnostics.length > 0) throw new Error(`table does not compile: ${JSON.stringify(compiled.diagnostics)}`);
  const copies = 50;
  globalThis.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const kept = Array.from({ length: copies }, (_, i) => compileDecisionModel(bankForgeModel(1 + i)));
  globalThis.gc?.();
  figures.compiledTableKb = Math.round((process.memoryUsage().heapUsed - heapBefore) / 1024 / kept.length);

  // As the server would: evaluate the decision with the record, answer its value as JSON data.
  const bankForge = (a: Applicant): Outcome => compiled.evaluateJson('Credit Decision', a).value as Outcome;

  // The slow engines come last: their single round would otherwise stand between the fast ones'.
  const contenders: Contender[] = [
    { name: 'hand-written closures', evaluate: hand, async: false },
    { name: 'BankForge', evaluate: bankForge, async: false },
    { name: 'zen-engine', evaluate: zenDecision(), async: true },
    { name: 'json-rules-engine', evaluate: jsonRulesEngine(), async: true },
    { name: 'feelin', evaluate: feelinTable(), async: false },
  ];
  const measured = await measureAll(contenders, inputs, expected);
  const per = (name: string): number => measured.get(name)!.perSecond;
  figures.handWrittenPerSecond = per('hand-written closures');
  figures.bankForgePerSecond = per('BankForge');
  figures.zenEnginePerSecond = per('zen-engine');
  figures.jsonRulesEnginePerSecond = per('json-rules-engine');
  figures.feelinPerSecond = per('feelin');
  figures.bankForgeVsHandWritten = Number((figures.bankForgePerSecond / figures.handWrittenPerSecond).toFixed(3));
  // Rounds taken in turn pair up: the median of BankForge's round over the hand-written round
  // before it is the ratio least disturbed by the load of the moment.
  const handRounds = measured.get('hand-written closures')!.rounds;
  const bankForgeRounds = measured.get('BankForge')!.rounds;
  const pairs = bankForgeRounds.slice(0, handRounds.length).map((r, i) => r / handRounds[i]!).sort((a, b) => a - b);
  figures.bankForgeVsHandWrittenPaired = Number(pairs[Math.floor(pairs.length / 2)]!.toFixed(3));
  figures.bankForgeVsZen = Number((figures.bankForgePerSecond / figures.zenEnginePerSecond).toFixed(1));
  figures.bankForgeVsJsonRulesEngine = Number((figures.bankForgePerSecond / figures.jsonRulesEnginePerSecond).toFixed(1));
  figures.bankForgeVsFeelin = Number((figures.bankForgePerSecond / figures.feelinPerSecond).toFixed(1));

  const rounds = (name: string): string => {
    const r = measured.get(name)!.rounds;
    return `${r.length} rounds, ${Math.min(...r)}..${Math.max(...r)}/s`;
  };
  console.log(`hand-written closures: ${figures.handWrittenPerSecond}/s  (${rounds('hand-written closures')})`);
  console.log(`BankForge:             ${figures.bankForgePerSecond}/s  (${figures.bankForgeVsHandWritten} of hand-written, ${figures.bankForgeVsHandWrittenPaired} round by round; target >= 0.5; ${rounds('BankForge')})`);
  console.log(`zen-engine:            ${figures.zenEnginePerSecond}/s  (BankForge ${figures.bankForgeVsZen}x; target > 20x)`);
  console.log(`json-rules-engine:     ${figures.jsonRulesEnginePerSecond}/s  (BankForge ${figures.bankForgeVsJsonRulesEngine}x)`);
  console.log(`feelin:                ${figures.feelinPerSecond}/s  (BankForge ${figures.bankForgeVsFeelin}x)`);
  console.log(`compile: ${figures.compileMs} ms per table, median of 21 (target < 5 ms; the first in a process ${figures.firstCompileMs} ms); memory: ${figures.compiledTableKb} KiB per compiled table`);
  console.log(`all engines agreed on every result (checksum ${sink})`);
  console.log(`BENCH rules ${JSON.stringify(figures)}`);
}

await main();
