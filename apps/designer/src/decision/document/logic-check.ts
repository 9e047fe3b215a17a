/**
 * Checks of the FEEL a literal expression, a context or a knowledge model's body holds, as the
 * analyst types: syntax, and the names read. In DMN (1.5, 6.3) a decision sees what it requires,
 * its information and knowledge requirements. The rule engine resolves a name read without one all
 * the same, but the diagram and DMN XML would not show the dependency (another DMN tool would not
 * resolve it): a name the model has but the element does not require is said apart from an unknown
 * one, and the fix is a requirement drawn in the diagram.
 */
import type { BusinessKnowledgeModel, ContextExpression, DecisionArtifact } from '@bankforge/rule-engine';
import { checkFeelText, type CellProblem, type FeelScope } from '../grid/cell-check.js';
import { modelNames } from './decision-document.js';
import { siblingNameProblem, type NameProblem } from './element-names.js';

export type LogicProblem =
  | CellProblem
  /** The model has the name but the element does not require it: the diagram does not show the dependency. */
  | { severity: 'warning'; code: 'notRequired'; name: string }
  /** An entry's or a parameter's name. */
  | { severity: 'error'; code: 'name'; problem: NameProblem };

/** What an element's FEEL may read (`known`), and every name of the model (for the grammar, and to tell "not required" from "unknown"). */
export interface LogicScope extends FeelScope {
  model: ReadonlySet<string>;
}

function scopeOf(known: Iterable<string>, model: readonly string[], extra: readonly string[] = []): LogicScope {
  const all = [...model, ...extra];
  return { known: new Set([...known, ...extra]), multiWord: all, model: new Set(model) };
}

/** A decision's scope: the names of the elements it requires. */
export function decisionScope(artifact: DecisionArtifact, decision: number): LogicScope {
  const requirements = artifact.decisions[decision]?.requirements;
  const required = [...(requirements?.decisions ?? []), ...(requirements?.inputs ?? []), ...(requirements?.knowledge ?? [])];
  return scopeOf(required, modelNames(artifact));
}

/** A knowledge model's body's scope: its parameters and the knowledge models it requires. */
export function knowledgeScope(artifact: DecisionArtifact, bkm: BusinessKnowledgeModel): LogicScope {
  return scopeOf(bkm.requirements?.knowledge ?? [], modelNames(artifact), bkm.parameters.map((p) => p.name));
}

/** The problem of one FEEL expression, or null. */
export function checkExpression(text: string, scope: LogicScope): LogicProblem | null {
  const problem = checkFeelText(text, 'expression', scope);
  if (problem?.code === 'unknownName' && scope.model.has(problem.name)) return { severity: 'warning', code: 'notRequired', name: problem.name };
  return problem;
}

export interface EntryIssues {
  name?: LogicProblem;
  value?: LogicProblem;
}

/** Each entry's problems, in order: its name (a FEEL name, unique in the context), its value (it may read the entries above it). */
export function checkContext(context: ContextExpression, scope: LogicScope): EntryIssues[] {
  const names = context.entries.map((e) => e.name);
  const above: string[] = [];
  return context.entries.map((entry, index) => {
    const issues: EntryIssues = {};
    if (entry.name !== undefined) {
      const problem = siblingNameProblem(entry.name, names, index);
      if (problem !== null) issues.name = { severity: 'error', code: 'name', problem };
    }
    if (entry.value.kind === 'literalExpression') {
      const seen: LogicScope = { known: new Set([...scope.known, ...above]), multiWord: [...scope.multiWord, ...above], model: scope.model };
      const problem = checkExpression(entry.value.text, seen);
      if (problem !== null) issues.value = problem;
    }
    if (entry.name !== undefined) above.push(entry.name);
    return issues;
  });
}

/** Each parameter's name problem (a FEEL name, unique among the parameters), or undefined. */
export function checkParameters(bkm: BusinessKnowledgeModel): (LogicProblem | undefined)[] {
  const names = bkm.parameters.map((p) => p.name);
  return bkm.parameters.map((p, i) => {
    const problem = siblingNameProblem(p.name, names, i);
    return problem === null ? undefined : { severity: 'error', code: 'name', problem };
  });
}

/** Whether any problem of a list is an error (what the entry or editor marks invalid). */
export function hasError(problems: readonly (LogicProblem | undefined)[]): boolean {
  return problems.some((p) => p?.severity === 'error');
}
