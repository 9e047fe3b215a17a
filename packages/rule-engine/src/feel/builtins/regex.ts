/**
 * XPath/XML Schema regular expressions (as `matches`, `replace` and `split` use them), run by
 * RE2JS, a pure-JavaScript port of RE2: matching takes time linear in the input, whatever the
 * pattern, so a pattern such as `^(a+)+$` cannot stall the server (a backtracking engine takes
 * time doubling with every character). Constructs that need backtracking are refused with a
 * clear message rather than run another way: back-references (`\1`) and every `(?` group but
 * `(?:` (lookaround). Block escapes (`\p{IsBasicLatin}`) and class subtraction (`[a-z-[aeiou]]`)
 * are refused too.
 *
 * Flags keep their XPath meaning: `s` (dot matches every character; without it, not `\n` nor
 * `\r`), `m` (`^`/`$` at line starts and ends, lines ending at `\n`), `i` (case-insensitive),
 * `x` (whitespace in the pattern ignored outside character classes), `q` (the pattern is literal).
 */
import { RE2JS } from 're2js';

export const MAX_PATTERN_LENGTH = 1000;

const CLASS_ESCAPE_IN: Readonly<Record<string, string>> = {
  d: '\\p{Nd}',
  D: '\\P{Nd}',
  s: '\\t\\n\\r ',
  w: '\\p{L}\\p{M}\\p{N}\\p{S}',
  W: '\\p{P}\\p{Z}\\p{C}',
  i: '\\p{L}_:',
  c: '\\p{L}\\p{M}\\p{N}._:\\-\\x{00B7}',
};

const CLASS_ESCAPE_OUT: Readonly<Record<string, string>> = {
  d: '\\p{Nd}',
  D: '\\P{Nd}',
  s: '[\\t\\n\\r ]',
  S: '[^\\t\\n\\r ]',
  w: '[\\p{L}\\p{M}\\p{N}\\p{S}]',
  W: '[\\p{P}\\p{Z}\\p{C}]',
  i: '[\\p{L}_:]',
  I: '[^\\p{L}_:]',
  c: '[\\p{L}\\p{M}\\p{N}._:\\-\\x{00B7}]',
  C: '[^\\p{L}\\p{M}\\p{N}._:\\-\\x{00B7}]',
};

const SINGLE_ESCAPES = new Set(['n', 'r', 't', '\\', '|', '.', '?', '*', '+', '(', ')', '{', '}', '-', '[', ']', '^', '$']);

/** XPath's `.` without the `s` flag: any character but a line feed or a carriage return. */
const DOT_NOT_NEWLINE = '[^\\n\\r]';

/** Translates an XPath pattern to RE2 syntax, or returns an error message. */
export function translatePattern(pattern: string, extended: boolean, dotAll = false): { source: string } | { error: string } {
  let out = '';
  let inClass = false;
  let i = 0;
  while (i < pattern.length) {
    const c = pattern.charAt(i);
    if (extended && !inClass && (c === ' ' || c === '\t' || c === '\n' || c === '\r')) {
      i++;
      continue;
    }
    if (c === '\\') {
      const e = pattern.charAt(i + 1);
      if (e === '') return { error: 'the pattern ends with a lone backslash' };
      if (e === 'p' || e === 'P') {
        const close = pattern.indexOf('}', i);
        if (pattern.charAt(i + 2) !== '{' || close < 0) return { error: `bad category escape at ${i}` };
        const name = pattern.slice(i + 3, close);
        if (name.startsWith('Is')) return { error: `block escapes (\\p{${name}}) are not supported` };
        out += pattern.slice(i, close + 1);
        i = close + 1;
        continue;
      }
      if (/[0-9]/.test(e)) {
        if (inClass) return { error: 'back-references are not allowed in a character class' };
        return { error: `back-references (\\${e}) are not supported: they need a backtracking matcher, whose time can grow exponentially with the input` };
      }
      const classEscape = inClass ? CLASS_ESCAPE_IN[e] : CLASS_ESCAPE_OUT[e];
      if (classEscape !== undefined) {
        out += classEscape;
        i += 2;
        continue;
      }
      if (inClass && (e === 'S' || e === 'I' || e === 'C')) return { error: `\\${e} inside a character class is not supported` };
      if (!SINGLE_ESCAPES.has(e)) return { error: `unknown escape \\${e}` };
      out += e === '-' && !inClass ? '-' : `\\${e}`;
      i += 2;
      continue;
    }
    if (inClass) {
      if (c === '[') {
        if (pattern.charAt(i - 1) === '-') return { error: 'character class subtraction is not supported' };
        return { error: "'[' inside a character class must be escaped" };
      }
      if (c === ']') inClass = false;
      out += c;
      i++;
      continue;
    }
    if (c === '(' && pattern.charAt(i + 1) === '?') {
      if (pattern.charAt(i + 2) !== ':') return { error: lookaroundError(pattern.slice(i, i + 4)) };
      out += '(?:';
      i += 3;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      i++;
      if (pattern.charAt(i) === '^') {
        out += '^';
        i++;
      }
      continue;
    }
    out += c === '.' && !dotAll ? DOT_NOT_NEWLINE : c;
    i++;
  }
  if (inClass) return { error: 'unterminated character class' };
  return { source: out };
}

function lookaroundError(start: string): string {
  if (start.startsWith('(?=') || start.startsWith('(?!')) return `lookahead (${start.slice(0, 3)}) is not supported: it needs a backtracking matcher`;
  if (start.startsWith('(?<=') || start.startsWith('(?<!')) return `lookbehind (${start}) is not supported: it needs a backtracking matcher`;
  return `'(?' groups other than (?: are not supported (found ${start.slice(0, 3)})`;
}

