/**
 * Publish-time analysis of a form against its entities: every field placed is checked, every
 * FEEL expression compiled once, and the computed values ordered so a change re-runs only the
 * rules that depend on it.
 */
import { expressionRisks } from '@bankforge/rule-engine';
import type { EntityDefinition, FieldError } from '@bankforge/data-model';
import type { FormDefinition, FormFieldNode } from './form-definition.js';
import { compileRule, type NameScope, type RuleDraft } from './compile/compile-rule.js';
import { dependencyOrder } from './compile/dependency-order.js';
import { formError } from './compile/form-errors.js';
import type { CompiledFormWithPlan, FormPlan, GroupPlan, LayoutNodeInfo, PlacedField, Rule } from './compile/form-plan.js';
import { walkLayout, type LayoutWalk, type WalkedGroup } from './compile/layout-walk.js';
import { placeFields } from './compile/place-fields.js';
import { dependentsByName, outerDependentsByName } from './compile/rule-dependents.js';

function placeholderEntity(key: string): EntityDefinition {
  return { kind: 'entity', key, title: key, label: { en: key, 'zh-CN': key }, fields: [] };
}

function checkNodeIds(walk: LayoutWalk, errors: FieldError[]): void {
  const seen = new Set<string>();
  for (const node of walk.nodes) {
    if (seen.has(node.id)) errors.push(formError(`${node.path}/id`, 'duplicateNodeId', `Node id ${node.id} is used twice`, `节点 ID ${node.id} 被重复使用`));
    seen.add(node.id);
  }
}

/** The drafts of one field node's rules. */
function fieldRules(node: FormFieldNode, path: string, scope: NameScope, errors: FieldError[]): RuleDraft[] {
  const drafts: Array<RuleDraft | null> = [];
  const key = node.field;
  if (node.visibleWhen !== undefined) drafts.push(compileRule(node.visibleWhen, `${path}/visibleWhen`, { kind: 'visible', node: node.id }, scope, errors));
  if (node.requiredWhen !== undefined) drafts.push(compileRule(node.requiredWhen, `${path}/requiredWhen`, { kind: 'required', field: key }, scope, errors));
  if (node.readonlyWhen !== undefined) drafts.push(compileRule(node.readonlyWhen, `${path}/readonlyWhen`, { kind: 'readonly', field: key }, scope, errors));
  if (node.value !== undefined) drafts.push(compileRule(node.value, `${path}/value`, { kind: 'value', field: key }, scope, errors));
  return drafts.filter((d): d is RuleDraft => d !== null);
}

function checkGroup(group: WalkedGroup, formEntity: EntityDefinition, entities: Record<string, EntityDefinition>, errors: FieldError[]): EntityDefinition | undefined {
  const { node, path } = group;
  const entity = entities[node.entity];
  if (entity === undefined) {
    errors.push(formError(`${path}/entity`, 'unknownEntity', `Unknown entity ${node.entity}`, `未知的实体 ${node.entity}`));
    return undefined;
  }
  const foreignKey = entity.fields.find((f) => f.key === node.foreignKey);
  if (foreignKey?.type !== 'reference' || foreignKey.reference?.entity !== formEntity.key) {
    errors.push(
      formError(
        `${path}/foreignKey`,
        'invalidForeignKey',
        `${node.entity}.${node.foreignKey} must be a reference field pointing at ${formEntity.key}`,
        `${node.entity}.${node.foreignKey} 必须是指向 ${formEntity.key} 的引用字段`,
      ),
    );
  }
  return entity;
}

/** Computed-value graph node names: `key` on the form, `group.key` in a repeating group. */
const cellName = (group: string, key: string): string => `${group}.${key}`;

interface ScopeDrafts {
  readonly group: string | null;
  readonly drafts: RuleDraft[];
  readonly fields: ReadonlyMap<string, PlacedField>;
}

