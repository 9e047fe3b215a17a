/**
 * The patterns of text fields (ECMAScript syntax, `u` flag), run by RE2JS, a pure-JavaScript port
 * of RE2: matching takes time linear in the value, whatever the pattern. JavaScript's RegExp
 * backtracks, so an analyst's `^(a+)+$` against 40 `a`s and a `!` would block the server's event
 * loop for minutes; RE2 answers at once.
 *
 * A pattern keeps its ECMAScript meaning: it must compile as `new RegExp(pattern, 'u')` (only its
 * syntax is checked that way, it never runs there) and is then translated to RE2 syntax where the
 * two differ (`\u` escapes, `\c`, `\0`, `\s`/`\S` and `.`, whose character sets RE2 defines more
 * narrowly, `[\b]`, `[]`/`[^]`, `\p{Script=…}`). What needs a backtracking matcher is refused with
 * a reason: lookahead, lookbehind and back-references. Browser-safe: the standalone validator
 * modules run the same engine, so the browser and the server agree on every value.
 */
import { RE2JS } from 're2js';

/** Why a pattern cannot be used, in English and Chinese. */
export interface PatternProblem {
  en: string;
  zh: string;
}

type Ranges = ReadonlyArray<readonly [number, number]>;

const MAX_CODE_POINT = 0x10ffff;

/** ECMAScript's `\s`: RE2's `\s` is only `[\t\n\f\r ]`. */
const WHITE_SPACE: Ranges = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];

/** What ECMAScript's `.` does not match: RE2's `.` only leaves out `\n`. */
const LINE_TERMINATORS: Ranges = [
  [0x0a, 0x0a],
  [0x0d, 0x0d],
  [0x2028, 0x2029],
];

