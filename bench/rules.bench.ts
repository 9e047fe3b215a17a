// A credit-scoring decision table (20 rules, 4 inputs, hit policy FIRST) evaluated 100,000
// times with varied inputs by BankForge and, in the same process, by the same table written as
// plain JavaScript closures (the physical limit), json-rules-engine, @gorules/zen-engine (a JDM
// decision table) and feelin. Every engine must agree on every result.
// Usage: npm run bench -- rules [--evaluations N]
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ZenEngine } from '@gorules/zen-engine';
import { compileDecisionModel, type DecisionModel } from '@bankforge/rule-engine';
import { unaryTest } from 'feelin';
import { Engine, type RuleProperties } from 'json-rules-engine';

const { values: args } = parseArgs({ options: { evaluations: { type: 'string', default: '100000' } } });
const N = Number(args.evaluations);

interface Applicant {
  age: number;
  income: number;
  score: number;
  amount: number;
}
type Bound = readonly [number, number] | null;
interface RuleSpec {
  age: Bound;
  /** Monthly income at least this much. */
  income: number | null;
  score: Bound;
  /** Loan amount at most this much. */
  amount: number | null;
  decision: string;
}

/** The table, as data: every engine's version is generated from it, so they cannot drift. */
const RULES: RuleSpec[] = [
  { age: [0, 18], income: null, score: null, amount: null, decision: 'reject: minor' },
  { age: [75, 200], income: null, score: null, amount: null, decision: 'reject: age' },
  { age: null, income: null, score: [300, 450], amount: null, decision: 'reject: score' },
  { age: null, income: null, score: [450, 550], amount: 500000, decision: 'refer: low score' },
  { age: null, income: null, score: [450, 550], amount: null, decision: 'reject: low score, large loan' },
  { age: [18, 25], income: 30000, score: [700, 851], amount: 300000, decision: 'approve: young prime' },
  { age: [18, 25], income: 8000, score: [550, 700], amount: 100000, decision: 'approve: young standard' },
  { age: [18, 25], income: null, score: null, amount: 50000, decision: 'refer: young small' },
  { age: [18, 25], income: null, score: null, amount: null, decision: 'reject: young' },
  { age: [25, 60], income: 50000, score: [750, 851], amount: 2000000, decision: 'approve: prime jumbo' },
  { age: [25, 60], income: 30000, score: [700, 851], amount: 1000000, decision: 'approve: prime' },
  { age: [25, 60], income: 15000, score: [650, 851], amount: 500000, decision: 'approve: standard plus' },
  { age: [25, 60], income: 8000, score: [600, 851], amount: 300000, decision: 'approve: standard' },
  { age: [25, 60], income: 5000, score: [550, 851], amount: 100000, decision: 'approve: small' },
  { age: [25, 60], income: null, score: [550, 851], amount: 1500000, decision: 'refer: income check' },
  { age: [60, 75], income: 20000, score: [700, 851], amount: 500000, decision: 'approve: senior prime' },
  { age: [60, 75], income: 8000, score: [600, 851], amount: 200000, decision: 'approve: senior standard' },
  { age: [60, 75], income: null, score: [550, 851], amount: 100000, decision: 'refer: senior' },
  { age: null, income: 100000, score: [550, 851], amount: null, decision: 'refer: high income' },
  { age: null, income: null, score: null, amount: null, decision: 'refer: manual review' },
];

const rangeTest = (b: Bound): string => (b ? `[${b[0]}..${b[1]})` : '-');
const minTest = (n: number | null): string => (n === null ? '-' : `>= ${n}`);
const maxTest = (n: number | null): string => (n === null ? '-' : `<= ${n}`);
const cells = (r: RuleSpec): string[] => [rangeTest(r.age), minTest(r.income), rangeTest(r.score), maxTest(r.amount)];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function applicants(count: number): Applicant[] {
  const random = mulberry32(20261123);
  return Array.from({ length: count }, () => ({
    age: 16 + Math.floor(random() * 66),
    income: Math.round(random() * 120000),
    score: 300 + Math.floor(random() * 551),
    amount: 1000 * (1 + Math.floor(random() * 2000)),
  }));
}

