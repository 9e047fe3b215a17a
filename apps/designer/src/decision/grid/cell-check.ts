/**
 * Checks a decision table's FEEL texts as the analyst types them: an input cell (or a column's
 * allowed values) must be unary tests, an output cell (or a default, or an input's expression) an
 * expression. Names the text reads that the model does not define are warned about: an unquoted
 * `approve` reads a name and decides null, where `"approve"` is the text.
 */
import { compileExpression, compileUnaryTests, FeelSyntaxError, type CompiledExpression, type CompiledUnaryTests } from '@bankforge/rule-engine';

export type FeelTextKind = 'unaryTests' | 'expression';

export type CellProblem =
  /** `message` is the FEEL parser's (English); line and column are 1-based. */
  | { severity: 'error'; code: 'syntax'; message: string; line: number; column: number }
  | { severity: 'warning'; code: 'unknownName'; name: string };

/** What a model's FEEL may read: its input data, decisions, knowledge models and imports. */
export interface FeelScope {
  /** Every name in scope (a check reads them as known). */
  known: ReadonlySet<string>;
  /** The names with spaces or other characters, which FEEL's grammar must be told about. */
  multiWord: readonly string[];
}

/** The problem of one FEEL text, or null when it is fine. Empty text is fine: `-` for inputs, null for outputs. */
export function checkFeelText(text: string, kind: FeelTextKind, scope: FeelScope): CellProblem | null {
  if (text.trim() === '') return null;
  let compiled: CompiledExpression | CompiledUnaryTests;
  try {
    compiled = kind === 'unaryTests' ? compileUnaryTests(text, { names: scope.multiWord }) : compileExpression(text, { names: scope.multiWord });
  } catch (error) {
    if (!(error instanceof FeelSyntaxError)) throw error;
    const first = error.diagnostics[0];
    return { severity: 'error', code: 'syntax', message: first?.message ?? error.message, line: first?.line ?? 1, column: first?.column ?? 1 };
  }
  const unknown = compiled.reads.find((name) => !scope.known.has(name));
  return unknown === undefined ? null : { severity: 'warning', code: 'unknownName', name: unknown };
}
