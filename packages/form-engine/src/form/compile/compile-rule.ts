/** Compiles one FEEL expression of a form and works out what it reads. */
import { compileExpression, FeelSyntaxError, parseExpression, type CompiledExpression } from '@bankforge/rule-engine';
import type { FieldError } from '@bankforge/data-model';
import { propertyReads } from './expression-reads.js';
import { formError } from './form-errors.js';
import type { RuleTarget } from './form-plan.js';

/** The names an expression may read. */
export interface NameScope {
  /** The form entity's field keys and the repeating groups' keys. */
  readonly formNames: ReadonlySet<string>;
  readonly groupKeys: ReadonlySet<string>;
  /** Inside a repeating group, `item` is the row. */
  readonly inGroup: boolean;
}

/** A rule before it gets its place in the evaluation order. */
export interface RuleDraft {
  readonly target: RuleTarget;
  readonly expression: CompiledExpression;
  readonly documentPath: string;
  readonly reads: ReadonlySet<string>;
  readonly itemReads: ReadonlySet<string> | 'all';
  /** Per repeating-group key read: the row fields read through it ('all' when read whole). */
  readonly groupReads: ReadonlyMap<string, ReadonlySet<string> | 'all'>;
}

const NO_READS: ReadonlySet<string> = new Set();

export function compileRule(
  source: string,
  documentPath: string,
  target: RuleTarget,
  scope: NameScope,
  errors: FieldError[],
): RuleDraft | null {
  let expression: CompiledExpression;
  try {
    expression = compileExpression(source);
  } catch (e) {
    if (!(e instanceof FeelSyntaxError)) throw e;
    const first = e.diagnostics[0];
    const where = first ? ` at line ${first.line}, column ${first.column}: ${first.message}` : '';
    errors.push(formError(documentPath, 'feelSyntax', `FEEL syntax error${where}`, `FEEL 语法错误${first ? `（第 ${first.line} 行第 ${first.column} 列）：${first.message}` : ''}`));
    return null;
  }
  const inScope = (name: string): boolean => scope.formNames.has(name) || (scope.inGroup && name === 'item');
  const unknown = expression.reads.filter((name) => !inScope(name));
  if (unknown.length > 0) {
    const names = unknown.join(', ');
    errors.push(formError(documentPath, 'unknownName', `Unknown name${unknown.length > 1 ? 's' : ''}: ${names}`, `未知的名称：${names}`));
  }
  const reads = new Set(expression.reads.filter((name) => scope.formNames.has(name)));
  const readsItem = scope.inGroup && expression.reads.includes('item');
  const readGroups = [...reads].filter((name) => scope.groupKeys.has(name));
  let itemReads: ReadonlySet<string> | 'all' = NO_READS;
  let groupReads: ReadonlyMap<string, ReadonlySet<string> | 'all'> = new Map();
  if (readsItem || readGroups.length > 0) {
    const ast = parseExpression(source).ast;
    const names = new Set<string>(readGroups);
    if (readsItem) names.add('item');
    const properties = ast === null ? new Map<string, 'all'>([...names].map((n) => [n, 'all'])) : propertyReads(ast, names);
    itemReads = readsItem ? (properties.get('item') ?? 'all') : NO_READS;
    properties.delete('item');
    groupReads = properties;
  }
  return { target, expression, documentPath, reads, itemReads, groupReads };
}
