/**
 * Recursive-descent parser for FEEL expressions and unary tests (DMN 1.5, 10.3.1).
 *
 * Precedence, loosest first: `if`/`for`/`some`/`every`/`function` (extend as far right as they
 * can) < `or` < `and` < comparison (`= != < <= > >=`, `between`, `in`, `instance of`) < `+ -`
 * < `* /` < `**` < unary `-` < postfix (`.name`, `[filter]`, `(args)`): the order of grammar
 * rule 4's alternatives, and every infix operator left-associative (10.3.1.2, additional syntax
 * rules). So `-4 ** 2` is `(-4) ** 2` = 16, as the spec spells out, `2 ** 3 ** 2` is
 * `(2 ** 3) ** 2` = 64, and `2 ** -1` is `2 ** (-1)`.
 */
import type { FeelDiagnostic } from '../api.js';
import type { ArithmeticOperator, Argument, ComparisonOperator, IterationContext, Node, Span, TypeNode } from './ast.js';
import { diagnostic, isNamePart, tokenize, type Token } from './lexer.js';

export interface ParseOptions {
  /** Names in scope that contain spaces or special characters (`Monthly Salary`). */
  names?: Iterable<string>;
  /** Built-in function names (those with spaces matter: `string length`). */
  builtinNames?: Iterable<string>;
}

export interface ParseResult {
  ast: Node | null;
  diagnostics: FeelDiagnostic[];
}

/** Built-in function names with spaces (DMN 1.5, 10.3.4), recognised even without the library. */
export const MULTI_WORD_BUILTINS: readonly string[] = [
  'date and time',
  'years and months duration',
  'string length',
  'upper case',
  'lower case',
  'substring before',
  'substring after',
  'starts with',
  'ends with',
  'list contains',
  'list replace',
  'insert before',
  'index of',
  'distinct values',
  'get value',
  'get entries',
  'context put',
  'context merge',
  'string join',
  'day of year',
  'day of week',
  'month of year',
  'week of year',
  'last day of month',
  'round up',
  'round down',
  'round half up',
  'round half down',
  'met by',
  'overlaps before',
  'overlaps after',
  'finished by',
  'started by',
  'is defined',
];

/** Documented properties of temporal values and ranges whose names have spaces. */
const MULTI_WORD_PROPERTIES = ['time offset', 'start included', 'end included'];
const MULTI_WORD_TYPES = ['date and time', 'days and time duration', 'years and months duration'];

const RESERVED = new Set(['and', 'or', 'then', 'else', 'return', 'satisfies', 'in', 'between', 'instance']);
const COMPARISON = new Set(['=', '!=', '<', '<=', '>', '>=']);

class ParseFailure extends Error {
  constructor(readonly diagnostic: FeelDiagnostic) {
    super(diagnostic.message);
  }
}

/** Names with spaces or special characters, indexed by their first word, longest first. */
class NameIndex {
  private readonly byFirst = new Map<string, string[]>();

  add(name: string): void {
    const normalized = name.trim();
    if (normalized === '') return;
    let k = 0;
    while (k < normalized.length && isNamePart(normalized[k] as string)) k++;
    if (k === normalized.length || k === 0) return; // a plain one-word name needs no help
    const first = normalized.slice(0, k);
    let list = this.byFirst.get(first);
    if (!list) {
      list = [];
      this.byFirst.set(first, list);
    }
    if (list.includes(normalized)) return;
    list.push(normalized);
    list.sort((a, b) => b.length - a.length);
  }

  candidates(firstWord: string): readonly string[] {
    return this.byFirst.get(firstWord) ?? [];
  }
}

