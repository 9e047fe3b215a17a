/**
 * Edits of a decision's logic when it is a literal expression or a context, and of a business
 * knowledge model's parameters and body. Pure: each returns a new value, or the same one when
 * nothing changes (so the editor's history records real steps only).
 */
import type { BoxedExpression, BusinessKnowledgeModel, ContextEntry, ContextExpression, DecisionArtifact, LiteralExpression, TypedName } from '@bankforge/rule-engine';
import { mapSame } from './map-same.js';
import { freshName } from './element-names.js';

/** The artifact with one decision's logic changed (`change` sees its logic; undefined when it has none yet). */
export function withDecisionLogic(artifact: DecisionArtifact, decision: number, change: (logic: BoxedExpression | undefined) => BoxedExpression | undefined): DecisionArtifact {
  const decisions = mapSame(artifact.decisions, (d, i) => {
    if (i !== decision) return d;
    const logic = change(d.logic);
    return logic === d.logic || logic === undefined ? d : { ...d, logic };
  });
  return decisions === null ? artifact : { ...artifact, decisions };
}

/** The artifact with one business knowledge model changed. */
export function withKnowledgeModel(artifact: DecisionArtifact, index: number, change: (bkm: BusinessKnowledgeModel) => BusinessKnowledgeModel): DecisionArtifact {
  const bkms = mapSame(artifact.businessKnowledgeModels ?? [], (b, i) => (i === index ? change(b) : b));
  return bkms === null ? artifact : { ...artifact, businessKnowledgeModels: bkms };
}

/** Lifts an edit of a literal expression or a context to any logic: other kinds stay as they are. */
export function onLiteral(change: (expression: LiteralExpression) => LiteralExpression): (logic: BoxedExpression | undefined) => BoxedExpression | undefined {
  return (logic) => (logic?.kind === 'literalExpression' ? change(logic) : logic);
}

export function onContext(change: (context: ContextExpression) => ContextExpression): (logic: BoxedExpression | undefined) => BoxedExpression | undefined {
  return (logic) => (logic?.kind === 'context' ? change(logic) : logic);
}

export function setLiteralText(expression: LiteralExpression, text: string): LiteralExpression {
  return expression.text === text ? expression : { ...expression, text };
}

// ---------------------------------------------------------------------------------------------
// Contexts: named entries, each a value expression reading the entries above it, and an optional
// unnamed last entry, the result (without one, the context itself is the answer).

/** The index of the result entry (the unnamed last one), or -1. */
export function resultIndex(context: ContextExpression): number {
  const last = context.entries.length - 1;
  return last >= 0 && context.entries[last]!.name === undefined ? last : -1;
}

function withEntries(context: ContextExpression, entries: ContextEntry[]): ContextExpression {
  return { ...context, entries };
}

/** A new named entry with an empty expression, at `at` (clamped above the result entry); named `entry`, `entry2`... */
export function addContextEntry(context: ContextExpression, at: number, base = 'entry'): ContextExpression {
  const result = resultIndex(context);
  const limit = result >= 0 ? result : context.entries.length;
  const index = Math.max(0, Math.min(at, limit));
  const names = new Set(context.entries.map((e) => e.name));
  const entry: ContextEntry = { name: freshName(base, (n) => names.has(n)), value: { kind: 'literalExpression', text: '' } };
  return withEntries(context, [...context.entries.slice(0, index), entry, ...context.entries.slice(index)]);
}

/** Adds the result entry (an empty expression) when the context has none. */
export function addResultEntry(context: ContextExpression): ContextExpression {
  if (resultIndex(context) >= 0) return context;
  return withEntries(context, [...context.entries, { value: { kind: 'literalExpression', text: '' } }]);
}

export function removeContextEntry(context: ContextExpression, index: number): ContextExpression {
  if (index < 0 || index >= context.entries.length) return context;
  return withEntries(context, context.entries.filter((_, i) => i !== index));
}

/** Moves a named entry up or down among the named ones (the result entry stays last). */
export function moveContextEntry(context: ContextExpression, from: number, to: number): ContextExpression {
  const result = resultIndex(context);
  const named = result >= 0 ? result : context.entries.length;
  if (from === to || from < 0 || to < 0 || from >= named || to >= named) return context;
  const entries = [...context.entries];
  const [moved] = entries.splice(from, 1);
  entries.splice(to, 0, moved!);
  return withEntries(context, entries);
}

