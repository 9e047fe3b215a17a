/**
 * The decision artifact as the designer edits it: one decision's table at a time, changed by the
 * pure table operations and lifted back into a new artifact (the editor's history keeps each).
 */
import type { DecisionArtifact, DecisionModel, DecisionTable, DecisionTableAnalysisOptions, ItemDefinition } from '@bankforge/rule-engine';
import type { FeelScope } from '../grid/cell-check.js';

/** The decision table a decision's logic is, or null (another kind of logic, or none yet). */
export function tableOf(artifact: DecisionArtifact, decision: number): DecisionTable | null {
  const logic = artifact.decisions[decision]?.logic;
  return logic?.kind === 'decisionTable' ? logic : null;
}

/** The artifact with one decision's table changed; the same artifact when the table did not change. */
export function withTable(artifact: DecisionArtifact, decision: number, change: (table: DecisionTable) => DecisionTable): DecisionArtifact {
  const table = tableOf(artifact, decision);
  if (table === null) return artifact;
  const next = change(table);
  if (next === table) return artifact;
  return { ...artifact, decisions: artifact.decisions.map((d, i) => (i === decision ? { ...d, logic: next } : d)) };
}

/** The decision shown first: the first whose logic is a decision table, else the first. */
export function defaultDecision(artifact: DecisionArtifact): number {
  return Math.max(0, artifact.decisions.findIndex((d) => d.logic?.kind === 'decisionTable'));
}

/** Names the model's FEEL may read: input data, decisions, knowledge models, decision services; an imported model by its import name. */
export function modelNames(artifact: DecisionArtifact): string[] {
  const elements = [...(artifact.inputData ?? []), ...artifact.decisions, ...(artifact.businessKnowledgeModels ?? []), ...(artifact.decisionServices ?? [])];
  return [...new Set([...elements.map((e) => e.import ?? e.name), ...(artifact.imports ?? []).map((i) => i.name)])];
}

/** The scope of FEEL texts that may read these names. */
export function scopeOfNames(names: readonly string[]): FeelScope {
  return { known: new Set(names), multiWord: [...names] };
}

/** What the table analysis needs of the model: its item definitions (types and allowed values) and names. */
export function analysisOptions(itemDefinitions: readonly ItemDefinition[] | undefined, scope: FeelScope): DecisionTableAnalysisOptions {
  return { itemDefinitions: itemDefinitions ?? [], names: scope.multiWord };
}

/** A new decision artifact: one decision (named by the key) with an empty UNIQUE table deciding one output; the title is the key until one is given. */
export function newDecisionArtifact(key: string, title = key): DecisionArtifact {
  return {
    kind: 'decision',
    key,
    title,
    inputData: [],
    decisions: [{ name: key, logic: { kind: 'decisionTable', hitPolicy: 'U', inputs: [], outputs: [{}], rules: [] } }],
  };
}

/**
 * The draft with its model replaced by an imported one: the key, title, description and test
 * cases stay (DMN XML carries no test cases: the suite goes on testing the new rules).
 */
export function replaceModel(artifact: DecisionArtifact, model: DecisionModel): DecisionArtifact {
  const { kind: _kind, key: _key, title: _title, ...drg } = model;
  const { kind, key, title, description, tests } = artifact;
  return { ...drg, kind, key, title, ...(description === undefined ? {} : { description }), ...(tests === undefined ? {} : { tests }) };
}
