// A 200-field form (ten field types) with 60 FEEL rules - visibility (some chained, a section
// gated too), required and read-only conditions, computed values in chains, cross-field
// validations - driven by BankForge's FormModel in one process:
//  - recompute: the median time of one setValue (the change, the rules depending on it, the new
//    snapshot), over 5,000 changes to fields that rules read and fields none read;
//  - validate: the median time of a full validate() (required, type checks through
//    compileRecordValidator(entity, { partial: true }), every cross-field rule), over 1,000 runs.
// Targets (issue 7): recompute < 1 ms, validate < 5 ms.
// Usage: npm run bench -- form [--changes N] [--validations N]
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  compileRecordValidator,
  type EntityDefinition,
  type FieldDefinition,
  type FieldType,
} from '@bankforge/data-model';
import {
  compileForm,
  FormModel,
  type FormDefinition,
  type FormFieldNode,
  type FormNode,
  type FormValidation,
} from '@bankforge/form-engine';

const { values: args } = parseArgs({ options: { changes: { type: 'string', default: '5000' }, validations: { type: 'string', default: '1000' } } });
const CHANGES = Number(args.changes);
const VALIDATIONS = Number(args.validations);
const FIELD_COUNT = 200;
const RECOMPUTE_TARGET_MS = 1;
const VALIDATE_TARGET_MS = 5;

const TYPES: readonly FieldType[] = ['text', 'integer', 'decimal', 'money', 'boolean', 'date', 'singleSelect', 'mobile', 'email', 'percentage'];
const OPTIONS = ['low', 'medium', 'high'].map((value) => ({ value, label: { en: value, 'zh-CN': value } }));

const key = (i: number): string => `f${String(i).padStart(3, '0')}`;
const typeOf = (i: number): FieldType => TYPES[i % TYPES.length] as FieldType;
/** The i-th field of a type (field numbers of one type are `offset + 10 k`). */
const nth = (type: FieldType, k: number): string => key(TYPES.indexOf(type) + 10 * k);

function fieldOf(i: number): FieldDefinition {
  const type = typeOf(i);
  const base: FieldDefinition = { id: `id_${key(i)}`, key: key(i), type, label: { en: `Field ${i}`, 'zh-CN': `字段 ${i}` } };
  if (type === 'singleSelect') return { ...base, options: OPTIONS };
  if (type === 'decimal' || type === 'money') return { ...base, scale: 2, precision: 18 };
  if (type === 'text') return { ...base, maxLength: 60 };
  if (type === 'integer') return { ...base, min: 0, max: 1_000_000 };
  return base;
}

const entity: EntityDefinition = {
  kind: 'entity',
  key: 'application',
  title: 'Application',
  label: { en: 'Application', 'zh-CN': '申请' },
  fields: Array.from({ length: FIELD_COUNT }, (_, i) => fieldOf(i)),
};