/** A compiled pattern: the RE2 program and its number of capturing groups. */
export interface Regex {
  readonly re: RE2JS;
  readonly groups: number;
  /** Step cost per input character (1, more for large programs, whose matching does more per character). */
  readonly costPerChar: number;
}

const cache = new Map<string, Regex | string>();

/** A pattern and flags compiled for RE2, or an error message. Compiled patterns are cached. */
export function compileRegex(pattern: string, flags: string): Regex | string {
  const key = `${flags}\u0000${pattern}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const result = build(pattern, flags);
  if (cache.size > 500) cache.clear();
  cache.set(key, result);
  return result;
}

function build(pattern: string, flags: string): Regex | string {
  if (pattern.length > MAX_PATTERN_LENGTH) return `the pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  let re2Flags = 0;
  let extended = false;
  let literal = false;
  let dotAll = false;
  for (const f of flags) {
    if (f === 's') {
      re2Flags |= RE2JS.DOTALL;
      dotAll = true;
    } else if (f === 'm') re2Flags |= RE2JS.MULTILINE;
    else if (f === 'i') re2Flags |= RE2JS.CASE_INSENSITIVE;
    else if (f === 'x') extended = true;
    else if (f === 'q') literal = true;
    else return `unknown regular expression flag '${f}'`;
  }
  let source: string;
  if (literal) source = RE2JS.quote(pattern);
  else {
    const translated = translatePattern(pattern, extended, dotAll);
    if ('error' in translated) return translated.error;
    source = translated.source;
  }
  try {
    const re = RE2JS.compile(source, re2Flags);
    return { re, groups: re.groupCount(), costPerChar: 1 + Math.floor(re.programSize() / 128) };
  } catch (e) {
    const message = e instanceof Error ? e.message.replace(/^error parsing regexp: /, '') : 'invalid regular expression';
    return /invalid repeat count/.test(message) ? `${message} (a repetition count is at most 1000)` : message;
  }
}

/** Why the pattern cannot be used (with these flags), or null when it compiles. */
export function patternProblem(pattern: string, flags = ''): string | null {
  const result = compileRegex(pattern, flags);
  return typeof result === 'string' ? result : null;
}

/** The steps a search over `input` costs: linear in its length, more for large programs. */
export function searchCost(regex: Regex, input: string): number {
  return 1 + input.length * regex.costPerChar;
}

/** True when the pattern matches somewhere in the input. */
export function test(regex: Regex, input: string): boolean {
  return regex.re.test(input);
}

/** True when the pattern matches the empty string (`replace` and `split` refuse such patterns). */
export function matchesEmpty(regex: Regex): boolean {
  return regex.re.test('');
}

type ReplacementPart = string | number;

/** Parses an XPath replacement string (`$1`, `\$`, `\\`); null when it is invalid. */
export function parseReplacement(replacement: string, groups: number, literal: boolean): ReplacementPart[] | null {
  if (literal) return [replacement];
  const parts: ReplacementPart[] = [];
  let text = '';
  let i = 0;
  while (i < replacement.length) {
    const c = replacement.charAt(i);
    if (c === '\\') {
      const e = replacement.charAt(i + 1);
      if (e !== '\\' && e !== '$') return null;
      text += e;
      i += 2;
    } else if (c === '$') {
      let j = i + 1;
      if (!/[0-9]/.test(replacement.charAt(j))) return null;
      let n = Number(replacement.charAt(j));
      j++;
      while (j < replacement.length && /[0-9]/.test(replacement.charAt(j)) && n * 10 + Number(replacement.charAt(j)) <= groups) {
        n = n * 10 + Number(replacement.charAt(j));
        j++;
      }
      if (text !== '') parts.push(text);
      text = '';
      parts.push(n);
      i = j;
    } else {
      text += c;
      i++;
    }
  }
  if (text !== '') parts.push(text);
  return parts;
}

/** After each search: steps for the characters it moved past (at least one), and a look at the clock. */
type Pace = (consumed: number) => void;

/** Past an empty match at `at`: the next code point (a surrogate pair is one character). */
function afterEmpty(input: string, at: number): number {
  const code = input.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff && at + 1 < input.length ? at + 2 : at + 1;
}

/** Replaces every match with the parsed replacement. */
export function replaceAll(input: string, regex: Regex, parts: readonly ReplacementPart[], pace: Pace): string {
  let out = '';
  let last = 0;
  const m = regex.re.matcher(input);
  let from = 0;
  while (from <= input.length && m.find(from)) {
    const start = m.start();
    const end = m.end();
    out += input.slice(last, start);
    for (const p of parts) out += typeof p === 'string' ? p : p <= regex.groups ? (m.group(p) ?? '') : '';
    last = end;
    const next = end === start ? afterEmpty(input, end) : end;
    pace(next - from);
    from = next;
  }
  return out + input.slice(last);
}

/** Splits a string around the matches (XPath tokenize). */
export function tokenize(input: string, regex: Regex, pace: Pace): string[] {
  if (input === '') return [];
  const out: string[] = [];
  let last = 0;
  const m = regex.re.matcher(input);
  let from = 0;
  while (from <= input.length && m.find(from)) {
    const start = m.start();
    const end = m.end();
    const next = end === start ? afterEmpty(input, end) : end;
    pace(next - from);
    from = next;
    if (end === start) continue;
    out.push(input.slice(last, start));
    last = end;
  }
  out.push(input.slice(last));
  return out;
}
