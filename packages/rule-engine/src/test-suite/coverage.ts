/**
 * Which rules of a model's decision tables the test cases reach: every table of every decision
 * and BKM (nested ones too), and the rules no traced evaluation matched.
 */
import { hitPolicyName } from '../dmn/hit-policy.js';
import type { BoxedExpression, DecisionArtifact, DecisionTable } from '../dmn/model.js';
import type { DecisionTableTrace } from '../dmn/run.js';

/** A rule by its place in its table (0-based) and its id, when the model gives one. */
export interface RuleRef {
  index: number;
  id?: string;
}

export interface TableCoverage {
  /** The decision or BKM whose logic holds the table (`import.name` for an imported one). */
  element: string;
  /** Where the table is in the artifact (a JSON Pointer). */
  path: string;
  rules: number;
  /** Rules no test case matched. */
  uncovered: RuleRef[];
  /**
   * The element holds several tables of the same shape, which its trace does not tell apart: a
   * match is counted for each of them, so `uncovered` may miss some.
   */
  approximate?: true;
}

export interface DecisionTestCoverage {
  tables: TableCoverage[];
  rules: number;
  uncoveredRules: number;
}

interface FoundTable {
  element: string;
  path: string;
  table: DecisionTable;
  hit: Set<number>;
}

function tablesIn(expression: BoxedExpression | undefined, element: string, path: string, out: FoundTable[]): void {
  if (!expression) return;
  const walk = (child: BoxedExpression | undefined, at: string) => tablesIn(child, element, `${path}${at}`, out);
  switch (expression.kind) {
    case 'decisionTable':
      out.push({ element, path, table: expression, hit: new Set() });
      break;
    case 'context':
      expression.entries.forEach((e, i) => walk(e.value, `/entries/${i}/value`));
      break;
    case 'relation':
      expression.rows.forEach((row, r) => row.forEach((cell, c) => walk(cell, `/rows/${r}/${c}`)));
      break;
    case 'list':
      expression.items.forEach((item, i) => walk(item, `/items/${i}`));
      break;
    case 'invocation':
      expression.bindings.forEach((b, i) => walk(b.value, `/bindings/${i}/value`));
      break;
    case 'functionDefinition':
      walk(expression.body, '/body');
      break;
    case 'conditional':
      walk(expression.if, '/if');
      walk(expression.then, '/then');
      walk(expression.else, '/else');
      break;
    case 'filter':
      walk(expression.in, '/in');
      walk(expression.match, '/match');
      break;
    case 'for':
      walk(expression.in, '/in');
      walk(expression.return, '/return');
      break;
    case 'some':
    case 'every':
      walk(expression.in, '/in');
      walk(expression.satisfies, '/satisfies');
      break;
    case 'literalExpression':
      break;
  }
}

/** What a trace entry tells of its table: the hit policy and the number of inputs. */
const shapeOf = (table: DecisionTable): string => `${hitPolicyName(table.hitPolicy, table.aggregation)}/${table.inputs.length}`;

const keyOf = (e: { name: string; import?: string }): string => (e.import === undefined ? e.name : `${e.import}.${e.name}`);

/** Collects the rules traced evaluations matched, then answers what they left unreached. */
export class CoverageCounter {
  private readonly tables: FoundTable[] = [];
  private readonly byElement = new Map<string, FoundTable[]>();

  constructor(artifact: DecisionArtifact) {
    artifact.decisions.forEach((d, i) => tablesIn(d.logic, keyOf(d), `/decisions/${i}/logic`, this.tables));
    (artifact.businessKnowledgeModels ?? []).forEach((b, i) => tablesIn(b.body, keyOf(b), `/businessKnowledgeModels/${i}/body`, this.tables));
    for (const t of this.tables) this.byElement.set(t.element, [...(this.byElement.get(t.element) ?? []), t]);
  }

  /** Counts what one evaluation's tables matched. */
  add(traced: readonly DecisionTableTrace[]): void {
    for (const entry of traced) {
      for (const table of this.candidates(entry)) for (const rule of entry.matchedRules) table.hit.add(rule);
    }
  }

  report(): DecisionTestCoverage {
    const tables = this.tables.map((t): TableCoverage => {
      const uncovered: RuleRef[] = [];
      t.table.rules.forEach((rule, index) => {
        if (!t.hit.has(index)) uncovered.push(rule.id === undefined ? { index } : { index, id: rule.id });
      });
      return { element: t.element, path: t.path, rules: t.table.rules.length, uncovered, ...(this.ambiguous(t) ? { approximate: true as const } : {}) };
    });
    return { tables, rules: tables.reduce((n, t) => n + t.rules, 0), uncoveredRules: tables.reduce((n, t) => n + t.uncovered.length, 0) };
  }

  /** The element's tables a trace entry may be: the only one, else those of its shape. */
  private candidates(entry: DecisionTableTrace): FoundTable[] {
    const all = this.byElement.get(entry.element) ?? [];
    return all.length <= 1 ? all : all.filter((t) => shapeOf(t.table) === `${entry.hitPolicy}/${entry.inputs.length}`);
  }

  private ambiguous(t: FoundTable): boolean {
    return (this.byElement.get(t.element) ?? []).filter((other) => shapeOf(other.table) === shapeOf(t.table)).length > 1;
  }
}