/** The rules: 49 on fields, 10 cross-field validations, and the last section's visibility (60). */
function rulesOf(): { node: Map<string, Partial<FormFieldNode>>; validations: FormValidation[]; sectionVisibleWhen: string } {
  const node = new Map<string, Partial<FormFieldNode>>();
  const add = (k: string, rule: Partial<FormFieldNode>): void => void node.set(k, { ...node.get(k), ...rule });
  // 12 computed decimals: three chains of four (each reads the previous one)
  for (let chain = 0; chain < 3; chain++) {
    for (let step = 0; step < 4; step++) {
      const target = nth('decimal', 4 + chain * 4 + step);
      const source = step === 0 ? nth('decimal', chain) : nth('decimal', 4 + chain * 4 + step - 1);
      add(target, { value: step === 0 ? `${source} * 1.05` : `${source} + ${nth('integer', chain)}` });
    }
  }
  // 2 computed money totals
  for (let m = 0; m < 2; m++) add(nth('money', 10 + m), { value: `${nth('money', 2 * m)}.amount + ${nth('money', 2 * m + 1)}.amount` });
  // 15 visibility conditions: 5 on booleans, 5 chained on those fields, 5 on selects
  for (let v = 0; v < 5; v++) {
    add(nth('text', v), { visibleWhen: `${nth('boolean', v)} = true` });
    add(nth('mobile', v), { visibleWhen: `${nth('text', v)} != null` });
    add(nth('email', v), { visibleWhen: `${nth('singleSelect', v)} in ("medium", "high")` });
  }
  // 10 required conditions
  for (let r = 0; r < 10; r++) add(nth('date', r), { requiredWhen: `${nth('integer', r)} > 100` });
  // 10 read-only conditions
  for (let r = 0; r < 10; r++) add(nth('percentage', r), { readonlyWhen: `${nth('boolean', 5 + (r % 5))} = true` });
  const validations: FormValidation[] = Array.from({ length: 10 }, (_, v) => ({
    id: `v${v}`,
    expression: v % 2 === 0 ? `${nth('decimal', 4 + v)} <= 1000000` : `${nth('date', v)} > ${nth('date', v - 1)} - duration("P100Y")`,
    field: v % 2 === 0 ? nth('decimal', 4 + v) : nth('date', v),
    message: { en: `Rule ${v} broken`, 'zh-CN': `规则 ${v} 不满足` },
  }));
  return { node, validations, sectionVisibleWhen: `${nth('boolean', 9)} != true` };
}

function formOf(): FormDefinition {
  const { node, validations, sectionVisibleWhen } = rulesOf();
  const fieldNode = (i: number): FormFieldNode => ({ id: `n_${key(i)}`, type: 'field', field: key(i), ...node.get(key(i)) });
  const sections: FormNode[] = Array.from({ length: 4 }, (_, s) => ({
    id: `s${s}`,
    type: 'section',
    title: { en: `Section ${s}`, 'zh-CN': `分区 ${s}` },
    // the last section hangs on a condition: 50 more fields whose visibility a single change can flip
    ...(s === 3 ? { visibleWhen: sectionVisibleWhen } : {}),
    children: [
      {
        id: `c${s}`,
        type: 'columns',
        columns: [0, 1].map((c) => ({ id: `c${s}_${c}`, children: Array.from({ length: 25 }, (_, j) => fieldNode(s * 50 + c * 25 + j)) })),
      },
    ],
  }));
  return { kind: 'form', key: 'application_form', title: 'Application', schemaVersion: 1, entity: 'application', label: { en: 'Application', 'zh-CN': '申请' }, layout: sections, validations };
}

function countRules(form: FormDefinition): number {
  let rules = form.validations?.length ?? 0;
  const visit = (nodes: readonly FormNode[]): void => {
    for (const n of nodes) {
      if (n.visibleWhen) rules++;
      if (n.type === 'field') rules += [n.requiredWhen, n.readonlyWhen, n.value].filter(Boolean).length;
      if (n.type === 'section') visit(n.children);
      if (n.type === 'columns') for (const c of n.columns) visit(c.children);
    }
  };
  visit(form.layout);
  return rules;
}