// 1. Hand-written closures: the physical limit.
function handWritten(): (a: Applicant) => string {
  const inRange = (b: Bound, v: number): boolean => b === null || (v >= b[0] && v < b[1]);
  const rules = RULES.map((r) => (a: Applicant) => inRange(r.age, a.age) && (r.income === null || a.income >= r.income) && inRange(r.score, a.score) && (r.amount === null || a.amount <= r.amount));
  return (a) => {
    for (let i = 0; i < rules.length; i++) if (rules[i]!(a)) return RULES[i]!.decision;
    return 'none';
  };
}

// 2. BankForge: the native decision artifact compiled once. `shift` moves every bound, giving a
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
    inputData: [
      { name: 'Age', typeRef: 'number' },
      { name: 'Monthly Income', typeRef: 'number' },
      { name: 'Credit Score', typeRef: 'number' },
      { name: 'Loan Amount', typeRef: 'number' },
    ],
    decisions: [
      {
        name: 'Credit Decision',
        typeRef: 'string',
        requirements: { inputs: ['Age', 'Monthly Income', 'Credit Score', 'Loan Amount'] },
        logic: {
          kind: 'decisionTable',
          hitPolicy: 'F',
          inputs: ['Age', 'Monthly Income', 'Credit Score', 'Loan Amount'].map((expression) => ({ expression, typeRef: 'number' })),
          outputs: [{ name: 'decision', typeRef: 'string' }],
          rules: RULES.map((r) => ({ inputEntries: cells(shifted(r)), outputEntries: [JSON.stringify(r.decision)] })),
        },
      },
    ],
  };
}

// 3. json-rules-engine: priorities stand in for FIRST (the highest-priority success wins).
function jsonRulesEngine(): (a: Applicant) => Promise<string> {
  const conditions = (r: RuleSpec) => {
    const all: { fact: string; operator: string; value: number }[] = [];
    if (r.age) all.push({ fact: 'age', operator: 'greaterThanInclusive', value: r.age[0] }, { fact: 'age', operator: 'lessThan', value: r.age[1] });
    if (r.income !== null) all.push({ fact: 'income', operator: 'greaterThanInclusive', value: r.income });
    if (r.score) all.push({ fact: 'score', operator: 'greaterThanInclusive', value: r.score[0] }, { fact: 'score', operator: 'lessThan', value: r.score[1] });
    if (r.amount !== null) all.push({ fact: 'amount', operator: 'lessThanInclusive', value: r.amount });
    if (all.length === 0) all.push({ fact: 'age', operator: 'greaterThanInclusive', value: -1 });
    return { all };
  };
  const rules: RuleProperties[] = RULES.map((r, i) => ({ conditions: conditions(r), event: { type: 'decision', params: { decision: r.decision, rank: i } }, priority: RULES.length - i }));
  const engine = new Engine(rules, { allowUndefinedFacts: true });
  return async (a) => {
    const { events } = await engine.run({ ...a });
    let best: { decision: string; rank: number } | undefined;
    for (const event of events) {
      const params = event.params as { decision: string; rank: number };
      if (!best || params.rank < best.rank) best = params;
    }
    return best?.decision ?? 'none';
  };
}

