/**
 * The FEEL compiler: source → tokens → syntax tree → closures, cached by source text and the
 * multi-word names in scope. No `eval`, no `new Function`; evaluation reads only the variables
 * given, own entries of contexts, and documented properties of temporal values and ranges.
 *
 * Errors: a syntax error throws `FeelSyntaxError` at compile time (with editor-ready
 * diagnostics). At evaluation, invalid operations give null and a warning; the one exception is
 * `EvaluationBudgetExceeded` (`StepBudgetExceeded`, or `TimeBudgetExceeded` when the caller gave a
 * deadline), thrown by `evaluate`/`test` when an expression runs past its budget (every loop
 * iteration, filter element and function invocation costs a step, and so does list and text work
 * in proportion to its size).
 */
import type { CompileOptions, CompiledExpression, CompiledUnaryTests, EvaluateOptions, FeelDiagnostic, FeelVariables } from './api.js';
import { EvaluationBudgetExceeded, EvaluationEnvironment, FeelDecimal, type FeelValue, type FeelWarning } from './values/feel-value.js';
import type { Node } from './syntax/ast.js';
import { parseExpression as parseExpressionTree, parseUnaryTests as parseUnaryTestsTree, type ParseResult } from './syntax/parser.js';
import { diagnostic, isNamePart } from './syntax/lexer.js';
import { CompileError, compileNode, describeExternal, visit, type Evaluator } from './compiler/compile-node.js';
import { compileUnaryTestsNode, type RawShape } from './compiler/unary-tests.js';
import { freeVariables } from './compiler/reads.js';
import { RootScope, type Scope } from './compiler/scope.js';
import { builtin, builtinNames } from './compiler/runtime.js';

export type { ParseResult } from './syntax/parser.js';
export type { Node as FeelSyntaxNode } from './syntax/ast.js';

/** A FEEL text that does not parse (or uses an unsupported construct). */
export class FeelSyntaxError extends Error {
  constructor(
    readonly source: string,
    readonly diagnostics: FeelDiagnostic[],
  ) {
    const first = diagnostics[0];
    super(first ? `FEEL syntax error at line ${first.line}, column ${first.column}: ${first.message}` : 'FEEL syntax error');
    this.name = 'FeelSyntaxError';
  }
}

let multiWordBuiltins: string[] | null = null;

/** Built-in names that need the parser's help (they contain spaces). */
function builtinNamesWithSpaces(): string[] {
  if (multiWordBuiltins === null) multiWordBuiltins = [...builtinNames()].filter((n) => !isPlainName(n));
  return multiWordBuiltins;
}

function isPlainName(name: string): boolean {
  for (const ch of name) if (!isNamePart(ch)) return false;
  return name.length > 0;
}

function parseOptions(options?: CompileOptions): { names: string[]; builtinNames: string[] } {
  const names: string[] = [];
  if (options?.names) for (const n of options.names) if (!isPlainName(n)) names.push(n);
  return { names, builtinNames: builtinNamesWithSpaces() };
}

/** Parses a FEEL expression without throwing: the tree, or null with diagnostics. */
export function parseExpression(source: string, options?: CompileOptions): ParseResult {
  return parseExpressionTree(source, parseOptions(options));
}

/** Parses FEEL unary tests without throwing: the tree, or null with diagnostics. */
export function parseUnaryTests(source: string, options?: CompileOptions): ParseResult {
  return parseUnaryTestsTree(source, parseOptions(options));
}

// ---- cache -----------------------------------------------------------------------------------

const CACHE_LIMIT = 5000;
const cache = new Map<string, CompiledExpression | CompiledUnaryTests>();

function cacheKey(kind: string, source: string, names: string[]): string {
  return names.length === 0 ? `${kind}\u0000${source}` : `${kind}\u0000${source}\u0000${[...new Set(names)].sort().join('\u0001')}`;
}

function cached<T extends CompiledExpression | CompiledUnaryTests>(key: string, build: () => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) {
    // refresh its place in the LRU order
    cache.delete(key);
    cache.set(key, hit);
    return hit as T;
  }
  const made = build();
  cache.set(key, made);
  if (cache.size > CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  return made;
}

/** Empties the compile cache (tests, or after the built-in library changes). */
export function clearCompileCache(): void {
  cache.clear();
  multiWordBuiltins = null;
}

// ---- compile ---------------------------------------------------------------------------------

function parsed(source: string, result: ParseResult): Node {
  if (result.ast === null) throw new FeelSyntaxError(source, result.diagnostics);
  return result.ast;
}

function compileOrThrow<T>(source: string, build: () => T): T {
  try {
    return build();
  } catch (e) {
    if (e instanceof CompileError) throw new FeelSyntaxError(source, [diagnostic(source, e.start, e.end - e.start, e.message)]);
    throw e;
  }
}

