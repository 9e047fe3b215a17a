import {
  isNumeric,
  raw,
  sql,
  type SqlDialect,
  type SqlFragment,
  type ValueType,
} from '@bankforge/data-model';
import { parseExpression, type FeelSyntaxNode } from '@bankforge/rule-engine';
import type { ResolvedValue } from '../model/resolved-value.js';

/** Why a calculated field cannot become SQL; `code` is stable. */
export class CalculatedFieldError extends Error {
  constructor(
    readonly code: 'feelSyntax' | 'notPushedDown' | 'unknownField' | 'typeMismatch',
    message: string,
  ) {
    super(message);
    this.name = 'CalculatedFieldError';
  }
}

/** How FEEL constructs are named in messages, so an analyst can find the one to rewrite. */
const CONSTRUCTS: Partial<Record<FeelSyntaxNode['kind'], string>> = {
  temporal: 'a date/time literal (@"...")',
  between: '"between"',
  in: '"in"',
  'instance-of': '"instance of"',
  range: 'a range',
  'unary-comparison': 'a unary test',
  list: 'a list',
  context: 'a context {...}',
  filter: 'a filter [...]',
  call: 'a function call',
  for: 'a "for" loop',
  quantified: '"some"/"every"',
  function: 'a function definition',
  'any-input': 'a unary test',
  'unary-tests': 'a unary test',
};

type Node = FeelSyntaxNode;

/** The dotted name of `a`, `a.b`, `a.b.c`, or undefined for any other expression. */
function pathName(node: Node): string | undefined {
  if (node.kind === 'name') return node.name;
  if (node.kind === 'path') {
    const target = pathName(node.target);
    return target === undefined ? undefined : `${target}.${node.property}`;
  }
  return undefined;
}

const COMPARISON_SQL = { '<': '<', '<=': '<=', '>': '>', '>=': '>=' } as const;

/**
 * Compiles the FEEL subset that SQL can evaluate: numbers, strings, booleans, null, field names,
 * arithmetic (+ - * /, unary minus), string concatenation with +, comparisons, and/or, and
 * if-then-else. Everything else is refused by name. FEEL's null semantics carry over: arithmetic
 * with null is null, `if` takes the else branch unless the condition is true, division by zero is
 * null, and `=`/`!=` treat null as a value.
 */
export class FeelToSql {
  constructor(
    private readonly dialect: SqlDialect,
    private readonly resolve: (name: string) => ResolvedValue | undefined,
  ) {}

  compile(source: string): ResolvedValue {
    const parsed = parseExpression(source);
    if (parsed.ast === null) {
      const first = parsed.diagnostics[0];
      throw new CalculatedFieldError(
        'feelSyntax',
        first ? `FEEL syntax error at column ${first.column}: ${first.message}` : 'FEEL syntax error',
      );
    }
    return this.node(parsed.ast, source);
  }

  private refuse(node: Node, source: string, name?: string): never {
    const what = name ?? CONSTRUCTS[node.kind] ?? node.kind;
    const text = source.slice(node.start, node.end);
    throw new CalculatedFieldError(
      'notPushedDown',
      `${what} cannot be computed by the database: ${JSON.stringify(text)} (column ${node.start + 1}). Reports support arithmetic, comparisons, and/or, if-then-else and string concatenation.`,
    );
  }

