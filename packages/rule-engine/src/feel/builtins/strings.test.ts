/**
 * String functions with regular expressions (DMN 1.5, 10.3.4.3: `matches`, `replace`, `split`,
 * `string join`), written as FEEL text the way models write them: `"\d"` in a FEEL string is a
 * backslash and a `d`, which the XPath regular expression then reads.
 */
import { describe, expect, it } from 'vitest';
import { compileExpression } from '../compile.js';
import { valueToLiteral } from '../values/format.js';

const feel = (source: string): string => valueToLiteral(compileExpression(source).evaluate({}).value);
const warns = (source: string): string[] => compileExpression(source).evaluate({}).warnings.map((w) => w.message);

describe('split (fn:tokenize)', () => {
  it('splits at each match of a regular expression written in a FEEL string', () => {
    expect(feel(String.raw`split("John Doe", "\s")`)).toBe('["John", "Doe"]');
    expect(feel(String.raw`split("a1b22c", "\d+")`)).toBe('["a", "b", "c"]');
    expect(feel('split("a;b;c;;", ";")')).toBe('["a", "b", "c", "", ""]');
    expect(feel('split(";a", ";")')).toBe('["", "a"]');
    expect(feel('split("", ";")')).toBe('[]');
  });

  it('takes the XPath flags', () => {
    expect(feel('split("aXbxc", "x", "i")')).toBe('["a", "b", "c"]');
    expect(feel('split("a.b.c", ".", "q")')).toBe('["a", "b", "c"]');
    expect(feel('split("a b", " ", "x")')).toBe('null'); // with x, the pattern is empty: it matches ""
    expect(feel(String.raw`split(string: "a1b2c", delimiter: "\d", flags: "")`)).toBe('["a", "b", "c"]');
  });

  it('is null for null arguments, a bad pattern or flag, and a pattern matching the empty string', () => {
    expect(feel('split(null, ",")')).toBe('null');
    expect(feel('split("a", null)')).toBe('null');
    expect(feel('split("a b", "[")')).toBe('null');
    expect(feel('split("a b", " ", "g")')).toBe('null');
    expect(warns('split("abc", "x*")')[0]).toMatch(/empty string/);
  });
});

describe('replace (fn:replace)', () => {
  it('replaces every match, with $n groups and $0 for the whole match', () => {
    expect(feel('replace("abracadabra", "bra", "*")')).toBe('"a*cada*"');
    expect(feel('replace("abracadabra", "a.*a", "*")')).toBe('"*"');
    expect(feel('replace("abracadabra", "a.*?a", "*")')).toBe('"*c*bra"');
    expect(feel('replace("darted", "^(.*?)d(.*)$", "$1c$2")')).toBe('"carted"');
    expect(feel('replace("abcd", "(ab)|(a)", "[1=$1][2=$2]")')).toBe('"[1=ab][2=]cd"');
    expect(feel('replace("facetiously", "[iouy]", "[$0]")')).toBe('"facet[i][o][u]sl[y]"');
    expect(feel(String.raw`replace("0123456789", "(\d{3})(\d{3})(\d{4})", "($1) $2-$3")`)).toBe('"(012) 345-6789"');
    expect(feel(String.raw`replace("a$b", "\$", "\\$")`)).toBe(String.raw`"a$b"`);
  });

  it('reads the flags i, m, s, x and q as XPath does', () => {
    expect(feel('replace("abcABC", "b", "x", "i")')).toBe('"axcAxC"');
    expect(feel(String.raw`replace("line1\nline2", "^line", "L", "m")`)).toBe(String.raw`"L1\nL2"`);
    expect(feel(String.raw`replace("line1\nline2", "^line", "L")`)).toBe(String.raw`"L1\nline2"`);
    expect(feel(String.raw`replace("a\nb", "a.b", "X")`)).toBe(String.raw`"a\nb"`);
    expect(feel(String.raw`replace("a\nb", "a.b", "X", "s")`)).toBe('"X"');
    expect(feel('replace("a b c", "a b", "X", "x")')).toBe('"a b c"'); // x drops the pattern's spaces: "ab"
    expect(feel('replace("abc", "a b", "X", "x")')).toBe('"Xc"');
    expect(feel('replace("a.b.c", ".", "$1", "q")')).toBe('"a$1b$1c"'); // q: pattern and replacement literal
    expect(feel('replace("A.B", "a.b", "x", "iq")')).toBe('"x"');
  });

  it('is null for a pattern matching the empty string, an unknown flag or a bad replacement', () => {
    expect(feel('replace("abc", "", "x")')).toBe('null');
    expect(feel('replace("abc", "b", "x", "g")')).toBe('null');
    expect(feel('replace("abc", "b", "$")')).toBe('null');
    expect(feel('replace(null, "b", "x")')).toBe('null');
  });
});

describe('matches (fn:matches)', () => {
  it('finds the pattern anywhere unless anchored', () => {
    expect(feel('matches("abracadabra", "bra")')).toBe('true');
    expect(feel('matches("abracadabra", "^a.*a$")')).toBe('true');
    expect(feel('matches("abracadabra", "^bra")')).toBe('false');
    expect(feel(String.raw`matches("2024-01-31", "^\d{4}-\d{2}-\d{2}$")`)).toBe('true');
    expect(feel(String.raw`matches("a b", "\w\s\w")`)).toBe('true');
  });

  it('takes the flags', () => {
    expect(feel('matches("abc", "B", "i")')).toBe('true');
    expect(feel(String.raw`matches("a\nc", "a.c")`)).toBe('false');
    expect(feel(String.raw`matches("a\nc", "a.c", "s")`)).toBe('true');
    expect(feel(String.raw`matches("abc\ndef", "^def$")`)).toBe('false');
    expect(feel(String.raw`matches("abc\ndef", "^def$", "m")`)).toBe('true');
    expect(feel('matches("abc", "a b c", "x")')).toBe('true');
    expect(feel('matches("a.c", "a.c", "q")')).toBe('true');
    expect(feel('matches("abc", "a.c", "q")')).toBe('false');
    expect(feel('matches(input: "abc", pattern: "[A-Z]+", flags: "i")')).toBe('true');
  });

  it('is null for an invalid pattern or flag', () => {
    expect(feel('matches("abc", "(")')).toBe('null');
    expect(feel('matches("abc", "a", "z")')).toBe('null');
    expect(feel('matches(null, "a")')).toBe('null');
  });
});

describe('string join', () => {
  it('joins with or without a delimiter, skipping nulls', () => {
    expect(feel('string join(["a", "b", "c"], ", ")')).toBe('"a, b, c"');
    expect(feel('string join(["a", "b", "c"])')).toBe('"abc"');
    expect(feel('string join(["a", null, "c"], "-")')).toBe('"a-c"');
    expect(feel('string join(["a", "b"], null)')).toBe('"ab"');
    expect(feel('string join([], "x")')).toBe('""');
    expect(feel('string join([null], "x")')).toBe('""');
    expect(feel('string join(list: ["a", "b"], delimiter: "/")')).toBe('"a/b"');
  });

  it('is null when the list holds a non-string or is not a list', () => {
    expect(feel('string join(["a", 1], "x")')).toBe('null');
    expect(feel('string join(null)')).toBe('null');
    expect(feel('string join("a")')).toBe('null');
  });
});
