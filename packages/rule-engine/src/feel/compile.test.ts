import { describe, expect, it } from 'vitest';
import { FeelSyntaxError, clearCompileCache, compileExpression, compileUnaryTests, parseExpression } from './compile.js';
import {
  DaysTimeDuration,
  FeelContext,
  FeelDate,
  FeelDecimal,
  FeelFunction,
  StepBudgetExceeded,
  type FeelValue,
} from './values/feel-value.js';
import { valueToLiteral } from './values/format.js';
import type { FeelVariables } from './api.js';

const run = (source: string, vars: FeelVariables = {}, names?: string[]) => compileExpression(source, { names }).evaluate(vars);
/** The value as FEEL text (`3`, `"a"`, `[1, 2]`, `{a: 1}`, `null`). */
const ev = (source: string, vars: FeelVariables = {}, names?: string[]): string => valueToLiteral(run(source, vars, names).value);
const n = (x: number | string): FeelValue => new FeelDecimal(x);

describe('literals', () => {
  it('numbers are decimals built from the source text', () => {
    expect(ev('0.1 + 0.2')).toBe('0.3');
    expect(ev('12345678901234567890.123456789')).toBe('12345678901234567890.123456789');
    expect(ev('.5')).toBe('0.5');
    expect(run('1').value).toBeInstanceOf(FeelDecimal);
  });

  it('strings with escapes, booleans, null', () => {
    expect(run(String.raw`"a\nb\"c\u0041\U01F600"`).value).toBe('a\nb"cA\u{1F600}');
    expect(run('true').value).toBe(true);
    expect(run('false').value).toBe(false);
    expect(run('null').value).toBe(null);
  });

  it('temporal literals', () => {
    expect(run('@"2024-03-01"').value).toEqual(new FeelDate(2024, 3, 1));
    expect(ev('@"2024-03-01T10:30:00"')).toBe('2024-03-01T10:30:00');
    expect(ev('@"10:30:00"')).toBe('10:30:00');
    expect(ev('@"P1DT2H"')).toBe('P1DT2H');
    expect(ev('@"P1Y2M"')).toBe('P1Y2M');
    const bad = run('@"2024-13-01"');
    expect(bad.value).toBeNull();
    expect(bad.warnings[0]?.code).toBe('invalidTemporal');
  });
});

describe('arithmetic', () => {
  it('precedence and associativity', () => {
    expect(ev('1 + 2 * 3')).toBe('7');
    expect(ev('(1 + 2) * 3')).toBe('9');
    expect(ev('10 - 2 - 3')).toBe('5');
    expect(ev('2 ** 3 ** 2')).toBe('64'); // left-associative (DMN 1.5 10.3.1.2)
    expect(ev('-2 ** 2')).toBe('4'); // (-2) ** 2: negation binds tighter (DMN 1.5 10.3.1.2)
    expect(ev('2 ** -1')).toBe('0.5');
    expect(ev('-(1 + 2)')).toBe('-3');
    expect(ev('10 / 4')).toBe('2.5');
  });

  it('null propagates, invalid operands give null and a warning', () => {
    expect(ev('1 + null')).toBe('null');
    expect(ev('null * 2')).toBe('null');
    expect(ev('-null')).toBe('null');
    const r = run('1 + "a"');
    expect(r.value).toBeNull();
    expect(r.warnings.length).toBeGreaterThan(0);
    const d = run('1 / 0');
    expect(d.value).toBeNull();
    expect(d.warnings.length).toBeGreaterThan(0);
  });

  it('string concatenation and temporal arithmetic', () => {
    expect(ev('"a" + "b"')).toBe('"ab"');
    expect(ev('@"2024-01-31" + @"P1D"')).toBe('2024-02-01');
  });
});

