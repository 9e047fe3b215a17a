import { describe, expect, it } from 'vitest';
import { parseExpression, parseUnaryTests } from './parser.js';
import { tokenize } from './lexer.js';
import type { Node } from './ast.js';

function ast(source: string, names?: string[]): Node {
  const r = parseExpression(source, { names });
  if (r.ast === null) throw new Error(JSON.stringify(r.diagnostics));
  return r.ast;
}

/** A compact Lisp-like rendering of a tree, for readable assertions. */
function show(n: Node): string {
  switch (n.kind) {
    case 'number':
      return n.text;
    case 'string':
      return JSON.stringify(n.value);
    case 'boolean':
      return String(n.value);
    case 'null':
      return 'null';
    case 'temporal':
      return `@${JSON.stringify(n.text)}`;
    case 'name':
      return /^[\p{L}\p{N}_?]+$/u.test(n.name) ? n.name : `<${n.name}>`;
    case 'negate':
      return `(- ${show(n.operand)})`;
    case 'arithmetic':
    case 'comparison':
      return `(${n.operator} ${show(n.left)} ${show(n.right)})`;
    case 'and':
    case 'or':
      return `(${n.kind} ${show(n.left)} ${show(n.right)})`;
    case 'between':
      return `(between ${show(n.value)} ${show(n.low)} ${show(n.high)})`;
    case 'in':
      return `(in ${show(n.value)} ${n.tests.map(show).join(' ')})`;
    case 'instance-of':
      return `(instance-of ${show(n.value)} ${JSON.stringify(n.type)})`;
    case 'range':
      return `${n.startIncluded ? '[' : '('}${show(n.low)}..${show(n.high)}${n.endIncluded ? ']' : ')'}`;
    case 'unary-comparison':
      return `(${n.operator} ${show(n.operand)})`;
    case 'list':
      return `[${n.items.map(show).join(' ')}]`;
    case 'context':
      return `{${n.entries.map((e) => `${e.key}: ${show(e.value)}`).join(', ')}}`;
    case 'path':
      return `(. ${show(n.target)} ${n.property})`;
    case 'filter':
      return `(filter ${show(n.target)} ${show(n.filter)})`;
    case 'call':
      return `(call ${show(n.callee)}${n.args.map((a) => ` ${a.name ? `${a.name}:` : ''}${show(a.value)}`).join('')})`;
    case 'for':
      return `(for ${n.contexts.map((c) => `${c.name} ${show(c.domain)}${c.domainEnd ? `..${show(c.domainEnd)}` : ''}`).join(', ')} ${show(n.body)})`;
    case 'quantified':
      return `(${n.quantifier} ${n.contexts.map((c) => `${c.name} ${show(c.domain)}`).join(', ')} ${show(n.condition)})`;
    case 'if':
      return `(if ${show(n.condition)} ${show(n.then)} ${show(n.else)})`;
    case 'function':
      return `(function (${n.parameters.map((p) => p.name).join(' ')})${n.external ? ' external' : ''} ${show(n.body)})`;
    case 'any-input':
      return '-';
    case 'unary-tests':
      return `(${n.negated ? 'not ' : ''}tests ${n.tests.map(show).join(' ')})`;
  }
}

const p = (source: string, names?: string[]): string => show(ast(source, names));

describe('lexer', () => {
  it('reads numbers without swallowing `..`', () => {
    expect(tokenize('1..10').tokens.map((t) => t.text)).toEqual(['1', '..', '10', '']);
    expect(tokenize('.5 + 1.25').tokens.map((t) => t.text)).toEqual(['.5', '+', '1.25', '']);
  });

  it('decodes string escapes', () => {
    const t = tokenize(String.raw`"a\nb\"c\u0041\U01F600\\"`).tokens[0];
    expect(t?.text).toBe('a\nb"cA\u{1F600}\\');
  });

  it('skips comments', () => {
    expect(tokenize('1 // one\n+ /* two\n */ 2').tokens.map((t) => t.text)).toEqual(['1', '+', '2', '']);
  });

  it('reports unterminated strings and comments', () => {
    expect(tokenize('"abc').diagnostics[0]?.message).toMatch(/Unterminated string/);
    expect(tokenize('1 /* x').diagnostics[0]?.message).toMatch(/Unterminated comment/);
  });

  it('keeps the backslash of an escape FEEL does not define (regular expressions: "\\d", "\\s")', () => {
    const t = (source: string) => tokenize(source);
    expect(t(String.raw`"\d{3}\s\w+\."`).tokens[0]?.text).toBe(String.raw`\d{3}\s\w+\.`);
    expect(t(String.raw`"\q"`).diagnostics).toEqual([]);
    expect(t(String.raw`"\q"`).tokens[0]?.text).toBe(String.raw`\q`);
    // \u not followed by four hex digits is no code point: kept as written
    expect(t(String.raw`"\uZZ"`).tokens[0]?.text).toBe(String.raw`\uZZ`);
  });
});

