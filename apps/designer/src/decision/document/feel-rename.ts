/**
 * A renamed element's name rewritten where FEEL expressions read it, so that renaming `AUM` to
 * `Assets` in the diagram does not leave every expression reading a name that is gone. Only real
 * name references change (the parser says where they are): a string "AUM", or `AUM2`, stays.
 */
import { parseExpression, type BoxedExpression, type DecisionTable, type FeelSyntaxNode } from '@bankforge/rule-engine';

type NameNode = Extract<FeelSyntaxNode, { kind: 'name' }>;

function nameNodes(node: unknown, found: NameNode[]): NameNode[] {
  if (Array.isArray(node)) {
    for (const item of node) nameNodes(item, found);
  } else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    if (record.kind === 'name' && typeof record.name === 'string') found.push(node as NameNode);
    for (const value of Object.values(record)) if (typeof value === 'object') nameNodes(value, found);
  }
  return found;
}

/** `text` with every reference to `from` read as `to`; the same text when it reads no `from` or does not parse. */
export function renameInExpression(text: string, from: string, to: string, names: readonly string[]): string {
  if (!text.includes(from)) return text;
  const parsed = parseExpression(text, { names: [...names, from] });
  if (parsed.ast === null) return text;
  const hits = nameNodes(parsed.ast, []).filter((n) => n.name === from && text.slice(n.start, n.end) === from);
  if (hits.length === 0) return text;
  let result = text;
  for (const hit of [...hits].sort((a, b) => b.start - a.start)) result = result.slice(0, hit.start) + to + result.slice(hit.end);
  return result;
}

function renameInTable(table: DecisionTable, rename: (text: string) => string): DecisionTable {
  // Unary tests (input cells, allowed values) seldom read a name and are not parsed as expressions: they stay.
  return {
    ...table,
    inputs: table.inputs.map((input) => ({ ...input, expression: rename(input.expression) })),
    outputs: table.outputs.map((output) => (output.defaultOutputEntry === undefined ? output : { ...output, defaultOutputEntry: rename(output.defaultOutputEntry) })),
    rules: table.rules.map((rule) => ({ ...rule, outputEntries: rule.outputEntries.map(rename) })),
  };
}

/** A boxed expression with `rename` applied to each FEEL expression text it holds (kinds the designer does not edit stay). */
export function renameInBoxed(expression: BoxedExpression, rename: (text: string) => string): BoxedExpression {
  switch (expression.kind) {
    case 'literalExpression':
      return { ...expression, text: rename(expression.text) };
    case 'decisionTable':
      return renameInTable(expression, rename);
    case 'context':
      return { ...expression, entries: expression.entries.map((entry) => ({ ...entry, value: renameInBoxed(entry.value, rename) })) };
    case 'functionDefinition':
      return { ...expression, body: renameInBoxed(expression.body, rename) };
    case 'invocation':
      return { ...expression, function: rename(expression.function), bindings: expression.bindings.map((b) => (b.value === undefined ? b : { ...b, value: renameInBoxed(b.value, rename) })) };
    default:
      return expression;
  }
}