describe('comparison', () => {
  it('operators', () => {
    expect(ev('1 < 2')).toBe('true');
    expect(ev('2 <= 2')).toBe('true');
    expect(ev('1 > 2')).toBe('false');
    expect(ev('2 >= 3')).toBe('false');
    expect(ev('1 = 1.0')).toBe('true');
    expect(ev('1 != 2')).toBe('true');
    expect(ev('"a" < "b"')).toBe('true');
    expect(ev('[1, 2] = [1, 2]')).toBe('true');
    expect(ev('{a: 1} = {a: 1}')).toBe('true');
  });

  it('null rules: = and != are two-valued with null, ordering is null', () => {
    expect(ev('null = null')).toBe('true');
    expect(ev('1 = null')).toBe('false');
    expect(ev('null != 1')).toBe('true');
    expect(ev('1 < null')).toBe('null');
    expect(ev('1 = "1"')).toBe('null');
    expect(ev('1 < "a"')).toBe('null');
  });

  it('between', () => {
    expect(ev('5 between 1 and 10')).toBe('true');
    expect(ev('1 between 1 and 10')).toBe('true');
    expect(ev('11 between 1 and 10')).toBe('false');
    expect(ev('null between 1 and 10')).toBe('null');
    expect(ev('"b" between "a" and "c"')).toBe('true');
  });

  it('in', () => {
    expect(ev('5 in [1..10]')).toBe('true');
    expect(ev('10 in [1..10)')).toBe('false');
    expect(ev('1 in (1..10]')).toBe('false');
    expect(ev('1 in ]1..10]')).toBe('false');
    expect(ev('5 in (1..10)')).toBe('true');
    expect(ev('3 in (1, 2, 3)')).toBe('true');
    expect(ev('4 in (1, 2, 3)')).toBe('false');
    expect(ev('3 in [1, 2, 3]')).toBe('true');
    expect(ev('3 in < 5')).toBe('true');
    expect(ev('3 in (< 2, > 2)')).toBe('true');
    expect(ev('3 in [< 2, > 4]')).toBe('false');
    expect(ev('"b" in ("a", "b")')).toBe('true');
    expect(ev('5 in x', { x: [n(4), n(5)] })).toBe('true');
    expect(ev('[1,2] in [[1,2], [3]]')).toBe('true');
    expect(ev('null in [1, null]')).toBe('true');
  });
});

describe('three-valued logic (DMN 1.5 table 54)', () => {
  const values = ['true', 'false', 'null', '"x"'] as const;
  const expectedAnd: Record<string, string> = {
    'true true': 'true', 'true false': 'false', 'true null': 'null', 'true "x"': 'null',
    'false true': 'false', 'false false': 'false', 'false null': 'false', 'false "x"': 'false',
    'null true': 'null', 'null false': 'false', 'null null': 'null', 'null "x"': 'null',
    '"x" true': 'null', '"x" false': 'false', '"x" null': 'null', '"x" "x"': 'null',
  };
  const expectedOr: Record<string, string> = {
    'true true': 'true', 'true false': 'true', 'true null': 'true', 'true "x"': 'true',
    'false true': 'true', 'false false': 'false', 'false null': 'null', 'false "x"': 'null',
    'null true': 'true', 'null false': 'null', 'null null': 'null', 'null "x"': 'null',
    '"x" true': 'true', '"x" false': 'null', '"x" null': 'null', '"x" "x"': 'null',
  };
  for (const a of values) {
    for (const b of values) {
      it(`${a} and/or ${b}`, () => {
        expect(ev(`${a} and ${b}`)).toBe(expectedAnd[`${a} ${b}`]);
        expect(ev(`${a} or ${b}`)).toBe(expectedOr[`${a} ${b}`]);
      });
    }
  }
});

describe('ranges, lists, contexts', () => {
  it('range values and their properties', () => {
    expect(ev('[1..10)')).toBe('[1..10)');
    expect(ev('[1..10).start')).toBe('1');
    expect(ev('[1..10).end included')).toBe('false');
    expect(ev('(1..10].start included')).toBe('false');
    expect(ev('(< 5).end')).toBe('5');
  });

  it('lists', () => {
    expect(ev('[1, "a", [true]]')).toBe('[1, "a", [true]]');
    expect(ev('[]')).toBe('[]');
  });

  it('contexts; entries see earlier entries', () => {
    expect(ev('{a: 1, "b c": 2, d: a + 1}')).toBe('{a: 1, "b c": 2, d: 2}');
    expect(ev('{a: 1, b: {c: a + 1}}.b.c')).toBe('2');
    expect(ev('{first name: "Ann", hello: "Hi " + first name}.hello')).toBe('"Hi Ann"');
    expect(ev('{a: 1, a: 2}')).toBe('null');
  });

  it('a context key named __proto__ is an ordinary key', () => {
    expect(ev('{"__proto__": 1}.__proto__')).toBe('1');
    expect(ev('{__proto__: 2, constructor: 3}.constructor')).toBe('3');
  });
});

