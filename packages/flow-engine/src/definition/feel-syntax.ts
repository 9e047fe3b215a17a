/** The FEEL syntax check the validator runs on every expression of a flow. */
import { compileExpression, FeelSyntaxError } from '@bankforge/rule-engine';

/** Why `source` does not compile as a FEEL expression (`line 1, column 5: ...`), or undefined when it does. */
export function feelSyntaxDetail(source: string, names: Iterable<string>): string | undefined {
  try {
    compileExpression(source, { names });
    return undefined;
  } catch (error) {
    if (error instanceof FeelSyntaxError) {
      const d = error.diagnostics[0];
      return d === undefined ? 'syntax error' : `line ${d.line}, column ${d.column}: ${d.message}`;
    }
    return error instanceof Error ? error.message : String(error);
  }
}
