/**
 * FEEL tokenizer. Produces a flat token array; names made of several words or containing
 * special characters (`Monthly Salary`, `Applicant's age`, `date and time`) are merged later by
 * the parser, which knows which multi-word names are in scope.
 */
import type { FeelDiagnostic } from '../api.js';

export type TokenKind = 'name' | 'number' | 'string' | 'temporal' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  /** The source text (for strings and temporal literals: the decoded value). */
  text: string;
  start: number;
  end: number;
}

/** Punctuation, longest first so that `**`, `..`, `<=`, `!=`, `->` win over their prefixes. */
const PUNCTUATION = ['**', '..', '<=', '>=', '!=', '->', '+', '-', '*', '/', '<', '>', '=', '(', ')', '[', ']', '{', '}', ',', ':', '.', "'", '@'];

const NAME_START = /[\p{L}_?$]/u;
const NAME_PART = /[\p{L}\p{N}\p{Mn}\p{Mc}_$\u00B7\u203F-\u2040]/u;

export function isNameStart(ch: string): boolean {
  return NAME_START.test(ch);
}

export function isNamePart(ch: string): boolean {
  return NAME_PART.test(ch);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** 1-based line and column of an offset. */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, source.length);
  for (let i = 0; i < end; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

export function diagnostic(source: string, offset: number, length: number, message: string): FeelDiagnostic {
  const { line, column } = lineColumn(source, offset);
  return { message, line, column, offset, length: Math.max(0, length) };
}

export interface LexResult {
  tokens: Token[];
  diagnostics: FeelDiagnostic[];
}

export function tokenize(source: string): LexResult {
  const tokens: Token[] = [];
  const diagnostics: FeelDiagnostic[] = [];
  const n = source.length;
  let i = 0;
  while (i < n) {
    const ch = source[i] as string;
    const code = source.charCodeAt(i);
    // whitespace
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    // comments
    if (ch === '/' && source[i + 1] === '/') {
      while (i < n && source[i] !== '\n') i++;
      continue;
    }
    if (ch === '/' && source[i + 1] === '*') {
      const close = source.indexOf('*/', i + 2);
      if (close < 0) {
        diagnostics.push(diagnostic(source, i, n - i, 'Unterminated comment: missing */'));
        i = n;
      } else i = close + 2;
      continue;
    }
    // numbers: digits [. digits] | . digits
    if (isDigit(code) || (ch === '.' && isDigit(source.charCodeAt(i + 1)))) {
      const start = i;
      while (i < n && isDigit(source.charCodeAt(i))) i++;
      if (source[i] === '.' && isDigit(source.charCodeAt(i + 1))) {
        i++;
        while (i < n && isDigit(source.charCodeAt(i))) i++;
      }
      // an exponent (1e3, 1.2E-4) is accepted as an extension
      if ((source[i] === 'e' || source[i] === 'E') && (isDigit(source.charCodeAt(i + 1)) || ((source[i + 1] === '-' || source[i + 1] === '+') && isDigit(source.charCodeAt(i + 2))))) {
        i += 2;
        while (i < n && isDigit(source.charCodeAt(i))) i++;
      }
      tokens.push({ kind: 'number', text: source.slice(start, i), start, end: i });
      continue;
    }
    // strings and temporal literals
    if (ch === '"' || (ch === '@' && source[i + 1] === '"')) {
      const start = i;
      const temporal = ch === '@';
      i += temporal ? 2 : 1;
      const decoded = readString(source, i, diagnostics);
      i = decoded.end;
      tokens.push({ kind: temporal ? 'temporal' : 'string', text: decoded.value, start, end: i });
      continue;
    }
    if (isNameStart(ch) || (code >= 0xd800 && code <= 0xdbff)) {
      const start = i;
      if (ch === '?') {
        i++;
      } else {
        i += ch.length;
        while (i < n) {
          const c = source.codePointAt(i) as number;
          const s = String.fromCodePoint(c);
          if (isNamePart(s) || s === '?') i += s.length;
          else break;
        }
      }
      tokens.push({ kind: 'name', text: source.slice(start, i), start, end: i });
      continue;
    }
    const punct = PUNCTUATION.find((p) => source.startsWith(p, i));
    if (punct !== undefined) {
      tokens.push({ kind: 'punct', text: punct, start: i, end: i + punct.length });
      i += punct.length;
      continue;
    }
    // unknown character: emit it so that a multi-word name may still contain it
    const cp = String.fromCodePoint(source.codePointAt(i) as number);
    tokens.push({ kind: 'punct', text: cp, start: i, end: i + cp.length });
    i += cp.length;
  }
  tokens.push({ kind: 'eof', text: '', start: n, end: n });
  return { tokens, diagnostics };
}

function readString(source: string, from: number, diagnostics: FeelDiagnostic[]): { value: string; end: number } {
  let out = '';
  let i = from;
  const n = source.length;
  while (i < n) {
    const ch = source[i] as string;
    if (ch === '"') return { value: out, end: i + 1 };
    if (ch === '\\') {
      const esc = source[i + 1];
      switch (esc) {
        case 'n':
          out += '\n';
          i += 2;
          continue;
        case 'r':
          out += '\r';
          i += 2;
          continue;
        case 't':
          out += '\t';
          i += 2;
          continue;
        case 'b':
          out += '\b';
          i += 2;
          continue;
        case 'f':
          out += '\f';
          i += 2;
          continue;
        case '"':
        case "'":
        case '\\':
          out += esc;
          i += 2;
          continue;
        case 'u':
        case 'U': {
          const digits = esc === 'u' ? 4 : 6;
          const hex = source.slice(i + 2, i + 2 + digits);
          if (hex.length === digits && /^[0-9a-fA-F]+$/.test(hex)) {
            const cp = parseInt(hex, 16);
            if (cp <= 0x10ffff) {
              out += esc === 'u' ? String.fromCharCode(cp) : String.fromCodePoint(cp);
              i += 2 + digits;
              continue;
            }
          }
          // Not a code point: kept as written, like any other unknown escape.
          out += `\\${esc}`;
          i += 2;
          continue;
        }
        default:
          if (esc === undefined) {
            out += '\\';
            i += 1;
            continue;
          }
          // An unknown escape (`\d`, `\s`, `\w`, `\.`...) keeps its backslash: regular expressions
          // in `matches`, `replace` and `split` are written this way (DMN TCK 0067, 1109, 1111), and
          // every FEEL engine reads them so.
          out += `\\${esc}`;
          i += 2;
          continue;
      }
    }
    out += ch;
    i++;
  }
  const start = source.lastIndexOf('"', from - 1);
  diagnostics.push(diagnostic(source, start, n - start, 'Unterminated string: missing closing "'));
  return { value: out, end: n };
}