describe('paths and filters', () => {
  const people: FeelValue = [
    new FeelContext([['name', 'Ann'], ['age', n(30)]]),
    new FeelContext([['name', 'Bob'], ['age', n(17)]]),
  ];

  it('paths read context entries and map over lists', () => {
    expect(ev('p.name', { p: (people as FeelValue[])[0] as FeelValue })).toBe('"Ann"');
    expect(ev('people.name', { people })).toBe('["Ann", "Bob"]');
    expect(ev('{a: {b: {c: 5}}}.a.b.c')).toBe('5');
    expect(ev('{a: 1}.b')).toBe('null');
    expect(ev('null.a')).toBe('null');
  });

  it('temporal and duration properties', () => {
    expect(ev('@"2024-03-15".year')).toBe('2024');
    expect(ev('@"2024-03-15".month')).toBe('3');
    expect(ev('@"2024-03-15".day')).toBe('15');
    expect(ev('@"2024-03-15".weekday')).toBe('5');
    expect(ev('@"2024-03-15T10:20:30.5+02:00".hour')).toBe('10');
    expect(ev('@"2024-03-15T10:20:30.5+02:00".minute')).toBe('20');
    expect(ev('@"2024-03-15T10:20:30.5+02:00".second')).toBe('30.5');
    expect(ev('@"2024-03-15T10:20:30+02:00".time offset')).toBe('PT2H');
    expect(ev('@"10:20:30@Europe/Paris".timezone')).toBe('"Europe/Paris"');
    expect(ev('@"P2DT3H4M5S".days')).toBe('2');
    expect(ev('@"P2DT3H4M5S".hours')).toBe('3');
    expect(ev('@"P2DT3H4M5S".minutes')).toBe('4');
    expect(ev('@"P2DT3H4M5S".seconds')).toBe('5');
    expect(ev('@"-P2DT3H".hours')).toBe('-3');
    expect(ev('@"P3Y5M".years')).toBe('3');
    expect(ev('@"P3Y5M".months')).toBe('5');
  });

  it('filters by condition, with item and the element entries in scope', () => {
    expect(ev('[1, 5, 10][item > 4]')).toBe('[5, 10]');
    expect(ev('people[age >= 18].name', { people })).toBe('["Ann"]');
    expect(ev('people[item.age < 18].name', { people })).toBe('["Bob"]');
    expect(ev('[1, 2][item > 5]')).toBe('[]');
    expect(ev('[1, "a", 3][item > 1]')).toBe('[3]');
  });

  it('filters by index, negative from the end, out of range is null', () => {
    expect(ev('[1, 2, 3][1]')).toBe('1');
    expect(ev('[1, 2, 3][-1]')).toBe('3');
    expect(ev('[1, 2, 3][-3]')).toBe('1');
    expect(ev('[1, 2, 3][4]')).toBe('null');
    expect(ev('[1, 2, 3][0]')).toBe('null');
    expect(ev('[1, 2, 3][i]', { i: n(2) })).toBe('2');
    expect(ev('[][1]')).toBe('null');
    expect(ev('[][item > 1]')).toBe('[]');
  });

  it('a filter on a non-list treats it as a singleton list', () => {
    expect(ev('5[1]')).toBe('5');
    expect(ev('5[item > 1]')).toBe('[5]');
    expect(ev('{a: 1}[a = 1]')).toBe('[{a: 1}]');
  });
});