  private node(node: Node, source: string): ResolvedValue {
    switch (node.kind) {
      case 'number':
        return { sql: sql`${Number(node.text)}`, type: /^-?\d+$/.test(node.text) ? 'integer' : 'decimal' };
      case 'string':
        return { sql: sql`${node.value}`, type: 'text' };
      case 'boolean':
        return { sql: raw(node.value ? '1' : '0'), type: 'boolean' };
      case 'null':
        return { sql: raw('NULL'), type: 'text' };
      case 'name':
      case 'path': {
        const name = pathName(node);
        if (name === undefined) return this.refuse(node, source);
        const value = this.resolve(name);
        if (!value)
          throw new CalculatedFieldError(
            'unknownField',
            `${name} is not a field, a join field or a calculated field of this report.`,
          );
        return value;
      }
      case 'negate': {
        const operand = this.numeric(node.operand, source, 'unary minus');
        return { sql: sql`(-${operand.sql})`, type: operand.type };
      }
      case 'arithmetic':
        return this.arithmetic(node, source);
      case 'comparison': {
        const left = this.node(node.left, source);
        const right = this.node(node.right, source);
        this.comparable(left, right, node.operator);
        if (node.operator === '=')
          return { sql: this.dialect.nullSafeEquals(left.sql, right.sql), type: 'boolean' };
        if (node.operator === '!=')
          return { sql: sql`(NOT ${this.dialect.nullSafeEquals(left.sql, right.sql)})`, type: 'boolean' };
        return {
          sql: sql`(${left.sql} ${raw(COMPARISON_SQL[node.operator])} ${right.sql})`,
          type: 'boolean',
        };
      }
      case 'and':
      case 'or': {
        const left = this.boolean(node.left, source, node.kind);
        const right = this.boolean(node.right, source, node.kind);
        return { sql: sql`(${left} ${raw(node.kind === 'and' ? 'AND' : 'OR')} ${right})`, type: 'boolean' };
      }
      case 'if': {
        const condition = this.boolean(node.condition, source, 'if');
        const then = this.node(node.then, source);
        const otherwise = this.node(node.else, source);
        const type = this.unify(then, otherwise, node.then.kind === 'null', node.else.kind === 'null');
        return { sql: sql`(CASE WHEN ${condition} THEN ${then.sql} ELSE ${otherwise.sql} END)`, type };
      }
      default:
        return this.refuse(node, source);
    }
  }

  private arithmetic(node: Extract<Node, { kind: 'arithmetic' }>, source: string): ResolvedValue {
    if (node.operator === '**') return this.refuse(node, source, 'exponentiation (**)');
    const left = this.node(node.left, source);
    const right = this.node(node.right, source);
    if (node.operator === '+' && (left.type === 'text' || right.type === 'text')) {
      if (left.type !== 'text' || right.type !== 'text') {
        throw new CalculatedFieldError(
          'typeMismatch',
          `"+" joins two texts or adds two numbers, not ${left.type} and ${right.type}: ${JSON.stringify(source.slice(node.start, node.end))}.`,
        );
      }
      return { sql: this.dialect.concat([left.sql, right.sql]), type: 'text' };
    }
    for (const side of [left, right]) {
      if (!isNumeric(side.type)) {
        throw new CalculatedFieldError(
          'typeMismatch',
          `"${node.operator}" needs numbers, not ${side.type}: ${JSON.stringify(source.slice(node.start, node.end))}.`,
        );
      }
    }
    if (node.operator === '/') {
      // As a double on both databases (MySQL's DECIMAL division keeps 4 digits, SQLite's integer one truncates); /0 is null as in FEEL.
      return { sql: sql`((${left.sql} * 1e0) / NULLIF(${right.sql}, 0))`, type: 'decimal' };
    }
    const type: ValueType = left.type === 'integer' && right.type === 'integer' ? 'integer' : 'decimal';
    return { sql: sql`(${left.sql} ${raw(node.operator)} ${right.sql})`, type };
  }

  private numeric(node: Node, source: string, what: string): ResolvedValue {
    const value = this.node(node, source);
    if (!isNumeric(value.type))
      throw new CalculatedFieldError('typeMismatch', `${what} needs a number, not ${value.type}.`);
    return value;
  }

  private boolean(node: Node, source: string, what: string): SqlFragment {
    const value = this.node(node, source);
    if (value.type !== 'boolean')
      throw new CalculatedFieldError(
        'typeMismatch',
        `"${what}" needs a condition (true/false), not ${value.type}: ${JSON.stringify(source.slice(node.start, node.end))}.`,
      );
    return value.sql;
  }

  private comparable(left: ResolvedValue, right: ResolvedValue, operator: string): void {
    const group = (t: ValueType): string => (isNumeric(t) ? 'number' : t);
    if (group(left.type) !== group(right.type) && left.sql.sql !== 'NULL' && right.sql.sql !== 'NULL') {
      throw new CalculatedFieldError(
        'typeMismatch',
        `"${operator}" compares values of one type, not ${left.type} with ${right.type}.`,
      );
    }
  }

  private unify(a: ResolvedValue, b: ResolvedValue, aIsNull: boolean, bIsNull: boolean): ValueType {
    if (aIsNull) return b.type;
    if (bIsNull || a.type === b.type) return a.type;
    if (isNumeric(a.type) && isNumeric(b.type)) return 'decimal';
    throw new CalculatedFieldError(
      'typeMismatch',
      `"if" branches give different types: ${a.type} and ${b.type}.`,
    );
  }
}
