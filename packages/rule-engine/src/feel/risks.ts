/**
 * What can be told of an expression's cost without running it, for a designer or a publish check:
 * a regular expression literal the linear-time engine refuses (an error: every evaluation would
 * answer null), and iterations over literal bounds that the step budget is sure to stop (a
 * warning). Names and input values are unknown here, so this finds the obvious cases only; the
 * budget still stops the rest at evaluation.
 */
import type { CompileOptions } from './api.js';
import type { IterationContext, Node } from './syntax/ast.js';
import { parseExpression } from './compile.js';
import { children, literalValue } from './compiler/compile-node.js';
import { FeelDecimal, type FeelValue } from './values/feel-value.js';
import { patternProblem } from './builtins/regex.js';

export interface ExpressionRisk {
  /** `error`: the expression cannot work as written; `warning`: the budget will stop it. */
  severity: 'error' | 'warning';
  code: 'unsupportedPattern' | 'expressionBudgetRisk';
  message: string;
  /** Where in the source (0-based offset and length of the construct), for an editor marker. */
  offset: number;
  length: number;
}

export interface RiskOptions extends CompileOptions {
  /** The step budget evaluations will have (default 1,000,000). */
  stepBudget?: number;
}

/** The regex functions and the positions (and names) of their pattern and flags arguments. */
const REGEX_FUNCTIONS: Readonly<Record<string, { pattern: [number, string]; flags: [number, string] | null }>> = {
  matches: { pattern: [1, 'pattern'], flags: [2, 'flags'] },
  replace: { pattern: [1, 'pattern'], flags: [3, 'flags'] },
  split: { pattern: [1, 'delimiter'], flags: [2, 'flags'] },
};

/** Risks found in an expression; none when it does not parse (the parser's diagnostics say why). */
export function expressionRisks(source: string, options: RiskOptions = {}): ExpressionRisk[] {
  const { ast } = parseExpression(source, options);
  if (ast === null) return [];
  const budget = options.stepBudget ?? 1_000_000;
  const risks: ExpressionRisk[] = [];
  const walk = (node: Node, outer: number): void => {
    if (node.kind === 'call') checkPattern(node, risks);
    if (node.kind === 'for' || node.kind === 'quantified') {
      const iterations = node.contexts.reduce((n, ctx) => n * (literalIterations(ctx) ?? 1), outer);
      if (iterations > budget) {
        risks.push({
          severity: 'warning',
          code: 'expressionBudgetRisk',
          message: `This ${node.kind === 'for' ? 'for' : node.quantifier} iterates at least ${formatCount(iterations)} times; an evaluation may take ${formatCount(budget)} steps, so it will be stopped.`,
          offset: node.start,
          length: node.end - node.start,
        });
        return;
      }
      for (const ctx of node.contexts) {
        walk(ctx.domain, outer);
        if (ctx.domainEnd) walk(ctx.domainEnd, outer);
      }
      walk(node.kind === 'for' ? node.body : node.condition, iterations);
      return;
    }
    for (const child of children(node)) walk(child, outer);
  };
  walk(ast, 1);
  return risks;
}

function formatCount(n: number): string {
  return n >= 1e15 ? n.toExponential(1) : Math.round(n).toLocaleString('en-US');
}

/** The iterations of a context over literal bounds (`1..3000000`, `[1..10]`, a list literal), or null when not literal. */
function literalIterations(ctx: IterationContext): number | null {
  if (ctx.domainEnd !== null) return span(literalValue(ctx.domain), literalValue(ctx.domainEnd), true, true);
  const domain = ctx.domain;
  if (domain.kind === 'list') return domain.items.length;
  if (domain.kind === 'range') return span(literalValue(domain.low), literalValue(domain.high), domain.startIncluded, domain.endIncluded);
  return null;
}

function span(a: FeelValue | undefined, b: FeelValue | undefined, startIncluded: boolean, endIncluded: boolean): number | null {
  if (!(a instanceof FeelDecimal) || !(b instanceof FeelDecimal) || !a.isInteger() || !b.isInteger()) return null;
  const n = a.minus(b).abs().plus(1).toNumber() - (startIncluded ? 0 : 1) - (endIncluded ? 0 : 1);
  return Math.max(0, n);
}

function checkPattern(node: Extract<Node, { kind: 'call' }>, risks: ExpressionRisk[]): void {
  if (node.callee.kind !== 'name') return;
  const fn = REGEX_FUNCTIONS[node.callee.name];
  if (fn === undefined) return;
  const arg = ([position, name]: [number, string]): Node | undefined =>
    node.named ? node.args.find((a) => a.name === name)?.value : node.args[position]?.value;
  const pattern = arg(fn.pattern);
  if (pattern?.kind !== 'string') return;
  const flagsNode = fn.flags === null ? undefined : arg(fn.flags);
  let flags = '';
  if (flagsNode !== undefined) {
    if (flagsNode.kind !== 'string') return;
    flags = flagsNode.value;
  }
  const problem = patternProblem(pattern.value, flags);
  if (problem === null) return;
  risks.push({
    severity: 'error',
    code: 'unsupportedPattern',
    message: `${node.callee.name}(): the pattern cannot be used: ${problem}`,
    offset: pattern.start,
    length: pattern.end - pattern.start,
  });
}

// for hosts that check a pattern typed elsewhere (a designer field)
export { patternProblem };