describe('parser: precedence', () => {
  it('arithmetic', () => {
    expect(p('1 + 2 * 3')).toBe('(+ 1 (* 2 3))');
    expect(p('(1 + 2) * 3')).toBe('(* (+ 1 2) 3)');
    expect(p('1 - 2 - 3')).toBe('(- (- 1 2) 3)');
    // DMN 1.5 10.3.1.2: negation binds tighter than **, and ** is left-associative
    expect(p('2 ** 3 ** 2')).toBe('(** (** 2 3) 2)');
    expect(p('-2 ** 2')).toBe('(** (- 2) 2)');
    expect(p('-(2 ** 2)')).toBe('(- (** 2 2))');
    expect(p('2 ** -1')).toBe('(** 2 (- 1))');
    expect(p('2 * 3 ** 2')).toBe('(* 2 (** 3 2))');
    expect(p('-x.y ** 2')).toBe('(** (- (. x y)) 2)');
    expect(p('- - 1')).toBe('(- (- 1))');
    expect(p('a * -b')).toBe('(* a (- b))');
  });

  it('comparison, and, or', () => {
    expect(p('a < 1 or b >= 2 and c != 3')).toBe('(or (< a 1) (and (>= b 2) (!= c 3)))');
    expect(p('a = b + 1')).toBe('(= a (+ b 1))');
    expect(p('x between 1 and 10 and y')).toBe('(and (between x 1 10) y)');
  });

  it('in', () => {
    expect(p('x in [1..5]')).toBe('(in x [1..5])');
    expect(p('x in (1..5)')).toBe('(in x (1..5))');
    expect(p('x in (1, 2, < 0)')).toBe('(in x 1 2 (< 0))');
    expect(p('x in < 5')).toBe('(in x (< 5))');
    expect(p('x in [1, 2]')).toBe('(in x [1 2])');
    expect(p('x in y and z')).toBe('(and (in x y) z)');
  });

  it('postfix', () => {
    expect(p('a.b.c')).toBe('(. (. a b) c)');
    expect(p('a[1].b')).toBe('(. (filter a 1) b)');
    expect(p('f(1)(2)')).toBe('(call (call f 1) 2)');
    expect(p('list[item > 5]')).toBe('(filter list (> item 5))');
    expect(p('x.y[-1]')).toBe('(filter (. x y) (- 1))');
  });
});