/** What each computed value reads among the computed values, for ordering and cycle detection. */
function computedReads(scopes: readonly ScopeDrafts[]): Map<string, Set<string>> {
  const computedCells = new Map<string, string[]>();
  for (const s of scopes) if (s.group !== null) computedCells.set(s.group, s.drafts.filter((d) => d.target.kind === 'value').map((d) => (d.target.kind === 'value' ? d.target.field : '')));
  const groupDeps = (draft: RuleDraft, group: string): string[] => {
    const props = draft.groupReads.get(group) ?? 'all';
    const cells = computedCells.get(group) ?? [];
    return (props === 'all' ? cells : cells.filter((c) => props.has(c))).map((c) => cellName(group, c));
  };
  const graph = new Map<string, Set<string>>();
  for (const s of scopes) {
    for (const draft of s.drafts) {
      if (draft.target.kind !== 'value') continue;
      const deps = new Set<string>();
      for (const name of draft.reads) {
        if (computedCells.has(name)) for (const d of groupDeps(draft, name)) deps.add(d);
        else deps.add(name);
      }
      if (s.group !== null) {
        const cells = computedCells.get(s.group) ?? [];
        const item = draft.itemReads;
        for (const c of item === 'all' ? cells : cells.filter((cell) => item.has(cell))) deps.add(cellName(s.group, c));
      }
      graph.set(s.group === null ? draft.target.field : cellName(s.group, draft.target.field), deps);
    }
  }
  return graph;
}

function ordered(drafts: readonly RuleDraft[], position: (draft: RuleDraft) => number): Rule[] {
  return [...drafts]
    .map((draft, i) => ({ draft, key: draft.target.kind === 'value' ? position(draft) : Number.MAX_SAFE_INTEGER, i }))
    .sort((a, b) => a.key - b.key || a.i - b.i)
    .map(({ draft }, index) => ({ index, target: draft.target, expression: draft.expression, documentPath: draft.documentPath, reads: draft.reads, itemReads: draft.itemReads }));
}

function computedRules(rules: readonly Rule[]): Map<string, Rule> {
  return new Map(rules.flatMap((r) => (r.target.kind === 'value' ? [[r.target.field, r] as const] : [])));
}

/** What compileForm checks the expressions' cost against. */
export interface CompileFormOptions {
  /** The step budget evaluations will have: iterations over literal bounds beyond it are warned of (default 1,000,000). */
  stepBudget?: number;
}

/**
 * What the evaluation budget makes of the expressions, found without running them: a pattern the
 * linear-time regex engine refuses is an error (the rule could never work), a loop over literal
 * bounds wider than the budget a warning (it will be stopped).
 */
function expressionCosts(drafts: readonly RuleDraft[], stepBudget: number | undefined, errors: FieldError[], warnings: FieldError[]): void {
  for (const draft of drafts) {
    for (const risk of expressionRisks(draft.expression.source, { stepBudget })) {
      if (risk.severity === 'error') errors.push(formError(draft.documentPath, 'unsupportedPattern', risk.message, `正则表达式无法使用：${risk.message}`));
      else warnings.push({ path: draft.documentPath, code: risk.code, message: risk.message, messageZh: `该表达式的循环超出计算预算，运行时将被停止：${risk.message}` });
    }
  }
}