/** The environment of one evaluation with these options. */
export function environment(options?: EvaluateOptions): EvaluationEnvironment {
  return new EvaluationEnvironment(options?.stepBudget ?? 1_000_000, options?.now ?? null, options?.types ?? null, options?.deadline ?? null);
}

function internalFailure(env: EvaluationEnvironment, e: unknown): null {
  if (e instanceof EvaluationBudgetExceeded) throw e;
  return env.warn('internalError', `Evaluation failed: ${e instanceof Error ? e.message : String(e)}`);
}

class Expression implements CompiledExpression {
  constructor(
    readonly source: string,
    readonly reads: readonly string[],
    private readonly run: Evaluator,
  ) {}

  /** Evaluates; throws `EvaluationBudgetExceeded` when the step or time budget runs out. */
  evaluate(variables: FeelVariables, options?: EvaluateOptions): { value: FeelValue; warnings: FeelWarning[] } {
    const env = environment(options);
    let value: FeelValue;
    try {
      value = this.run(new RootScope(variables), env);
    } catch (e) {
      value = internalFailure(env, e);
    }
    return { value, warnings: env.warnings };
  }
}

const isBuiltin = (name: string): boolean => builtin(name) !== undefined;

/** Compiles a FEEL expression (cached). Throws `FeelSyntaxError` when it does not parse. */
export function compileExpression(source: string, options?: CompileOptions): CompiledExpression {
  const opts = parseOptions(options);
  return cached(cacheKey('e', source, opts.names), () => {
    const ast = parsed(source, parseExpressionTree(source, opts));
    const run = compileOrThrow(source, () => compileNode(ast));
    return new Expression(source, Object.freeze(freeVariables(ast, isBuiltin)), run);
  });
}

class UnaryTests implements CompiledUnaryTests {
  constructor(
    readonly source: string,
    readonly reads: readonly string[],
    private readonly fast: ((input: FeelValue, env: EvaluationEnvironment) => boolean | null) | null,
    private readonly general: (input: FeelValue, scope: Scope, env: EvaluationEnvironment) => boolean | null,
    readonly testNumber: ((input: number) => boolean) | null,
    readonly testString: ((input: string) => boolean) | null,
    readonly rawShape: RawShape | null,
  ) {}

  /** Tests the input; throws `EvaluationBudgetExceeded` when the step or time budget runs out. */
  test(input: FeelValue, variables: FeelVariables, options?: EvaluateOptions): { value: boolean | null; warnings: FeelWarning[] } {
    const env = environment(options);
    // a JS number slipped in by a host is read as the decimal it prints as
    if (typeof (input as unknown) === 'number') input = new FeelDecimal(input as unknown as number);
    let value: boolean | null;
    try {
      value = this.fast !== null ? this.fast(input, env) : this.general(input, new RootScope(variables), env);
    } catch (e) {
      value = internalFailure(env, e);
    }
    return { value, warnings: env.warnings };
  }
}

/** Compiles FEEL unary tests (cached). Throws `FeelSyntaxError` when they do not parse. */
export function compileUnaryTests(source: string, options?: CompileOptions): CompiledUnaryTests {
  const opts = parseOptions(options);
  return cached(cacheKey('u', source, opts.names), () => {
    const ast = parsed(source, parseUnaryTestsTree(source, opts));
    const { fast, general, raw } = compileOrThrow(source, () => compileUnaryTestsNode(ast));
    return new UnaryTests(source, Object.freeze(freeVariables(ast, isBuiltin)), fast, general, raw.number, raw.string, raw.shape);
  });
}

/**
 * The external functions (`function(...) external {java: ...}`, DMN 1.5 10.3.2.13.3) an expression
 * defines, described (`Java method java.lang.Math.max(int, int)`): they compile, but this engine
 * cannot run them (each invocation is null with an `externalFunction` warning), so a model's
 * compiler reports them. Empty when there are none or the expression does not parse.
 */
export function externalFunctionsIn(source: string, options?: CompileOptions): string[] {
  if (!source.includes('external')) return [];
  const { ast } = parseExpression(source, options);
  if (ast === null) return [];
  const found: string[] = [];
  visit(ast, (node) => {
    if (node.kind !== 'function' || !node.external) return;
    let description = 'an external function';
    try {
      // The mapping is a context literal, mostly: its value names the class and method.
      const mapping = compileExpression(source.slice(node.body.start, node.body.end), options).evaluate({});
      description = describeExternal(mapping.value);
    } catch {
      // not a literal: the generic description stays
    }
    found.push(description);
  });
  return found;
}