/** A valid value for the i-th field, varied by `round` so every change really changes something. */
function valueOf(i: number, round: number): unknown {
  switch (typeOf(i)) {
    case 'text':
      return `Text ${round}`;
    case 'integer':
      return (round * 37 + i) % 200;
    case 'decimal':
      return `${(round % 900) + 1}.${String(round % 100).padStart(2, '0')}`;
    case 'money':
      return { amount: `${(round % 5000) + 10}.50`, currency: 'CNY' };
    case 'boolean':
      return round % 2 === 0;
    case 'date':
      return `20${String(10 + (round % 15))}-0${1 + (round % 9)}-1${round % 10}`;
    case 'singleSelect':
      return OPTIONS[round % 3]?.value;
    case 'mobile':
      return `138${String(10_000_000 + round).slice(-8)}`;
    case 'email':
      return `user${round}@bank.example.cn`;
    default:
      return `${round % 100}.5000`;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const ms = (x: number): number => Number(x.toFixed(4));

function main(): void {
  const form = formOf();
  const compiled = compileForm(form, { application: entity });
  if (compiled.errors.length > 0) throw new Error(`the bench form does not compile: ${JSON.stringify(compiled.errors.slice(0, 3))}`);
  const ruleCount = countRules(form);
  if (ruleCount !== 60) throw new Error(`the bench form has ${ruleCount} rules, not 60`);
  const typeChecks = { application: compileRecordValidator(entity, { partial: true }) };
  const initial = Object.fromEntries(entity.fields.map((f, i) => [f.key, valueOf(i, i)]));
  const model = new FormModel(compiled, initial, { typeChecks });
  if (model.validate().length > 0) throw new Error(`the bench values are not valid: ${JSON.stringify(model.state.errors.slice(0, 3))}`);

  // inputs that rules read (chain heads, booleans, selects, integers) and plain fields in turn
  const read = [nth('decimal', 0), nth('decimal', 1), nth('boolean', 0), nth('boolean', 9), nth('integer', 0), nth('singleSelect', 2), nth('money', 0), nth('text', 1)];
  const plain = [key(1 + 10 * 15), key(7 + 10 * 17), key(8 + 10 * 12), key(0 + 10 * 19)];
  const changed = [...read, ...plain];
  const indexOf = new Map(entity.fields.map((f, i) => [f.key, i]));

  const time = (runs: number, warmUp: number, run: (i: number) => void): number[] => {
    for (let i = 0; i < warmUp; i++) run(i);
    globalThis.gc?.();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      run(warmUp + i);
      samples.push(performance.now() - t0);
    }
    return samples;
  };

  const evaluationsBefore = model.evaluationCount;
  const recompute = time(CHANGES, 500, (i) => {
    const k = changed[i % changed.length] as string;
    model.setValue(`/${k}`, valueOf(indexOf.get(k) ?? 0, i + 1));
  });
  const evaluationsPerChange = (model.evaluationCount - evaluationsBefore) / (CHANGES + 500);
  const validate = time(VALIDATIONS, 100, () => model.validate());
  // the timed changes must really have run the rules: a chain head still drives its chain's end
  model.setValue(`/${nth('integer', 0)}`, 1);
  model.setValue(`/${nth('decimal', 0)}`, '100.00');
  if (model.state.values[nth('decimal', 7)] !== '108.00') throw new Error(`computed chain gave ${String(model.state.values[nth('decimal', 7)])}, not 108.00`);

  const figures = {
    fields: FIELD_COUNT,
    rules: ruleCount,
    recomputeMedianMs: ms(median(recompute)),
    recomputeP95Ms: ms([...recompute].sort((a, b) => a - b)[Math.floor(recompute.length * 0.95)] ?? 0),
    evaluationsPerChange: Number(evaluationsPerChange.toFixed(2)),
    validateMedianMs: ms(median(validate)),
    validateP95Ms: ms([...validate].sort((a, b) => a - b)[Math.floor(validate.length * 0.95)] ?? 0),
    recomputeTargetRatio: Number((RECOMPUTE_TARGET_MS / median(recompute)).toFixed(1)),
    validateTargetRatio: Number((VALIDATE_TARGET_MS / median(validate)).toFixed(1)),
  };
  console.log(`form: ${FIELD_COUNT} fields, ${ruleCount} rules (visibility chains, required, read-only, computed chains, validations)`);
  console.log(`recompute after one change: median ${figures.recomputeMedianMs} ms, p95 ${figures.recomputeP95Ms} ms over ${CHANGES} changes, ${figures.evaluationsPerChange} rule evaluations per change (target < ${RECOMPUTE_TARGET_MS} ms: ${figures.recomputeTargetRatio}x under)`);
  console.log(`full validate(): median ${figures.validateMedianMs} ms, p95 ${figures.validateP95Ms} ms over ${VALIDATIONS} runs (target < ${VALIDATE_TARGET_MS} ms: ${figures.validateTargetRatio}x under)`);
  console.log(`BENCH form ${JSON.stringify(figures)}`);
}

main();
