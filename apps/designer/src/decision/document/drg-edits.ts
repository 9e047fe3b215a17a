/**
 * The diagram's edits: elements added, renamed and removed, requirements drawn and taken away.
 * Each returns a new artifact (the same one when nothing changes), so the editor's history keeps
 * real steps only and undo takes each back.
 */
import type { BoxedExpression, BusinessKnowledgeModel, Decision, DecisionArtifact, DecisionTestCase, InputData, Requirements } from '@bankforge/rule-engine';
import { modelNames } from './decision-document.js';
import { elementNameProblem, type ElementRef } from './element-names.js';
import { requirementFor } from './drg-graph.js';
import { feelRename, renameInBoxed } from './feel-rename.js';
import { mapSame } from './map-same.js';

/** The kinds of logic a new decision (or a knowledge model's body) starts with. */
export type LogicKind = 'decisionTable' | 'literalExpression' | 'context';

/** An empty logic of a kind: a UNIQUE table with one unnamed output, an empty expression, a context with only its result. */
export function newLogic(kind: LogicKind): BoxedExpression {
  switch (kind) {
    case 'decisionTable':
      return { kind: 'decisionTable', hitPolicy: 'U', inputs: [], outputs: [{}], rules: [] };
    case 'literalExpression':
      return { kind: 'literalExpression', text: '' };
    case 'context':
      return { kind: 'context', entries: [{ value: { kind: 'literalExpression', text: '' } }] };
  }
}

export function addDecision(artifact: DecisionArtifact, name: string, logic: LogicKind): DecisionArtifact {
  if (elementNameProblem(artifact, name) !== null) return artifact;
  return { ...artifact, decisions: [...artifact.decisions, { name, logic: newLogic(logic) }] };
}

export function addInputData(artifact: DecisionArtifact, name: string, typeRef?: string): DecisionArtifact {
  if (elementNameProblem(artifact, name) !== null) return artifact;
  const input: InputData = typeRef ? { name, typeRef } : { name };
  return { ...artifact, inputData: [...(artifact.inputData ?? []), input] };
}

/** A knowledge model: a function of its parameters (none yet) whose body is a literal expression to start with. */
export function addBusinessKnowledgeModel(artifact: DecisionArtifact, name: string): DecisionArtifact {
  if (elementNameProblem(artifact, name) !== null) return artifact;
  const bkm: BusinessKnowledgeModel = { name, parameters: [], body: newLogic('literalExpression') };
  return { ...artifact, businessKnowledgeModels: [...(artifact.businessKnowledgeModels ?? []), bkm] };
}

/** The list of a requiring element that names elements of `kind`. */
function listOf(kind: ElementRef['kind']): keyof Requirements {
  return kind === 'inputData' ? 'inputs' : kind === 'decision' ? 'decisions' : 'knowledge';
}

/** Requirements with `change` applied to each list; absent lists stay absent, emptied ones go. */
function mapRequirements<R extends Requirements>(requirements: R | undefined, change: (list: keyof Requirements, names: string[]) => string[]): R | undefined {
  if (requirements === undefined) return undefined;
  const next: Requirements = {};
  for (const list of ['decisions', 'inputs', 'knowledge'] as const) {
    const names = requirements[list];
    if (names === undefined) continue;
    const changed = change(list, names);
    if (changed.length > 0) next[list] = changed;
  }
  return (Object.keys(next).length === 0 ? undefined : next) as R | undefined;
}

function withRequirements<E extends { requirements?: Requirements }>(element: E, requirements: Requirements | undefined): E {
  const { requirements: _old, ...rest } = element;
  return (requirements === undefined ? rest : { ...rest, requirements }) as E;
}

/** The artifact with `change` applied to every decision's and knowledge model's requirements. */
function everyRequirement(artifact: DecisionArtifact, change: (list: keyof Requirements, names: string[]) => string[]): DecisionArtifact {
  return {
    ...artifact,
    decisions: artifact.decisions.map((d) => withRequirements(d, mapRequirements(d.requirements, change))),
    ...(artifact.businessKnowledgeModels === undefined
      ? {}
      : { businessKnowledgeModels: artifact.businessKnowledgeModels.map((b) => withRequirements(b, mapRequirements(b.requirements, change))) }),
  };
}

/** `to` requires `from` from now on (an information or knowledge requirement, as their kinds say); unchanged when DMN forbids it. */
export function addRequirement(artifact: DecisionArtifact, from: ElementRef, to: ElementRef): DecisionArtifact {
  if (!('kind' in requirementFor(artifact, from, to))) return artifact;
  const list = listOf(from.kind);
  const add = <E extends { name: string; import?: string; requirements?: Requirements }>(element: E): E =>
    element.import === undefined && element.name === to.name
      ? withRequirements(element, { ...element.requirements, [list]: [...(element.requirements?.[list] ?? []), from.name] })
      : element;
  if (to.kind === 'decision') return { ...artifact, decisions: artifact.decisions.map(add) };
  return { ...artifact, businessKnowledgeModels: (artifact.businessKnowledgeModels ?? []).map(add) };
}

