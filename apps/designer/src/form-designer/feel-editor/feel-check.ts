/**
 * Checks a FEEL rule expression for the editor: syntax errors from the rule engine's parser, and
 * names the expression reads that are not fields of the form's entity (a typo there would make
 * the rule silently null at run time).
 */
import { compileExpression, FeelSyntaxError, parseExpression, type FeelSyntaxNode } from '@bankforge/rule-engine';

export interface FeelProblem {
  severity: 'error' | 'warning';
  /** `syntax`: `message` is the parser's (English) text; `unknownName`: `name` is the unknown name. */
  kind: 'syntax' | 'unknownName';
  message: string;
  name?: string;
  /** Where the problem was found, for the message (1-based, as editors count). */
  at: { line: number; column: number };
  /** The range to underline (1-based). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

function position(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

function problemAt(source: string, offset: number, length: number, fields: Pick<FeelProblem, 'severity' | 'kind' | 'message' | 'name'>): FeelProblem {
  // A zero-length diagnostic still needs one character to underline: at the end of input, the last one.
  const from = length === 0 && offset >= source.length ? Math.max(0, source.length - 1) : offset;
  const start = position(source, from);
  const end = position(source, from + Math.max(length, 1));
  return { ...fields, at: position(source, offset), line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** The `name` nodes of a syntax tree, wherever they sit (paths, calls, filters...). */
function nameNodes(node: unknown, found: Extract<FeelSyntaxNode, { kind: 'name' }>[] = []): Extract<FeelSyntaxNode, { kind: 'name' }>[] {
  if (Array.isArray(node)) {
    for (const item of node) nameNodes(item, found);
  } else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    if (record.kind === 'name' && typeof record.name === 'string') found.push(node as Extract<FeelSyntaxNode, { kind: 'name' }>);
    for (const value of Object.values(record)) if (typeof value === 'object') nameNodes(value, found);
  }
  return found;
}

export interface FeelCheckOptions {
  /** Declared names with spaces or other characters (`Applicant Age`): the grammar reads each as one name. */
  names?: readonly string[];
}

/** Problems of `source`; `knownNames` are the names in scope (the entity's field keys). */
export function checkFeel(source: string, knownNames: ReadonlySet<string>, options: FeelCheckOptions = {}): FeelProblem[] {
  if (source.trim() === '') return [];
  const compileOptions = { names: options.names ?? [] };
  const parsed = parseExpression(source, compileOptions);
  if (parsed.ast === null) {
    return parsed.diagnostics.map((d) => problemAt(source, d.offset, d.length, { severity: 'error', kind: 'syntax', message: d.message }));
  }
  let reads: readonly string[];
  try {
    reads = compileExpression(source, compileOptions).reads;
  } catch (error) {
    // Parses but does not compile (an unsupported construct): the compiler says where.
    if (error instanceof FeelSyntaxError) {
      return error.diagnostics.map((d) => problemAt(source, d.offset, d.length, { severity: 'error', kind: 'syntax', message: d.message }));
    }
    throw error;
  }
  const unknown = new Set(reads.filter((name) => !knownNames.has(name)));
  if (unknown.size === 0) return [];
  return nameNodes(parsed.ast)
    .filter((node) => unknown.has(node.name))
    .map((node) => problemAt(source, node.start, node.end - node.start, { severity: 'warning', kind: 'unknownName', message: node.name, name: node.name }));
}