describe('for, some, every, if', () => {
  it('for over lists and ranges in both directions', () => {
    expect(ev('for x in [1, 2, 3] return x * 2')).toBe('[2, 4, 6]');
    expect(ev('for i in 1..3 return i')).toBe('[1, 2, 3]');
    expect(ev('for i in 3..1 return i')).toBe('[3, 2, 1]');
    expect(ev('for x in [1, 2], y in [10, 20] return x + y')).toBe('[11, 21, 12, 22]');
    expect(ev('for x in [1, 2], y in x..2 return y')).toBe('[1, 2, 2]');
    expect(ev('for x in [] return x')).toBe('[]');
    expect(ev('for i in [1..3] return i')).toBe('[1, 2, 3]');
    expect(ev('for i in (1..4) return i')).toBe('[2, 3]');
    expect(ev('for d in @"2024-02-28"..@"2024-03-01" return d.day')).toBe('[28, 29, 1]');
    expect(ev('for d in [@"2024-01-03"..@"2024-01-01") return d.day')).toBe('[3, 2]');
    expect(ev('for x in 5 return x')).toBe('[5]');
    expect(ev('for x in null return x')).toBe('null'); // nothing to iterate: null, as for every invalid domain
  });

  it('partial holds the previous results', () => {
    expect(ev('for i in 1..5 return if i = 1 then 1 else i * partial[-1]')).toBe('[1, 2, 6, 24, 120]');
  });

  it('some and every', () => {
    expect(ev('some x in [1, 2, 3] satisfies x > 2')).toBe('true');
    expect(ev('some x in [1, 2, 3] satisfies x > 3')).toBe('false');
    expect(ev('every x in [1, 2, 3] satisfies x > 0')).toBe('true');
    expect(ev('every x in [1, 2, 3] satisfies x > 1')).toBe('false');
    expect(ev('every x in [] satisfies false')).toBe('true');
    expect(ev('some x in [] satisfies true')).toBe('false');
    expect(ev('some x in [1, 2], y in [2, 3] satisfies x = y')).toBe('true');
  });

  it('if: a non-boolean condition takes else', () => {
    expect(ev('if 1 < 2 then "a" else "b"')).toBe('"a"');
    expect(ev('if null then "a" else "b"')).toBe('"b"');
    expect(ev('if "yes" then "a" else "b"')).toBe('"b"');
  });
});

describe('instance of', () => {
  it('base and structured types', () => {
    expect(ev('1 instance of number')).toBe('true');
    expect(ev('"a" instance of number')).toBe('false');
    expect(ev('@"2024-01-01" instance of date')).toBe('true');
    expect(ev('@"2024-01-01T00:00:00" instance of date and time')).toBe('true');
    expect(ev('@"P1D" instance of days and time duration')).toBe('true');
    expect(ev('[1, 2] instance of list<number>')).toBe('true');
    expect(ev('[1, "a"] instance of list<number>')).toBe('false');
    expect(ev('{a: 1} instance of context<a: number>')).toBe('true');
    expect(ev('{a: "x"} instance of context<a: number>')).toBe('false');
    expect(ev('[1..2] instance of range<number>')).toBe('true');
    expect(ev('(function(a) a) instance of function<Any> -> Any')).toBe('true');
    expect(ev('function(a) a instance of number')).toContain('function');
    expect(ev('null instance of Null')).toBe('true');
    expect(ev('1 instance of Any')).toBe('true');
  });

  it('checks the declared parameter types of a function contravariantly', () => {
    expect(ev('(function(a: context<a: string>) 1) instance of function<context<a: string, b: string>> -> Any')).toBe('true');
    expect(ev('(function(a: context<a: string, b: string>) 1) instance of function<context<a: string>> -> Any')).toBe('false');
    expect(ev('(function(a: number, b) 1) instance of function<number, string> -> Any')).toBe('true');
    expect(ev('(function(a: number) 1) instance of function<string> -> Any')).toBe('false');
    expect(ev('(function(a: list<number>) 1) instance of function<list<number>> -> Any')).toBe('true');
  });
});

describe('functions', () => {
  it('definitions and positional invocation', () => {
    expect(ev('(function(a, b) a + b)(1, 2)')).toBe('3');
    expect(ev('{f: function(a, b) a - b, r: f(5, 2)}.r')).toBe('3');
  });

  it('named arguments', () => {
    expect(ev('{f: function(a, b) a - b, r: f(b: 1, a: 5)}.r')).toBe('4');
    const r = run('{f: function(a) a, r: f(z: 1)}.r');
    expect(r.value).toBeNull();
    expect(r.warnings.length).toBeGreaterThan(0);
  });

  it('closures capture their scope', () => {
    expect(ev('{make: function(n) function(x) x + n, add2: make(2), r: add2(40)}.r')).toBe('42');
    expect(ev('for k in [1, 2] return (function(x) x * k)(10)')).toBe('[10, 20]');
  });

  it('recursion through a context entry', () => {
    expect(ev('{fact: function(n) if n <= 1 then 1 else n * fact(n - 1), r: fact(5)}.r')).toBe('120');
  });

  it('typed parameters reject non-conforming arguments', () => {
    expect(ev('(function(a: number) a)("x")')).toBe('null');
    expect(ev('(function(a: number) a)(1)')).toBe('1');
  });

  it('too many arguments, unknown functions and non-functions give null', () => {
    expect(ev('(function(a) a)(1, 2)')).toBe('null');
    expect(ev('nope(1)')).toBe('null');
    expect(ev('x(1)', { x: n(1) })).toBe('null');
  });

  it('external functions compile, and their invocations are null with a warning naming them', () => {
    const r = compileExpression('(function(x) external {java: {class: "java.lang.Math", method signature: "abs(int)"}})(-1)').evaluate({});
    expect(r.value).toBeNull();
    expect(r.warnings[0]?.message).toContain('java.lang.Math.abs(int)');
  });

  it('host functions passed as variables are called with FEEL values', () => {
    const twice = new FeelFunction('twice', ['x'], (args) => {
      const x = args[0];
      return x instanceof FeelDecimal ? x.times(2) : null;
    });
    expect(ev('twice(21)', { twice })).toBe('42');
    expect(ev('twice(x: 4)', { twice })).toBe('8');
  });
});