function complement(ranges: Ranges): Ranges {
  const out: Array<readonly [number, number]> = [];
  let next = 0;
  for (const [lo, hi] of ranges) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

const hex = (cp: number): string => `\\x{${cp.toString(16).toUpperCase()}}`;

/** Ranges as the inside of an RE2 character class. */
function classItems(ranges: Ranges): string {
  return ranges.map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`)).join('');
}

const WHITE_SPACE_ITEMS = classItems(WHITE_SPACE);
const NOT_WHITE_SPACE_ITEMS = classItems(complement(WHITE_SPACE));
const DOT = `[^${classItems(LINE_TERMINATORS)}]`;
const EVERYTHING = `\\x{0}-${hex(MAX_CODE_POINT)}`;

/** Unicode general categories by their long names (ECMAScript takes both, RE2 only the short). */
const GENERAL_CATEGORIES: Readonly<Record<string, string>> = {
  Letter: 'L',
  Cased_Letter: 'LC',
  Uppercase_Letter: 'Lu',
  Lowercase_Letter: 'Ll',
  Titlecase_Letter: 'Lt',
  Modifier_Letter: 'Lm',
  Other_Letter: 'Lo',
  Mark: 'M',
  Combining_Mark: 'M',
  Nonspacing_Mark: 'Mn',
  Spacing_Mark: 'Mc',
  Enclosing_Mark: 'Me',
  Number: 'N',
  Decimal_Number: 'Nd',
  digit: 'Nd',
  Letter_Number: 'Nl',
  Other_Number: 'No',
  Punctuation: 'P',
  punct: 'P',
  Connector_Punctuation: 'Pc',
  Dash_Punctuation: 'Pd',
  Open_Punctuation: 'Ps',
  Close_Punctuation: 'Pe',
  Initial_Punctuation: 'Pi',
  Final_Punctuation: 'Pf',
  Other_Punctuation: 'Po',
  Symbol: 'S',
  Math_Symbol: 'Sm',
  Currency_Symbol: 'Sc',
  Modifier_Symbol: 'Sk',
  Other_Symbol: 'So',
  Separator: 'Z',
  Space_Separator: 'Zs',
  Line_Separator: 'Zl',
  Paragraph_Separator: 'Zp',
  Other: 'C',
  Control: 'Cc',
  cntrl: 'Cc',
  Format: 'Cf',
  Surrogate: 'Cs',
  Private_Use: 'Co',
  Unassigned: 'Cn',
};

class Refusal extends Error {
  constructor(readonly problem: PatternProblem) {
    super(problem.en);
  }
}

const LOOKAHEAD: PatternProblem = {
  en: 'lookahead ((?= or (?!) is not supported: it needs a backtracking matcher, whose time can grow exponentially with the value',
  zh: '不支持先行断言（(?= 或 (?!）：它需要回溯匹配，耗时可能随输入长度指数增长',
};
const LOOKBEHIND: PatternProblem = {
  en: 'lookbehind ((?<= or (?<!) is not supported: it needs a backtracking matcher, whose time can grow exponentially with the value',
  zh: '不支持后行断言（(?<= 或 (?<!）：它需要回溯匹配，耗时可能随输入长度指数增长',
};
const BACK_REFERENCE: PatternProblem = {
  en: 'back-references (\\1, \\k<name>) are not supported: they need a backtracking matcher, whose time can grow exponentially with the value',
  zh: '不支持反向引用（\\1、\\k<name>）：它需要回溯匹配，耗时可能随输入长度指数增长',
};

/** Reads the escape at `pattern[i] === '\\'`: its RE2 text and the index after it. */
function translateEscape(pattern: string, i: number, inClass: boolean): [string, number] {
  const e = pattern.charAt(i + 1);
  switch (e) {
    case 'u': {
      if (pattern.charAt(i + 2) === '{') {
        const close = pattern.indexOf('}', i + 3);
        return [hex(parseInt(pattern.slice(i + 3, close), 16)), close + 1];
      }
      let cp = parseInt(pattern.slice(i + 2, i + 6), 16);
      let end = i + 6;
      // Under the u flag a surrogate pair written as two escapes is one code point.
      const low = pattern.slice(end, end + 6);
      if (cp >= 0xd800 && cp <= 0xdbff && /^\\u[dD][c-fC-F][0-9A-Fa-f]{2}$/.test(low)) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (parseInt(low.slice(2), 16) - 0xdc00);
        end += 6;
      }
      return [hex(cp), end];
    }
    case 'x':
      return [hex(parseInt(pattern.slice(i + 2, i + 4), 16)), i + 4];
    case 'c':
      return [hex(pattern.charCodeAt(i + 2) % 32), i + 3];
    case '0':
      return ['\\x{0}', i + 2];
    case 'k':
      throw new Refusal(BACK_REFERENCE);
    case 's':
      return [inClass ? WHITE_SPACE_ITEMS : `[${WHITE_SPACE_ITEMS}]`, i + 2];
    case 'S':
      return [inClass ? NOT_WHITE_SPACE_ITEMS : `[^${WHITE_SPACE_ITEMS}]`, i + 2];
    case 'b':
      return [inClass ? hex(8) : '\\b', i + 2];
    case 'p':
    case 'P': {
      const close = pattern.indexOf('}', i + 3);
      const [name, value] = pattern.slice(i + 3, close).split('=');
      let category = name ?? '';
      if (value !== undefined) {
        // Script=Han is RE2's \p{Han}; a general category is named by itself in RE2.
        if (name === 'Script' || name === 'sc' || name === 'General_Category' || name === 'gc') category = value;
        else return [pattern.slice(i, close + 1), close + 1]; // RE2 refuses it: Script_Extensions, …
      }
      return [`\\${e}{${GENERAL_CATEGORIES[category] ?? category}}`, close + 1];
    }
    default:
      if (/[1-9]/.test(e)) throw new Refusal(BACK_REFERENCE);
      // \d \D \w \W \B \t \n \v \f \r and escaped syntax characters mean the same in RE2.
      return [`\\${e}`, i + 2];
  }
}

/** The ECMAScript pattern (known to compile with the u flag) in RE2 syntax. */
function toRe2Syntax(pattern: string): string {
  let out = '';
  let inClass = false;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern.charAt(i);
    if (c === '\\') {
      const [text, next] = translateEscape(pattern, i, inClass);
      out += text;
      i = next;
    } else if (inClass) {
      if (c === ']') inClass = false;
      // Literal in an ECMAScript class; RE2 would read `[:alpha:]` as a POSIX class.
      out += c === '[' ? '\\[' : c;
      i++;
    } else if (c === '[') {
      // ECMAScript's `[]` matches nothing and `[^]` anything; RE2 has neither.
      if (pattern.startsWith('[]', i)) {
        out += `[^${EVERYTHING}]`;
        i += 2;
      } else if (pattern.startsWith('[^]', i)) {
        out += `[${EVERYTHING}]`;
        i += 3;
      } else {
        inClass = true;
        const negated = pattern.charAt(i + 1) === '^';
        out += negated ? '[^' : '[';
        i += negated ? 2 : 1;
      }
    } else if (c === '(' && pattern.charAt(i + 1) === '?') {
      if (pattern.startsWith('(?=', i) || pattern.startsWith('(?!', i)) throw new Refusal(LOOKAHEAD);
      if (pattern.startsWith('(?<=', i) || pattern.startsWith('(?<!', i)) throw new Refusal(LOOKBEHIND);
      out += '(?';
      i += 2;
    } else if (c === '.') {
      out += DOT;
      i++;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function compileLinear(pattern: string): RE2JS {
  try {
    new RegExp(pattern, 'u'); // the syntax check only: this RegExp never runs
  } catch {
    throw new Refusal({
      en: 'it is not an ECMAScript regular expression (u flag)',
      zh: '它不是 ECMAScript 正则表达式（u 标志）',
    });
  }
  const source = toRe2Syntax(pattern);
  try {
    return RE2JS.compile(source);
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
    const hint = /invalid repeat count/.test(reason) ? ' (a repetition count is at most 1000)' : '';
    throw new Refusal({
      en: `the linear-time matcher cannot run it: ${reason}${hint}`,
      zh: `线性时间匹配引擎无法执行它：${reason}${hint ? '（重复次数最多 1000）' : ''}`,
    });
  }
}

/** How a text field's pattern is anchored for validation: the whole value must match. */
export function anchoredFieldPattern(pattern: string): string {
  return `^(?:${pattern})$`;
}

/**
 * Why the pattern of a text field cannot be used, or null when it can. It must compile alone and
 * as the validator anchors it (`a)(b` is only valid once wrapped).
 */
export function fieldPatternProblem(pattern: string): PatternProblem | null {
  try {
    compileLinear(pattern);
    compileLinear(anchoredFieldPattern(pattern));
    return null;
  } catch (error) {
    if (error instanceof Refusal) return error.problem;
    throw error;
  }
}

/** What Ajv's `pattern` keyword calls `test` on. */
export interface LinearRegExp {
  test(text: string): boolean;
  /** `/pattern/flags`: Ajv keys its pattern scope by it, so distinct patterns must differ. */
  toString(): string;
}

/**
 * Ajv's `code.regExp` (a `RegExpEngine`): compiles a schema pattern with RE2. `code` is how a
 * standalone validator module reaches it: through its `runtime` parameter. Throws on a pattern RE2
 * cannot run; entity validation refuses those on save and publish.
 */
export const linearRegExp = Object.assign(
  (pattern: string, flags: string): LinearRegExp => {
    // Ajv passes "u" (its unicodeRegExp default): the syntax this engine reads. Other flags would change the meaning.
    if (flags !== 'u' && flags !== '') throw new Error(`linearRegExp: unsupported flags "${flags}"`);
    let re: RE2JS;
    try {
      re = compileLinear(pattern);
    } catch (error) {
      if (error instanceof Refusal)
        throw new Error(`The pattern ${JSON.stringify(pattern)} cannot be used: ${error.problem.en}`, { cause: error });
      throw error;
    }
    return {
      test: (text: string) => re.test(text),
      toString: () => `/${pattern}/${flags}`,
    };
  },
  { code: 'runtime.regExp' },
);
