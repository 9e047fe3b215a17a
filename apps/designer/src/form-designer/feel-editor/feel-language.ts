/** FEEL for Monaco: a Monarch tokenizer, bracket and comment rules (data only; Monaco loads lazily). */
import type { languages } from 'monaco-editor/editor/editor.api';

export const FEEL_LANGUAGE_ID = 'feel';

export const feelMonarch: languages.IMonarchLanguage = {
  defaultToken: '',
  keywords: ['if', 'then', 'else', 'for', 'in', 'return', 'some', 'every', 'satisfies', 'and', 'or', 'not', 'instance', 'of', 'between', 'null', 'true', 'false', 'function'],
  operators: ['=', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '**', '..'],
  symbols: /[=><!+\-*/.]+/,
  tokenizer: {
    root: [
      [/\/\/.*$/, 'comment'],
      [/\/\*/, 'comment', '@comment'],
      // Date-time literals: @"2024-01-31", @"P1Y" (DMN 1.3+).
      [/@"/, 'date', '@temporal'],
      [/"/, 'string', '@string'],
      [/\d+(\.\d+)?|\.\d+/, 'number'],
      [/[a-zA-Z_?][\w?]*/, { cases: { '@keywords': 'keyword', '@default': 'identifier' } }],
      [/[()[\]{},:]/, 'delimiter'],
      [/@symbols/, { cases: { '@operators': 'operator', '@default': '' } }],
      [/\s+/, 'white'],
    ],
    comment: [
      [/[^*/]+/, 'comment'],
      [/\*\//, 'comment', '@pop'],
      [/[*/]/, 'comment'],
    ],
    string: [
      [/[^\\"]+/, 'string'],
      [/\\./, 'string.escape'],
      [/"/, 'string', '@pop'],
    ],
    temporal: [
      [/[^"]+/, 'date'],
      [/"/, 'date', '@pop'],
    ],
  },
};

export const feelLanguageConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: '//', blockComment: ['/*', '*/'] },
  brackets: [
    ['(', ')'],
    ['[', ']'],
    ['{', '}'],
  ],
};