describe('built-ins', () => {
  it('are invoked positionally and by name, including names with spaces', () => {
    expect(ev('count([1, 2, 3])')).toBe('3');
    expect(ev('sum([1, 2, 3])')).toBe('6');
    expect(ev('string length("abcd")')).toBe('4');
    expect(ev('substring(string: "abcdef", start position: 3)')).toBe('"cdef"');
    expect(ev('upper case("a")')).toBe('"A"');
    expect(ev('not(true)')).toBe('false');
    expect(ev('date and time("2024-01-01T10:00:00").hour')).toBe('10');
    expect(ev('day of week(date("2024-03-15"))')).toBe('"Friday"');
  });
});

describe('names', () => {
  it('variables from a record or a map', () => {
    expect(ev('a + b', { a: n(1), b: n(2) })).toBe('3');
    expect(ev('a + b', new Map([['a', n(1)], ['b', n(2)]]))).toBe('3');
  });

  it('names with spaces and special characters via the names option', () => {
    expect(ev('Monthly Salary * 12', { 'Monthly Salary': n(1000) }, ['Monthly Salary'])).toBe('12000');
    expect(ev("Applicant's age >= 18", { "Applicant's age": n(20) }, ["Applicant's age"])).toBe('true');
    expect(ev('Loan Amount Total - Loan Amount', { 'Loan Amount': n(1), 'Loan Amount Total': n(5) }, ['Loan Amount', 'Loan Amount Total'])).toBe('4');
    expect(ev('a/b', { 'a/b': n(7) }, ['a/b'])).toBe('7');
    expect(ev('a-b', { a: n(7), b: n(2) })).toBe('5');
  });

  it('an unknown name is null with a warning', () => {
    const r = run('missing + 1');
    expect(r.value).toBeNull();
    expect(r.warnings.some((w) => w.code === 'unknownName')).toBe(true);
  });
});

describe('sandboxing: no path to the host', () => {
  const probes = [
    '{}.constructor',
    '"x".constructor',
    '"x".length',
    '[1].length',
    '[1].constructor',
    '1.constructor',
    '{}.__proto__',
    'x.__proto__',
    'x.toString',
    'x.constructor.constructor',
    'toString',
    'constructor',
    '__proto__',
    'hasOwnProperty',
    'valueOf',
    '@"2024-01-01".constructor',
    '[1..2].constructor',
    '(function(a) a).invoke',
    '(function(a) a).name',
    'date.constructor',
  ];
  for (const probe of probes) {
    it(`${probe} is null`, () => {
      const r = run(probe, { x: new FeelContext([['a', n(1)]]) });
      // a list path maps over the elements: each of them null
      if (Array.isArray(r.value)) expect(r.value.every((v) => v === null)).toBe(true);
      else expect(r.value).toBeNull();
    });
  }

  it('a variables record is read by own keys only', () => {
    const vars = Object.create({ inherited: n(1) }) as Record<string, FeelValue>;
    expect(run('inherited', vars).value).toBeNull();
    expect(run('constructor', {}).value).toBeNull();
  });

  it('calling a non-function host value is refused', () => {
    expect(run('toString()', {}).value).toBeNull();
    expect(run('x.toString()', { x: 'a' }).value).toBeNull();
  });
});

