/**
 * XPath/XML Schema regular expressions (as `matches`, `replace` and `split` use them) translated to
 * JavaScript RegExp with the `u` flag. Flags: `s` (dot matches newlines), `m` (multi-line anchors),
 * `i` (case-insensitive), `x` (whitespace in the pattern ignored outside classes), `q` (literal).
 * Block escapes (`\p{IsBasicLatin}`) and class subtraction (`[a-z-[aeiou]]`) are refused.
 */

export const MAX_PATTERN_LENGTH = 1000;

const CLASS_ESCAPE_IN: Readonly<Record<string, string>> = {
  d: '\\p{Nd}',
  D: '\\P{Nd}',
  s: '\\t\\n\\r ',
  w: '\\p{L}\\p{M}\\p{N}\\p{S}',
  W: '\\p{P}\\p{Z}\\p{C}',
  i: '\\p{L}_:',
  c: '\\p{L}\\p{M}\\p{N}._:\\-\\u00B7',
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
  c: '[\\p{L}\\p{M}\\p{N}._:\\-\\u00B7]',
  C: '[^\\p{L}\\p{M}\\p{N}._:\\-\\u00B7]',
};

const SINGLE_ESCAPES = new Set(['n', 'r', 't', '\\', '|', '.', '?', '*', '+', '(', ')', '{', '}', '-', '[', ']', '^', '$']);

function escapeLiteral(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** Translates an XPath pattern to JS source, or returns an error message. */
export function translatePattern(pattern: string, extended: boolean): { source: string } | { error: string } {
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
        out += `\\${e}`;
        i += 2;
        continue;
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
    out += c;
    i++;
  }
  if (inClass) return { error: 'unterminated character class' };
  return { source: out };
}

const cache = new Map<string, RegExp | string>();

/**
 * A RegExp for an XPath pattern and flags (`global` for replace/split), or an error message.
 * Compiled patterns are cached; a global RegExp's lastIndex must be reset by the caller.
 */
export function compileRegex(pattern: string, flags: string, global: boolean): RegExp | string {
  const key = `${global ? 'g' : '-'}${flags}\u0000${pattern}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const result = build(pattern, flags, global);
  if (cache.size > 500) cache.clear();
  cache.set(key, result);
  return result;
}

function build(pattern: string, flags: string, global: boolean): RegExp | string {
  if (pattern.length > MAX_PATTERN_LENGTH) return `the pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  let js = 'u';
  let extended = false;
  let literal = false;
  for (const f of flags) {
    if (f === 's' || f === 'm' || f === 'i') {
      if (!js.includes(f)) js += f;
    } else if (f === 'x') extended = true;
    else if (f === 'q') literal = true;
    else return `unknown regular expression flag '${f}'`;
  }
  if (global) js += 'g';
  let source: string;
  if (literal) source = escapeLiteral(pattern);
  else {
    const translated = translatePattern(pattern, extended);
    if ('error' in translated) return translated.error;
    source = translated.source;
  }
  try {
    return new RegExp(source, js);
  } catch (e) {
    return e instanceof Error ? e.message : 'invalid regular expression';
  }
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

/** Number of capturing groups of a RegExp. */
export function groupCount(re: RegExp): number {
  const m = new RegExp(`${re.source}|`, re.flags.replace('g', '')).exec('');
  return m === null ? 0 : m.length - 1;
}

/** Replaces every match of a global RegExp with the parsed replacement. */
export function replaceAll(input: string, re: RegExp, parts: readonly ReplacementPart[]): string {
  let out = '';
  let last = 0;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(input)) !== null) {
    out += input.slice(last, m.index);
    for (const p of parts) out += typeof p === 'string' ? p : (m[p] ?? '');
    last = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex++;
  }
  re.lastIndex = 0;
  return out + input.slice(last);
}

/** Splits a string around the matches of a global RegExp (XPath tokenize). */
export function tokenize(input: string, re: RegExp): string[] {
  if (input === '') return [];
  const out: string[] = [];
  let last = 0;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(input)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push(input.slice(last, m.index));
    last = m.index + m[0].length;
  }
  re.lastIndex = 0;
  out.push(input.slice(last));
  return out;
}
