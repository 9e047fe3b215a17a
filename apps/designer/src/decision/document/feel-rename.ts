/**
 * A renamed element's name rewritten where FEEL reads it, so that renaming `AUM` to `Assets` in
 * the diagram does not leave every expression, or a cell such as `> Minimum AUM`, reading a name
 * that is gone. Only real name references change (the parser says where they are): a string
 * "AUM", or `AUM2`, stays.
 */
import { parseExpression, parseUnaryTests, type BoxedExpression, type DecisionTable, type FeelSyntaxNode, type ParseResult } from '@bankforge/rule-engine';

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
  return renameParsed(text, from, to, names, parseExpression);
}

/** The same in unary tests (an input cell, allowed values): `> Minimum AUM`, `[Floor..Cap]`. */
export function renameInUnaryTests(text: string, from: string, to: string, names: readonly string[]): string {
  return renameParsed(text, from, to, names, parseUnaryTests);
}

function renameParsed(text: string, from: string, to: string, names: readonly string[], parse: (text: string, options: { names: string[] }) => ParseResult): string {
  if (!text.includes(from)) return text;
  const parsed = parse(text, { names: [...names, from] });
  if (parsed.ast === null) return text;
  const hits = nameNodes(parsed.ast, []).filter((n) => n.name === from && text.slice(n.start, n.end) === from);
  if (hits.length === 0) return text;
  let result = text;
  for (const hit of [...hits].sort((a, b) => b.start - a.start)) result = result.slice(0, hit.start) + to + result.slice(hit.end);
  return result;
}

/** How one name is rewritten: in an expression's text, and in unary tests' text. */
export interface FeelRename {
  expression(text: string): string;
  unaryTests(text: string): string;
}

/** `from` read as `to` everywhere FEEL may name it, the model's other `names` known to the parser. */
export function feelRename(from: string, to: string, names: readonly string[]): FeelRename {
  return { expression: (text) => renameInExpression(text, from, to, names), unaryTests: (text) => renameInUnaryTests(text, from, to, names) };
}

function renameInTable(table: DecisionTable, rename: FeelRename): DecisionTable {
  const allowed = <C extends { inputValues?: string; outputValues?: string }>(column: C, key: 'inputValues' | 'outputValues'): C =>
    column[key] === undefined ? column : { ...column, [key]: rename.unaryTests(column[key]) };
  return {
    ...table,
    inputs: table.inputs.map((input) => allowed({ ...input, expression: rename.expression(input.expression) }, 'inputValues')),
    outputs: table.outputs.map((output) => allowed(output.defaultOutputEntry === undefined ? output : { ...output, defaultOutputEntry: rename.expression(output.defaultOutputEntry) }, 'outputValues')),
    rules: table.rules.map((rule) => ({ ...rule, inputEntries: rule.inputEntries.map(rename.unaryTests), outputEntries: rule.outputEntries.map(rename.expression) })),
  };
}

/** A boxed expression with each FEEL text it holds renamed (kinds the designer does not edit stay). */
export function renameInBoxed(expression: BoxedExpression, rename: FeelRename): BoxedExpression {
  switch (expression.kind) {
    case 'literalExpression':
      return { ...expression, text: rename.expression(expression.text) };
    case 'decisionTable':
      return renameInTable(expression, rename);
    case 'context':
      return { ...expression, entries: expression.entries.map((entry) => ({ ...entry, value: renameInBoxed(entry.value, rename) })) };
    case 'functionDefinition':
      return { ...expression, body: renameInBoxed(expression.body, rename) };
    case 'invocation':
      return { ...expression, function: rename.expression(expression.function), bindings: expression.bindings.map((b) => (b.value === undefined ? b : { ...b, value: renameInBoxed(b.value, rename) })) };
    default:
      return expression;
  }
}