describe('step budget', () => {
  it('for i in 1..1000000000 return i throws StepBudgetExceeded instead of running on', () => {
    expect(() => compileExpression('for i in 1..1000000000 return i').evaluate({})).toThrow(StepBudgetExceeded);
  });

  it('honours a smaller budget, counting iterations, filter elements and invocations', () => {
    expect(() => compileExpression('for i in 1..100 return i').evaluate({}, { stepBudget: 50 })).toThrow(StepBudgetExceeded);
    expect(compileExpression('for i in 1..10 return i').evaluate({}, { stepBudget: 50 }).value).toHaveLength(10);
    expect(() => compileExpression('x[item > 1]').evaluate({ x: Array.from({ length: 100 }, (_, i) => n(i)) }, { stepBudget: 50 })).toThrow(StepBudgetExceeded);
    expect(() => compileExpression('{f: function(n) if n = 0 then 0 else f(n - 1), r: f(100)}.r').evaluate({}, { stepBudget: 50 })).toThrow(StepBudgetExceeded);
  });

  it('infinite recursion stops without overflowing the stack', () => {
    const r = compileExpression('{f: function(n) f(n + 1), r: f(1)}.r').evaluate({});
    expect(r.value).toBeNull();
    expect(r.warnings.some((w) => w.code === 'recursionLimit')).toBe(true);
  });
});

describe('reads', () => {
  const reads = (source: string, names?: string[]) => [...compileExpression(source, { names }).reads].sort();
  it('free variables only', () => {
    expect(reads('a + b.c + a')).toEqual(['a', 'b']);
    expect(reads('for x in xs return x + y')).toEqual(['xs', 'y']);
    expect(reads('some x in xs satisfies x > limit')).toEqual(['limit', 'xs']);
    expect(reads('{a: 1, b: a + c}')).toEqual(['c']);
    expect(reads('function(p) p + q')).toEqual(['q']);
    expect(reads('count(items) + sum(values)')).toEqual(['items', 'values']);
    expect(reads('list[item > min]')).toEqual(['list', 'min']);
    expect(reads('for i in 1..n return partial')).toEqual(['n']);
    expect(reads('Monthly Salary * 12', ['Monthly Salary'])).toEqual(['Monthly Salary']);
    expect(reads('f(1)')).toEqual(['f']);
    expect(reads('1 + 2')).toEqual([]);
  });

  it('unary tests: variables but not ?', () => {
    expect([...compileUnaryTests('< limit, ? > min').reads].sort()).toEqual(['limit', 'min']);
    expect(compileUnaryTests('[1..5]').reads).toEqual([]);
  });
});

describe('errors and caching', () => {
  it('FeelSyntaxError carries editor diagnostics', () => {
    let error: unknown;
    try {
      compileExpression('1 +\n  * 2');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FeelSyntaxError);
    const e = error as FeelSyntaxError;
    expect(e.diagnostics[0]).toEqual({ message: "Unexpected '*'", line: 2, column: 3, offset: 6, length: 1 });
    expect(e.message).toBe("FEEL syntax error at line 2, column 3: Unexpected '*'");
  });

  it('parseExpression returns diagnostics without throwing', () => {
    expect(parseExpression('(1 + ').diagnostics).toHaveLength(1);
    expect(parseExpression('1 + 2').ast?.kind).toBe('arithmetic');
    expect(parseExpression('Monthly Salary', { names: ['Monthly Salary'] }).ast).toMatchObject({ kind: 'name', name: 'Monthly Salary' });
  });

  it('caches by source and names', () => {
    clearCompileCache();
    const a = compileExpression('x + 1');
    expect(compileExpression('x + 1')).toBe(a);
    expect(compileExpression('x + 1', { names: ['x'] })).toBe(a);
    const b = compileExpression('A B', { names: ['A B'] });
    expect(compileExpression('A B', { names: ['A B'] })).toBe(b);
    expect(() => compileExpression('A B')).toThrow(FeelSyntaxError);
  });

  it('evaluation never throws for invalid operations', () => {
    const r = compileExpression('date("x") + [1][5] - {a: 1}.b * "s"').evaluate({});
    expect(r.value).toBeNull();
    expect(r.warnings.length).toBeGreaterThan(0);
    expect(compileExpression('x').evaluate({ x: new DaysTimeDuration(new FeelDecimal(1)) }).value).toBeInstanceOf(DaysTimeDuration);
  });
});