/** `to` no longer requires `from`. */
export function removeRequirement(artifact: DecisionArtifact, from: ElementRef, to: ElementRef): DecisionArtifact {
  const list = listOf(from.kind);
  const remove = <E extends { name: string; requirements?: Requirements }>(element: E): E => {
    if (element.name !== to.name || !element.requirements?.[list]?.includes(from.name)) return element;
    return withRequirements(element, mapRequirements(element.requirements, (l, names) => (l === list ? names.filter((n) => n !== from.name) : names)));
  };
  if (to.kind === 'decision') {
    const decisions = mapSame(artifact.decisions, remove);
    return decisions === null ? artifact : { ...artifact, decisions };
  }
  if (to.kind !== 'businessKnowledgeModel') return artifact;
  const bkms = mapSame(artifact.businessKnowledgeModels ?? [], remove);
  return bkms === null ? artifact : { ...artifact, businessKnowledgeModels: bkms };
}

/** The element and every requirement naming it; test cases of a removed decision stay (they fail, and say why). */
export function removeElement(artifact: DecisionArtifact, ref: ElementRef): DecisionArtifact {
  const list = listOf(ref.kind);
  const keep = <E extends { name: string; import?: string }>(e: E) => e.import !== undefined || e.name !== ref.name;
  let next: DecisionArtifact;
  if (ref.kind === 'decision') {
    if (artifact.decisions.every(keep)) return artifact;
    next = { ...artifact, decisions: artifact.decisions.filter(keep) };
  } else if (ref.kind === 'inputData') {
    if ((artifact.inputData ?? []).every(keep)) return artifact;
    next = { ...artifact, inputData: (artifact.inputData ?? []).filter(keep) };
  } else {
    if ((artifact.businessKnowledgeModels ?? []).every(keep)) return artifact;
    next = { ...artifact, businessKnowledgeModels: (artifact.businessKnowledgeModels ?? []).filter(keep) };
  }
  return everyRequirement(next, (l, names) => (l === list ? names.filter((n) => n !== ref.name) : names));
}

function renameKey<V>(record: Record<string, V>, from: string, to: string): Record<string, V> {
  if (!Object.hasOwn(record, from)) return record;
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));
}

/**
 * The element renamed, and with it every requirement naming it, all FEEL reading it (literal
 * expressions, context entries, a table's input expressions, cells and allowed values), the test
 * cases' inputs (input data) and decision under test. Unchanged when the new name is refused.
 */
export function renameElement(artifact: DecisionArtifact, ref: ElementRef, name: string): DecisionArtifact {
  if (ref.name === name || elementNameProblem(artifact, name, ref) !== null) return artifact;
  const names = modelNames(artifact);
  const rename = feelRename(ref.name, name, names);
  const own = <E extends { name: string; import?: string }>(e: E): E => (e.import === undefined && e.name === ref.name ? { ...e, name } : e);
  const list = listOf(ref.kind);
  let next: DecisionArtifact = {
    ...artifact,
    ...(ref.kind === 'inputData' ? { inputData: (artifact.inputData ?? []).map(own) } : {}),
    decisions: artifact.decisions.map((d: Decision) => {
      const renamed = ref.kind === 'decision' ? own(d) : d;
      return renamed.logic === undefined ? renamed : { ...renamed, logic: renameInBoxed(renamed.logic, rename) };
    }),
    ...(artifact.businessKnowledgeModels === undefined
      ? {}
      : {
          businessKnowledgeModels: artifact.businessKnowledgeModels.map((b) => {
            const renamed = ref.kind === 'businessKnowledgeModel' ? own(b) : b;
            return renamed.body === undefined ? renamed : { ...renamed, body: renameInBoxed(renamed.body, rename) };
          }),
        }),
  };
  next = everyRequirement(next, (l, list_) => (l === list ? list_.map((n) => (n === ref.name ? name : n)) : list_));
  if (next.tests !== undefined && ref.kind !== 'businessKnowledgeModel') {
    next = {
      ...next,
      tests: next.tests.map((test): DecisionTestCase => {
        if (ref.kind === 'inputData') return { ...test, inputs: renameKey(test.inputs, ref.name, name) };
        return test.decision === ref.name ? { ...test, decision: name } : test;
      }),
    };
  }
  return next;
}

/** The element's type (`''`: none). */
export function setElementType(artifact: DecisionArtifact, ref: ElementRef, typeRef: string): DecisionArtifact {
  const set = <E extends { name: string; import?: string; typeRef?: string }>(e: E): E => {
    if (e.import !== undefined || e.name !== ref.name || (e.typeRef ?? '') === typeRef) return e;
    const { typeRef: _old, ...rest } = e;
    return (typeRef === '' ? rest : { ...rest, typeRef }) as E;
  };
  if (ref.kind === 'decision') {
    const decisions = mapSame(artifact.decisions, set);
    return decisions === null ? artifact : { ...artifact, decisions };
  }
  if (ref.kind === 'inputData') {
    const inputData = mapSame(artifact.inputData ?? [], set);
    return inputData === null ? artifact : { ...artifact, inputData };
  }
  const bkms = mapSame(artifact.businessKnowledgeModels ?? [], set);
  return bkms === null ? artifact : { ...artifact, businessKnowledgeModels: bkms };
}

/** The question a decision answers, in the analyst's words (`''`: none). */
export function setDecisionQuestion(artifact: DecisionArtifact, name: string, question: string): DecisionArtifact {
  const decisions = mapSame(artifact.decisions, (d) => {
    if (d.name !== name || d.import !== undefined || (d.question ?? '') === question) return d;
    const { question: _old, ...rest } = d;
    return question === '' ? rest : { ...rest, question };
  });
  return decisions === null ? artifact : { ...artifact, decisions };
}