// 4. zen-engine: the same table as a JDM decision table node.
function zenDecision(): (a: Applicant) => Promise<string> {
  const fields = ['age', 'income', 'score', 'amount'];
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
          inputs: fields.map((field) => ({ id: `in_${field}`, name: field, field })),
          outputs: [{ id: 'out_decision', name: 'decision', field: 'decision' }],
          rules: RULES.map((r, i) => {
            const row: Record<string, string> = { _id: `r${i}`, out_decision: JSON.stringify(r.decision) };
            cells(r).forEach((cell, c) => (row[`in_${fields[c]}`] = zenCell(cell)));
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
  return async (a) => ((await decision.evaluate(a)).result as { decision?: string }).decision ?? 'none';
}

// 5. feelin: its public API parses an expression on every call (it exposes no compiled form).
function feelinTable(): (a: Applicant) => string {
  const tests = RULES.map((r) => cells(r));
  const keys = ['age', 'income', 'score', 'amount'] as const;
  return (a) => {
    for (let i = 0; i < tests.length; i++) {
      const row = tests[i]!;
      let match = true;
      for (let c = 0; c < 4 && match; c++) {
        if (row[c] !== '-') match = unaryTest(row[c]!, { '?': a[keys[c]!] }).value === true;
      }
      if (match) return RULES[i]!.decision;
    }
    return 'none';
  };
}

function rate(count: number, ms: number): number {
  return Math.round((count / ms) * 1000);
}

/** Every result is consumed, so that the JIT cannot drop an evaluation whose answer nobody reads. */
let sink = 0;

/** The synchronous engines: the best of three warm rounds of N evaluations (the JIT settles first). */
function bestRate(round: () => void): number {
  round();
  let best = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    round();
    best = Math.max(best, rate(N, performance.now() - t));
  }
  return best;
}

async function main(): Promise<void> {
  const inputs = applicants(N);
  console.log(`rules bench: ${RULES.length} rules x 4 inputs, hit policy FIRST, ${N} evaluations per engine`);

  const expected = inputs.map(handWritten());
  const figures: Record<string, number> = {};

  const handFn = handWritten();
  figures.handWrittenPerSecond = bestRate(() => {
    for (const a of inputs) sink += handFn(a).length;
  });

  // The first compile in a process also builds the FEEL built-in library: timed on its own.
  let t0 = performance.now();
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
  const bfInputs = inputs.map((a) => ({ Age: a.age, 'Monthly Income': a.income, 'Credit Score': a.score, 'Loan Amount': a.amount }));
  const decide = (i: number): string => {
    const value = compiled.evaluate('Credit Decision', bfInputs[i]!).value;
    return typeof value === 'string' ? value : String((value as { get?: (k: string) => unknown }).get?.('decision') ?? value);
  };
  for (let i = 0; i < N; i++) if (decide(i) !== expected[i]) throw new Error(`BankForge disagrees at ${i}: ${decide(i)} vs ${expected[i]}`);
  figures.bankForgePerSecond = bestRate(() => {
    for (let i = 0; i < N; i++) sink += decide(i).length;
  });

  const zen = zenDecision();
  let t = performance.now();
  for (let i = 0; i < N; i++) {
    const got = await zen(inputs[i]!);
    if (got !== expected[i]) throw new Error(`zen-engine disagrees at ${i}: ${got} vs ${expected[i]}`);
  }
  figures.zenEnginePerSecond = rate(N, performance.now() - t);

  const jre = jsonRulesEngine();
  t = performance.now();
  for (let i = 0; i < N; i++) {
    const got = await jre(inputs[i]!);
    if (got !== expected[i]) throw new Error(`json-rules-engine disagrees at ${i}: ${got} vs ${expected[i]}`);
  }
  figures.jsonRulesEnginePerSecond = rate(N, performance.now() - t);

  const feelin = feelinTable();
  t = performance.now();
  for (let i = 0; i < N; i++) {
    const got = feelin(inputs[i]!);
    if (got !== expected[i]) throw new Error(`feelin disagrees at ${i}: ${got} vs ${expected[i]}`);
  }
  figures.feelinPerSecond = rate(N, performance.now() - t);

  figures.bankForgeVsHandWritten = Number((figures.bankForgePerSecond! / figures.handWrittenPerSecond!).toFixed(3));
  figures.bankForgeVsZen = Number((figures.bankForgePerSecond! / figures.zenEnginePerSecond!).toFixed(1));
  figures.bankForgeVsJsonRulesEngine = Number((figures.bankForgePerSecond! / figures.jsonRulesEnginePerSecond!).toFixed(1));
  figures.bankForgeVsFeelin = Number((figures.bankForgePerSecond! / figures.feelinPerSecond!).toFixed(1));

  console.log(`hand-written closures: ${figures.handWrittenPerSecond}/s`);
  console.log(`BankForge:             ${figures.bankForgePerSecond}/s  (${figures.bankForgeVsHandWritten} of hand-written; target >= 0.5)`);
  console.log(`zen-engine:            ${figures.zenEnginePerSecond}/s  (BankForge ${figures.bankForgeVsZen}x; target > 20x)`);
  console.log(`json-rules-engine:     ${figures.jsonRulesEnginePerSecond}/s  (BankForge ${figures.bankForgeVsJsonRulesEngine}x)`);
  console.log(`feelin:                ${figures.feelinPerSecond}/s  (BankForge ${figures.bankForgeVsFeelin}x)`);
  console.log(`compile: ${figures.compileMs} ms per table, median of 21 (target < 5 ms; the first in a process ${figures.firstCompileMs} ms); memory: ${figures.compiledTableKb} KiB per compiled table`);
  console.log(`all engines agreed on every result (checksum ${sink})`);
  console.log(`BENCH rules ${JSON.stringify(figures)}`);
}

await main();