function normalizeName(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

class Parser {
  private pos = 0;
  private readonly tokens: Token[];
  /** True while parsing the end of a range, where `[` closes the range instead of filtering. */
  private rangeEnd = false;

  constructor(
    private readonly source: string,
    tokens: Token[],
    private readonly names: NameIndex,
  ) {
    this.tokens = tokens;
  }

  // ---- token helpers -------------------------------------------------------------------------

  private get tok(): Token {
    return this.tokens[this.pos] as Token;
  }

  private peek(k = 1): Token {
    return this.tokens[Math.min(this.pos + k, this.tokens.length - 1)] as Token;
  }

  private isPunct(text: string, t: Token = this.tok): boolean {
    return t.kind === 'punct' && t.text === text;
  }

  private isWord(text: string, t: Token = this.tok): boolean {
    return t.kind === 'name' && t.text === text;
  }

  private atEnd(): boolean {
    return this.tok.kind === 'eof';
  }

  private advance(): Token {
    const t = this.tok;
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  private describe(t: Token): string {
    if (t.kind === 'eof') return 'end of expression';
    if (t.kind === 'string') return 'a string';
    return `'${this.source.slice(t.start, t.end)}'`;
  }

  fail(message: string, t: Token = this.tok): never {
    throw new ParseFailure(diagnostic(this.source, t.start, t.kind === 'eof' ? 0 : t.end - t.start, message));
  }

  private expectPunct(text: string, context?: string): Token {
    if (!this.isPunct(text)) this.fail(`Expected '${text}'${context ? ` ${context}` : ''} but found ${this.describe(this.tok)}`);
    return this.advance();
  }

  private expectWord(text: string, context?: string): Token {
    if (!this.isWord(text)) this.fail(`Expected '${text}'${context ? ` ${context}` : ''} but found ${this.describe(this.tok)}`);
    return this.advance();
  }

  private nested<T>(fn: () => T): T {
    const saved = this.rangeEnd;
    this.rangeEnd = false;
    try {
      return fn();
    } finally {
      this.rangeEnd = saved;
    }
  }

  /**
   * At a name token: the longest known multi-word name starting here, matched against the source
   * text (any run of whitespace matches one space). Advances past it and returns it.
   */
  private matchKnownName(extra?: readonly string[]): { name: string; start: number; end: number } | null {
    const t = this.tok;
    if (t.kind !== 'name') return null;
    const candidates = extra ? [...this.names.candidates(t.text), ...extra.filter((n) => n.startsWith(t.text + ' '))].sort((a, b) => b.length - a.length) : this.names.candidates(t.text);
    for (const name of candidates) {
      const end = this.matchAt(t.start, name);
      if (end < 0) continue;
      let k = this.pos;
      while (k < this.tokens.length && (this.tokens[k] as Token).end < end) k++;
      const last = this.tokens[k];
      if (!last || last.end !== end || last.kind === 'eof') continue;
      this.pos = k + 1;
      return { name, start: t.start, end };
    }
    return null;
  }

  private matchAt(offset: number, name: string): number {
    const src = this.source;
    let j = offset;
    for (let i = 0; i < name.length; i++) {
      const c = name[i] as string;
      if (c === ' ') {
        if (!/\s/.test(src[j] ?? '')) return -1;
        while (j < src.length && /\s/.test(src[j] as string)) j++;
      } else {
        if (src[j] !== c) return -1;
        j++;
      }
    }
    const lastName = name[name.length - 1] as string;
    const next = src[j];
    if (next !== undefined && isNamePart(lastName) && isNamePart(next)) return -1;
    return j;
  }

  // ---- entry points --------------------------------------------------------------------------

  parseExpressionSource(): Node {
    if (this.tok.kind === 'eof') this.fail('The expression is empty');
    const node = this.parseExpression();
    if (!this.atEnd()) this.fail(`Unexpected ${this.describe(this.tok)}`);
    return node;
  }

  parseUnaryTestsSource(): Node {
    const first = this.tok;
    if (first.kind === 'eof') this.fail('The unary test is empty');
    if (this.isPunct('-') && this.peek().kind === 'eof') {
      this.advance();
      return { kind: 'any-input', start: first.start, end: first.end };
    }
    if (this.isWord('not') && this.isPunct('(', this.peek()) && this.closingParenIsLast(this.pos + 1)) {
      this.advance();
      this.advance();
      const tests = this.nested(() => this.parsePositiveUnaryTests(')'));
      const close = this.expectPunct(')');
      return { kind: 'unary-tests', negated: true, tests, start: first.start, end: close.end };
    }
    const tests = this.parsePositiveUnaryTests(null);
    if (!this.atEnd()) this.fail(`Unexpected ${this.describe(this.tok)}`);
    const lastTest = tests[tests.length - 1] as Node;
    return { kind: 'unary-tests', negated: false, tests, start: first.start, end: lastTest.end };
  }

  private closingParenIsLast(openIndex: number): boolean {
    let depth = 0;
    for (let k = openIndex; k < this.tokens.length; k++) {
      const t = this.tokens[k] as Token;
      if (t.kind !== 'punct') continue;
      if (t.text === '(' || t.text === '[' || t.text === '{') depth++;
      else if (t.text === ')' || t.text === ']' || t.text === '}') {
        depth--;
        if (depth === 0) return (this.tokens[k + 1] as Token).kind === 'eof';
      }
    }
    return false;
  }

  private parsePositiveUnaryTests(close: string | null): Node[] {
    const tests: Node[] = [this.parsePositiveUnaryTest()];
    while (this.isPunct(',')) {
      this.advance();
      tests.push(this.parsePositiveUnaryTest());
    }
    if (close !== null && !this.isPunct(close)) this.fail(`Expected ',' or '${close}' but found ${this.describe(this.tok)}`);
    return tests;
  }

  private parsePositiveUnaryTest(): Node {
    const t = this.tok;
    if (t.kind === 'punct' && COMPARISON.has(t.text)) return this.parseUnaryComparison();
    return this.parseExpression();
  }

  private parseUnaryComparison(): Node {
    const t = this.advance();
    const operand = this.parseAdditive();
    return { kind: 'unary-comparison', operator: t.text as ComparisonOperator, operand, start: t.start, end: operand.end };
  }

  // ---- expressions ---------------------------------------------------------------------------

  private parseExpression(): Node {
    return this.parseDisjunction();
  }

  private parseDisjunction(): Node {
    let left = this.parseConjunction();
    while (this.isWord('or')) {
      this.advance();
      const right = this.parseConjunction();
      left = { kind: 'or', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseConjunction(): Node {
    let left = this.parseComparison();
    while (this.isWord('and')) {
      this.advance();
      const right = this.parseComparison();
      left = { kind: 'and', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseComparison(): Node {
    let left = this.parseAdditive();
    for (;;) {
      const t = this.tok;
      if (t.kind === 'punct' && COMPARISON.has(t.text)) {
        this.advance();
        const right = this.parseAdditive();
        left = { kind: 'comparison', operator: t.text as ComparisonOperator, left, right, start: left.start, end: right.end };
      } else if (this.isWord('between')) {
        this.advance();
        const low = this.parseAdditive();
        this.expectWord('and', "in 'between … and …'");
        const high = this.parseAdditive();
        left = { kind: 'between', value: left, low, high, start: left.start, end: high.end };
      } else if (this.isWord('in')) {
        this.advance();
        left = this.parseIn(left);
      } else if (this.isWord('instance') && this.isWord('of', this.peek())) {
        this.advance();
        this.advance();
        const type = this.parseType();
        left = { kind: 'instance-of', value: left, type, start: left.start, end: type.end };
      } else return left;
    }
  }

  private parseIn(value: Node): Node {
    if (this.isPunct('(')) {
      const open = this.advance();
      return this.nested(() => {
        const first = this.parsePositiveUnaryTest();
        if (this.isPunct('..')) {
          // `x in (1..5)`: an open-start range
          this.advance();
          const range = this.finishRange(open, false, first);
          return { kind: 'in', value, tests: [range], start: value.start, end: range.end } satisfies Node;
        }
        const tests = [first];
        while (this.isPunct(',')) {
          this.advance();
          tests.push(this.parsePositiveUnaryTest());
        }
        const close = this.expectPunct(')', "after the tests of 'in'");
        return { kind: 'in', value, tests, start: value.start, end: close.end } satisfies Node;
      });
    }
    const t = this.tok;
    const test = t.kind === 'punct' && COMPARISON.has(t.text) ? this.parseUnaryComparison() : this.parseAdditive();
    return { kind: 'in', value, tests: [test], start: value.start, end: test.end };
  }

  private parseAdditive(): Node {
    let left = this.parseMultiplicative();
    while (this.isPunct('+') || this.isPunct('-')) {
      const op = this.advance().text as ArithmeticOperator;
      const right = this.parseMultiplicative();
      left = { kind: 'arithmetic', operator: op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseMultiplicative(): Node {
    let left = this.parseExponentiation();
    while (this.isPunct('*') || this.isPunct('/')) {
      const op = this.advance().text as ArithmeticOperator;
      const right = this.parseExponentiation();
      left = { kind: 'arithmetic', operator: op, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  /** `a ** b ** c` is `(a ** b) ** c`: left-associative like every FEEL infix operator. */
  private parseExponentiation(): Node {
    let left = this.parseNegation();
    while (this.isPunct('**')) {
      this.advance();
      const right = this.parseNegation();
      left = { kind: 'arithmetic', operator: '**', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  /** Arithmetic negation binds tighter than `**` (grammar rule 4d, the last alternative). */
  private parseNegation(): Node {
    if (this.isPunct('-')) {
      const t = this.advance();
      const operand = this.parseNegation();
      return { kind: 'negate', operand, start: t.start, end: operand.end };
    }
    return this.parsePostfix();
  }

  private parsePostfix(): Node {
    let node = this.parsePrimary();
    for (;;) {
      if (this.isPunct('.')) {
        this.advance();
        const known = this.matchKnownName(MULTI_WORD_PROPERTIES);
        if (known) {
          node = { kind: 'path', target: node, property: known.name, start: node.start, end: known.end };
          continue;
        }
        const t = this.tok;
        if (t.kind !== 'name') this.fail(`Expected a name after '.' but found ${this.describe(t)}`);
        this.advance();
        node = { kind: 'path', target: node, property: t.text, start: node.start, end: t.end };
      } else if (this.isPunct('[') && !this.rangeEnd) {
        this.advance();
        const filter = this.nested(() => this.parseExpression());
        const close = this.expectPunct(']', 'to close the filter');
        node = { kind: 'filter', target: node, filter, start: node.start, end: close.end };
      } else if (this.isPunct('(')) {
        node = this.parseCall(node);
      } else return node;
    }
  }

  private parseCall(callee: Node): Node {
    this.advance();
    return this.nested(() => {
      const args: Argument[] = [];
      let named: boolean | null = null;
      if (!this.isPunct(')')) {
        for (;;) {
          const argStart = this.tok;
          const name = this.namedArgumentName();
          if (named !== null && named !== (name !== null)) this.fail('Arguments must be all positional or all named', argStart);
          named = name !== null;
          args.push({ name, value: this.parseExpression() });
          if (!this.isPunct(',')) break;
          this.advance();
        }
      }
      const close = this.expectPunct(')', 'to close the argument list');
      return { kind: 'call', callee, args, named: named === true, start: callee.start, end: close.end } satisfies Node;
    });
  }

  /** `name: value` in an argument list: consumes `name :` and returns the name. */
  private namedArgumentName(): string | null {
    let k = this.pos;
    while ((this.tokens[k] as Token).kind === 'name') k++;
    if (k === this.pos || !this.isPunct(':', this.tokens[k] as Token)) return null;
    const first = this.tok;
    const last = this.tokens[k - 1] as Token;
    this.pos = k + 1;
    return normalizeName(this.source.slice(first.start, last.end));
  }

  private parsePrimary(): Node {
    const t = this.tok;
    switch (t.kind) {
      case 'number':
        this.advance();
        return { kind: 'number', text: t.text, start: t.start, end: t.end };
      case 'string':
        this.advance();
        return { kind: 'string', value: t.text, start: t.start, end: t.end };
      case 'temporal':
        this.advance();
        return { kind: 'temporal', text: t.text, start: t.start, end: t.end };
      case 'eof':
        return this.fail('Unexpected end of expression');
      case 'name':
        return this.parseNamePrimary();
      case 'punct':
        break;
    }
    switch (t.text) {
      case '(': {
        this.advance();
        return this.nested(() => {
          const inner = this.parseExpression();
          if (this.isPunct('..')) {
            this.advance();
            return this.finishRange(t, false, inner);
          }
          this.expectPunct(')');
          return inner;
        });
      }
      case ']':
        this.advance();
        return this.nested(() => {
          const start = this.parseExpression();
          this.expectPunct('..', 'in a range');
          return this.finishRange(t, false, start);
        });
      case '[': {
        this.advance();
        return this.nested(() => {
          if (this.isPunct(']')) {
            const close = this.advance();
            return { kind: 'list', items: [], start: t.start, end: close.end } satisfies Node;
          }
          const first = this.parsePositiveUnaryTest();
          if (this.isPunct('..')) {
            this.advance();
            return this.finishRange(t, true, first);
          }
          const items = [first];
          while (this.isPunct(',')) {
            this.advance();
            items.push(this.parsePositiveUnaryTest());
          }
          const close = this.expectPunct(']', 'to close the list');
          return { kind: 'list', items, start: t.start, end: close.end } satisfies Node;
        });
      }
      case '{':
        return this.parseContext();
      case '<':
      case '<=':
      case '>':
      case '>=':
      case '=':
      case '!=':
        return this.parseUnaryComparison();
      default:
        return this.fail(`Unexpected ${this.describe(t)}`);
    }
  }

  /** After `start ..`: the end endpoint and the closing bracket. */
  private finishRange(open: Token, startIncluded: boolean, start: Node): Node {
    this.rangeEnd = true;
    const end = this.parseExpression();
    this.rangeEnd = false;
    const close = this.tok;
    let endIncluded: boolean;
    if (this.isPunct(']')) endIncluded = true;
    else if (this.isPunct(')') || this.isPunct('[')) endIncluded = false;
    else return this.fail(`Expected ']', ')' or '[' to close the range but found ${this.describe(close)}`);
    this.advance();
    return { kind: 'range', startIncluded, low: start, high: end, endIncluded, start: open.start, end: close.end };
  }

  private parseNamePrimary(): Node {
    const known = this.matchKnownName();
    if (known) return { kind: 'name', name: known.name, start: known.start, end: known.end };
    const t = this.tok;
    switch (t.text) {
      case 'true':
      case 'false':
        this.advance();
        return { kind: 'boolean', value: t.text === 'true', start: t.start, end: t.end };
      case 'null':
        this.advance();
        return { kind: 'null', start: t.start, end: t.end };
      case 'if':
        return this.parseIf();
      case 'for':
        return this.parseFor();
      case 'some':
      case 'every':
        if (this.peek().kind === 'name') return this.parseQuantified();
        break;
      case 'function':
        if (this.isPunct('(', this.peek())) return this.parseFunction();
        break;
    }
    if (RESERVED.has(t.text)) this.fail(`Unexpected keyword '${t.text}'`);
    this.advance();
    return { kind: 'name', name: t.text, start: t.start, end: t.end };
  }

  private parseIf(): Node {
    const start = this.advance();
    const condition = this.parseExpression();
    this.expectWord('then', "after the condition of 'if'");
    const then = this.parseExpression();
    this.expectWord('else', "after 'then …'");
    const otherwise = this.parseExpression();
    return { kind: 'if', condition, then, else: otherwise, start: start.start, end: otherwise.end };
  }

  private parseIterationContexts(terminator: string): IterationContext[] {
    const contexts: IterationContext[] = [];
    for (;;) {
      const first = this.tok;
      if (first.kind !== 'name') this.fail(`Expected a variable name but found ${this.describe(first)}`);
      let last = first;
      while (this.tok.kind === 'name' && !this.isWord('in')) last = this.advance();
      const name = normalizeName(this.source.slice(first.start, last.end));
      if (name.includes(' ')) this.names.add(name);
      this.expectWord('in', `after '${name}'`);
      const domain = this.parseExpression();
      let domainEnd: Node | null = null;
      if (this.isPunct('..')) {
        this.advance();
        domainEnd = this.parseExpression();
      }
      contexts.push({ name, domain, domainEnd });
      if (!this.isPunct(',')) break;
      this.advance();
    }
    if (!this.isWord(terminator)) this.fail(`Expected ',' or '${terminator}' but found ${this.describe(this.tok)}`);
    this.advance();
    return contexts;
  }

  private parseFor(): Node {
    const start = this.advance();
    const contexts = this.parseIterationContexts('return');
    const body = this.parseExpression();
    return { kind: 'for', contexts, body, start: start.start, end: body.end };
  }

  private parseQuantified(): Node {
    const start = this.advance();
    const contexts = this.parseIterationContexts('satisfies');
    const condition = this.parseExpression();
    return { kind: 'quantified', quantifier: start.text as 'some' | 'every', contexts, condition, start: start.start, end: condition.end };
  }

  private parseFunction(): Node {
    const start = this.advance();
    this.advance(); // (
    const parameters: { name: string; type: TypeNode | null }[] = [];
    this.nested(() => {
      if (this.isPunct(')')) return;
      for (;;) {
        const first = this.tok;
        if (first.kind !== 'name') this.fail(`Expected a parameter name but found ${this.describe(first)}`);
        let last = first;
        while (this.tok.kind === 'name') last = this.advance();
        const name = normalizeName(this.source.slice(first.start, last.end));
        if (name.includes(' ')) this.names.add(name);
        if (parameters.some((p) => p.name === name)) this.fail(`Duplicate parameter '${name}'`, first);
        let type: TypeNode | null = null;
        if (this.isPunct(':')) {
          this.advance();
          type = this.parseType();
        }
        parameters.push({ name, type });
        if (!this.isPunct(',')) break;
        this.advance();
      }
    });
    this.expectPunct(')', 'to close the parameter list');
    let external = false;
    if (this.isWord('external')) {
      this.advance();
      external = true;
    }
    const body = this.parseExpression();
    return { kind: 'function', parameters, body, external, start: start.start, end: body.end };
  }

  private parseContext(): Node {
    const open = this.advance();
    return this.nested(() => {
      const entries: { key: string; value: Node; keySpan: Span }[] = [];
      if (!this.isPunct('}')) {
        for (;;) {
          const first = this.tok;
          let key: string;
          if (first.kind === 'string') {
            this.advance();
            key = first.text;
          } else {
            let last: Token | null = null;
            while (this.tok.kind === 'name' || this.tok.kind === 'number' || (this.tok.kind === 'punct' && !/^[:,{}()[\]]$/.test(this.tok.text) && this.tok.text !== '..')) last = this.advance();
            if (last === null) this.fail(`Expected a context key but found ${this.describe(first)}`);
            key = normalizeName(this.source.slice(first.start, last.end));
            if (!/^[^\s]*$/.test(key) || /[^\p{L}\p{N}_?]/u.test(key)) this.names.add(key);
          }
          const keySpan = { start: first.start, end: this.tokens[this.pos - 1]?.end ?? first.end };
          this.expectPunct(':', `after the context key '${key}'`);
          const value = this.parseExpression();
          entries.push({ key, value, keySpan });
          if (!this.isPunct(',')) break;
          this.advance();
        }
      }
      const close = this.expectPunct('}', 'to close the context');
      return { kind: 'context', entries, start: open.start, end: close.end } satisfies Node;
    });
  }

  private parseType(): TypeNode {
    const t = this.tok;
    if (t.kind !== 'name') this.fail(`Expected a type but found ${this.describe(t)}`);
    const known = this.matchKnownName(MULTI_WORD_TYPES);
    if (known) return { kind: 'named-type', name: known.name, start: known.start, end: known.end };
    this.advance();
    if (!this.isPunct('<')) {
      // qualified names (`ns.type`) are read whole
      let end = t.end;
      let name = t.text;
      while (this.isPunct('.') && this.peek().kind === 'name') {
        this.advance();
        const part = this.advance();
        name += '.' + part.text;
        end = part.end;
      }
      return { kind: 'named-type', name, start: t.start, end };
    }
    this.advance(); // <
    if (t.text === 'list' || t.text === 'range') {
      const element = this.parseType();
      const close = this.expectPunct('>', `to close '${t.text}<'`);
      return { kind: t.text === 'list' ? 'list-type' : 'range-type', element, start: t.start, end: close.end };
    }
    if (t.text === 'context') {
      const entries: { name: string; type: TypeNode }[] = [];
      if (!this.isPunct('>')) {
        for (;;) {
          const first = this.tok;
          let last: Token | null = null;
          while (this.tok.kind === 'name') last = this.advance();
          if (last === null) this.fail(`Expected an entry name but found ${this.describe(first)}`);
          this.expectPunct(':', 'after the entry name');
          entries.push({ name: normalizeName(this.source.slice(first.start, last.end)), type: this.parseType() });
          if (!this.isPunct(',')) break;
          this.advance();
        }
      }
      const close = this.expectPunct('>', "to close 'context<'");
      return { kind: 'context-type', entries, start: t.start, end: close.end };
    }
    if (t.text === 'function') {
      const parameters: TypeNode[] = [];
      if (!this.isPunct('>')) {
        parameters.push(this.parseType());
        while (this.isPunct(',')) {
          this.advance();
          parameters.push(this.parseType());
        }
      }
      this.expectPunct('>', "to close 'function<'");
      this.expectPunct('->', 'before the result type');
      const result = this.parseType();
      return { kind: 'function-type', parameters, result, start: t.start, end: result.end };
    }
    return this.fail(`Unknown generic type '${t.text}'`, t);
  }
}

export function parseExpression(source: string, options: ParseOptions = {}): ParseResult {
  return run(source, options, (p) => p.parseExpressionSource());
}

export function parseUnaryTests(source: string, options: ParseOptions = {}): ParseResult {
  return run(source, options, (p) => p.parseUnaryTestsSource());
}

function run(source: string, options: ParseOptions, body: (p: Parser) => Node): ParseResult {
  const { tokens, diagnostics } = tokenize(source);
  if (diagnostics.length > 0) return { ast: null, diagnostics };
  const names = new NameIndex();
  for (const n of MULTI_WORD_BUILTINS) names.add(n);
  if (options.builtinNames) for (const n of options.builtinNames) names.add(n);
  if (options.names) for (const n of options.names) names.add(n);
  const parser = new Parser(source, tokens, names);
  try {
    return { ast: body(parser), diagnostics: [] };
  } catch (e) {
    if (e instanceof ParseFailure) return { ast: null, diagnostics: [e.diagnostic] };
    throw e;
  }
}