describe('parser: constructs', () => {
  it('literals', () => {
    expect(p('"x"')).toBe('"x"');
    expect(p('true')).toBe('true');
    expect(p('null')).toBe('null');
    expect(p('@"2024-01-01"')).toBe('@"2024-01-01"');
    expect(p('.5')).toBe('.5');
  });

  it('ranges with every bracket style', () => {
    expect(p('[1..10)')).toBe('[1..10)');
    expect(p(']1..10[')).toBe('(1..10)');
    expect(p('(1..10]')).toBe('(1..10]');
    expect(p('[a..b[')).toBe('[a..b)');
    expect(p('[1..(x[2])]')).toBe('[1..(filter x 2)]');
  });

  it('lists and unary comparisons inside lists', () => {
    expect(p('[]')).toBe('[]');
    expect(p('[1, "a", [2]]')).toBe('[1 "a" [2]]');
    expect(p('[< 5, >= 10]')).toBe('[(< 5) (>= 10)]');
  });

  it('contexts with name, string and multi-word keys referring to earlier entries', () => {
    expect(p('{a: 1, "b c": 2, d: a + 1}')).toBe('{a: 1, b c: 2, d: (+ a 1)}');
    expect(p('{first name: "x", greeting: first name}')).toBe('{first name: "x", greeting: <first name>}');
    expect(p('{}')).toBe('{}');
  });

  it('for, some, every, if', () => {
    expect(p('for x in [1,2], y in 1..3 return x * y')).toBe('(for x [1 2], y 1..3 (* x y))');
    expect(p('some x in l satisfies x > 1')).toBe('(some x l (> x 1))');
    expect(p('every x in l, y in m satisfies x > y')).toBe('(every x l, y m (> x y))');
    expect(p('if a then 1 else if b then 2 else 3')).toBe('(if a 1 (if b 2 3))');
    expect(p('1 + if a then 1 else 2 + 3')).toBe('(+ 1 (if a 1 (+ 2 3)))');
  });

  it('function definitions and invocations', () => {
    expect(p('function(a, b) a + b')).toBe('(function (a b) (+ a b))');
    expect(p('function(a: number) a')).toBe('(function (a) a)');
    expect(p('function(x) external {java: {}}')).toBe('(function (x) external {java: {}})');
    expect(p('f(b: 1, a: 2)')).toBe('(call f b:1 a:2)');
    expect(p('f()')).toBe('(call f)');
    expect(p('substring(string: "abc", start position: 2)')).toBe('(call substring string:"abc" start position:2)');
  });

  it('instance of with type expressions', () => {
    expect(p('x instance of number')).toContain('"name":"number"');
    expect(p('x instance of list<number>')).toContain('"kind":"list-type"');
    expect(p('x instance of context<a: number, b: list<string>>')).toContain('"kind":"context-type"');
    expect(p('x instance of date and time')).toContain('"name":"date and time"');
    expect(p('x instance of function<number, string> -> boolean')).toContain('"kind":"function-type"');
  });

  it('names with spaces and special characters, longest first', () => {
    expect(p('Monthly Salary * 12', ['Monthly Salary'])).toBe('(* <Monthly Salary> 12)');
    expect(p('Monthly   Salary', ['Monthly Salary'])).toBe('<Monthly Salary>');
    expect(p("Applicant's age > 18", ["Applicant's age"])).toBe("(> <Applicant's age> 18)");
    expect(p('Loan Amount Total - Loan Amount', ['Loan Amount', 'Loan Amount Total'])).toBe('(- <Loan Amount Total> <Loan Amount>)');
    expect(p('a-b + a', ['a-b'])).toBe('(+ <a-b> a)');
    expect(p('a-b + a')).toBe('(+ (- a b) a)');
    expect(parseExpression('Monthly Salaryx', { names: ['Monthly Salary'] }).diagnostics[0]?.message).toBe("Unexpected 'Salaryx'");
  });

  it('built-in names with spaces', () => {
    expect(p('string length("abc")')).toBe('(call <string length> "abc")');
    expect(p('date and time("2024-01-01T00:00:00")')).toBe('(call <date and time> "2024-01-01T00:00:00")');
    expect(p('years and months duration(a, b)')).toBe('(call <years and months duration> a b)');
    expect(p('day of week(d)')).toBe('(call <day of week> d)');
    expect(p('d.time offset')).toBe('(. d time offset)');
    expect(p('r.start included')).toBe('(. r start included)');
  });
});

describe('parser: unary tests', () => {
  const u = (source: string): string => {
    const r = parseUnaryTests(source);
    if (r.ast === null) throw new Error(JSON.stringify(r.diagnostics));
    return show(r.ast);
  };
  it('every form', () => {
    expect(u('-')).toBe('-');
    expect(u('< 10')).toBe('(tests (< 10))');
    expect(u('[1..5]')).toBe('(tests [1..5])');
    expect(u('"A","B"')).toBe('(tests "A" "B")');
    expect(u('not("A", < 3)')).toBe('(not tests "A" (< 3))');
    expect(u('? > 5')).toBe('(tests (> ? 5))');
    expect(u('count(?) > 1')).toBe('(tests (> (call count ?) 1))');
    expect(u('not(1) or true')).toBe('(tests (or (call not 1) true))');
    expect(u('- 1')).toBe('(tests (- 1))');
  });
});

describe('parser: errors', () => {
  it('reports line, column, offset and length', () => {
    const r = parseExpression('1 +\n  * 2');
    expect(r.ast).toBeNull();
    expect(r.diagnostics).toEqual([{ message: "Unexpected '*'", line: 2, column: 3, offset: 6, length: 1 }]);
  });

  it('explains what was expected', () => {
    expect(parseExpression('if a then b').diagnostics[0]).toMatchObject({ message: "Expected 'else' after 'then …' but found end of expression", line: 1, column: 12, length: 0 });
    expect(parseExpression('[1, 2').diagnostics[0]?.message).toMatch(/Expected '\]' to close the list/);
    expect(parseExpression('f(a: 1, 2)').diagnostics[0]?.message).toMatch(/all positional or all named/);
    expect(parseExpression('{a 1}').diagnostics[0]?.message).toMatch(/Expected ':'/);
    expect(parseExpression('1 2').diagnostics[0]).toMatchObject({ message: "Unexpected '2'", column: 3 });
    expect(parseExpression('').diagnostics[0]?.message).toMatch(/empty/);
    expect(parseExpression('a and').diagnostics[0]?.message).toMatch(/Unexpected end/);
    expect(parseExpression('x instance of list<').diagnostics[0]?.message).toMatch(/Expected a type/);
    expect(parseExpression('then').diagnostics[0]?.message).toMatch(/keyword 'then'/);
    expect(parseExpression('"abc').diagnostics[0]).toMatchObject({ line: 1, column: 1 });
  });
});