export function compileForm(form: FormDefinition, entities: Record<string, EntityDefinition>, options: CompileFormOptions = {}): CompiledFormWithPlan {
  const errors: FieldError[] = [];
  const warnings: FieldError[] = [];
  const known = entities[form.entity];
  if (known === undefined) errors.push(formError('/entity', 'unknownEntity', `Unknown entity ${form.entity}`, `未知的实体 ${form.entity}`));
  const entity = known ?? placeholderEntity(form.entity);
  const walk = walkLayout(form.layout);
  checkNodeIds(walk, errors);

  const fields = placeFields(walk.fields.map((w) => ({ ...w, hideable: w.gates.length > 0 })), known, errors);
  const groupKeys = new Set<string>();
  for (const g of walk.groups) {
    if (groupKeys.has(g.node.key) || entity.fields.some((f) => f.key === g.node.key)) {
      errors.push(formError(`${g.path}/key`, 'duplicateKey', `The key ${g.node.key} is already used by a field or another group`, `键 ${g.node.key} 已被字段或其他子表使用`));
    }
    groupKeys.add(g.node.key);
  }
  const formNames = new Set([...entity.fields.map((f) => f.key), ...groupKeys]);
  const formScope: NameScope = { formNames, groupKeys, inGroup: false };
  const groupScope: NameScope = { formNames, groupKeys, inGroup: true };

  const topDrafts: RuleDraft[] = [];
  for (const node of walk.nodes) {
    if (node.node === null || node.group !== null) continue;
    if (node.node.type === 'field') {
      if (fields.get(node.node.field)?.node === node.node) topDrafts.push(...fieldRules(node.node, node.path, formScope, errors));
    } else if (node.node.visibleWhen !== undefined) {
      const draft = compileRule(node.node.visibleWhen, `${node.path}/visibleWhen`, { kind: 'visible', node: node.id }, formScope, errors);
      if (draft) topDrafts.push(draft);
    }
  }
  (form.validations ?? []).forEach((validation, i) => {
    const path = `/validations/${i}`;
    if (validation.field !== undefined && !formNames.has(validation.field)) {
      errors.push(formError(`${path}/field`, 'unknownField', `${entity.key} has no field ${validation.field}`, `${entity.key} 没有字段 ${validation.field}`));
    }
    const draft = compileRule(validation.expression, `${path}/expression`, { kind: 'validation', validation }, formScope, errors);
    if (draft) topDrafts.push(draft);
  });

  const related: Record<string, EntityDefinition> = {};
  const groupDrafts: Array<ScopeDrafts & { walked: WalkedGroup; entity: EntityDefinition }> = [];
  for (const walked of walk.groups) {
    const groupEntity = known === undefined ? undefined : checkGroup(walked, entity, entities, errors);
    if (groupEntity === undefined) continue;
    related[groupEntity.key] = groupEntity;
    const placements = walked.node.fields.map((node, c) => ({ node, path: `${walked.path}/fields/${c}`, gates: node.visibleWhen === undefined ? walked.gates : [...walked.gates, node.id], hideable: node.visibleWhen !== undefined }));
    const cells = placeFields(placements, groupEntity, errors);
    const drafts = placements.flatMap((p) => (cells.get(p.node.field)?.node === p.node ? fieldRules(p.node, p.path, groupScope, errors) : []));
    groupDrafts.push({ group: walked.node.key, drafts, fields: cells, walked, entity: groupEntity });
  }

  expressionCosts([...topDrafts, ...groupDrafts.flatMap((g) => g.drafts)], options.stepBudget, errors, warnings);

  const graph = computedReads([{ group: null, drafts: topDrafts, fields }, ...groupDrafts]);
  const { order, cycles } = dependencyOrder(graph);
  const position = new Map(order.map((name, i) => [name, i]));
  const documentPathOf = new Map<string, string>();
  for (const d of topDrafts) if (d.target.kind === 'value') documentPathOf.set(d.target.field, d.documentPath);
  for (const g of groupDrafts) for (const d of g.drafts) if (d.target.kind === 'value') documentPathOf.set(cellName(g.group ?? '', d.target.field), d.documentPath);
  for (const cycle of cycles) {
    const names = cycle.join(' → ');
    errors.push(formError(documentPathOf.get(cycle[0] ?? '') ?? '/layout', 'dependencyCycle', `Computed values depend on each other in a cycle: ${names}`, `计算字段之间存在循环依赖：${names}`));
  }

  const topRules = ordered(topDrafts, (d) => position.get(d.target.kind === 'value' ? d.target.field : '') ?? 0);
  const groups = new Map<string, GroupPlan>();
  for (const g of groupDrafts) {
    const key = g.walked.node.key;
    const rules = ordered(g.drafts, (d) => position.get(cellName(key, d.target.kind === 'value' ? d.target.field : '')) ?? 0);
    const rowFields = g.entity.fields.map((f) => f.key);
    groups.set(key, {
      key,
      node: g.walked.node,
      entity: g.entity,
      fields: g.fields,
      rules,
      computed: computedRules(rules),
      dependents: dependentsByName(rules, rowFields, (rule) => rule.itemReads),
      outerReads: new Set(rules.flatMap((r) => [...r.reads])),
      outerDependents: outerDependentsByName(rules, rowFields),
    });
  }

  const nodes: LayoutNodeInfo[] = walk.nodes.map((n) => ({
    id: n.id,
    gates: n.group === null && n.node?.visibleWhen !== undefined ? [...n.ancestorGates, n.id] : n.ancestorGates,
    group: n.group,
  }));
  const plan: FormPlan = {
    fields,
    rules: topRules,
    computed: computedRules(topRules),
    dependents: dependentsByName(topRules, formNames, (rule) => rule.reads),
    nodes,
    visibleRules: new Map(topRules.flatMap((r) => (r.target.kind === 'visible' ? [[r.target.node, r] as const] : []))),
    groups,
  };
  return { form, entity, related, errors, warnings, plan };
}