function changeEntry(context: ContextExpression, index: number, change: (entry: ContextEntry) => ContextEntry): ContextExpression {
  const entry = context.entries[index];
  if (entry === undefined) return context;
  const next = change(entry);
  return next === entry ? context : withEntries(context, context.entries.map((e, i) => (i === index ? next : e)));
}

/** Renames a named entry (the result entry has no name to change). */
export function renameContextEntry(context: ContextExpression, index: number, name: string): ContextExpression {
  return changeEntry(context, index, (entry) => (entry.name === undefined || entry.name === name ? entry : { ...entry, name }));
}

/** The FEEL text of an entry whose value is a literal expression. */
export function setContextEntryText(context: ContextExpression, index: number, text: string): ContextExpression {
  return changeEntry(context, index, (entry) => (entry.value.kind !== 'literalExpression' || entry.value.text === text ? entry : { ...entry, value: { ...entry.value, text } }));
}

/** An entry's type (`''`: none). */
export function setContextEntryType(context: ContextExpression, index: number, typeRef: string): ContextExpression {
  return changeEntry(context, index, (entry) => {
    if ((entry.typeRef ?? '') === typeRef) return entry;
    const { typeRef: _old, ...rest } = entry;
    return typeRef === '' ? rest : { ...rest, typeRef };
  });
}

// ---------------------------------------------------------------------------------------------
// Business knowledge models: a function, its parameters and its body.

function withParameters(bkm: BusinessKnowledgeModel, parameters: TypedName[]): BusinessKnowledgeModel {
  return { ...bkm, parameters };
}

/** A new parameter at the end, named `base`, `base2`... */
export function addParameter(bkm: BusinessKnowledgeModel, base = 'value'): BusinessKnowledgeModel {
  const names = new Set(bkm.parameters.map((p) => p.name));
  return withParameters(bkm, [...bkm.parameters, { name: freshName(base, (n) => names.has(n)) }]);
}

export function removeParameter(bkm: BusinessKnowledgeModel, index: number): BusinessKnowledgeModel {
  if (index < 0 || index >= bkm.parameters.length) return bkm;
  return withParameters(bkm, bkm.parameters.filter((_, i) => i !== index));
}

/** Moves a parameter: callers pass arguments in this order, so the analyst decides it. */
export function moveParameter(bkm: BusinessKnowledgeModel, from: number, to: number): BusinessKnowledgeModel {
  if (from === to || from < 0 || to < 0 || from >= bkm.parameters.length || to >= bkm.parameters.length) return bkm;
  const parameters = [...bkm.parameters];
  const [moved] = parameters.splice(from, 1);
  parameters.splice(to, 0, moved!);
  return withParameters(bkm, parameters);
}

export function renameParameter(bkm: BusinessKnowledgeModel, index: number, name: string): BusinessKnowledgeModel {
  const parameter = bkm.parameters[index];
  if (parameter === undefined || parameter.name === name) return bkm;
  return withParameters(bkm, bkm.parameters.map((p, i) => (i === index ? { ...p, name } : p)));
}

export function setParameterType(bkm: BusinessKnowledgeModel, index: number, typeRef: string): BusinessKnowledgeModel {
  const parameter = bkm.parameters[index];
  if (parameter === undefined || (parameter.typeRef ?? '') === typeRef) return bkm;
  return withParameters(bkm, bkm.parameters.map((p, i) => (i !== index ? p : typeRef === '' ? { name: p.name } : { name: p.name, typeRef })));
}

/** The body changed (`change` sees it; undefined when there is none yet). */
export function changeBody(bkm: BusinessKnowledgeModel, change: (body: BoxedExpression | undefined) => BoxedExpression | undefined): BusinessKnowledgeModel {
  const body = change(bkm.body);
  if (body === bkm.body) return bkm;
  if (body === undefined) {
    const { body: _old, ...rest } = bkm;
    return rest;
  }
  return { ...bkm, body };
}
