/**
 * A small XML writer for the DMN exporter: elements indented two spaces a level, attributes in
 * the order given, and text written exactly (escaped so that a parser reads back the same
 * characters: carriage returns and, in attributes, tabs and newlines as character references).
 */
import { XmlError } from './xml.js';

export type Attributes = readonly (readonly [string, string | undefined])[];

/** Characters XML 1.0 can carry: tab, newline, carriage return, and from space on (no lone surrogates). */
const INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function checked(value: string): string {
  const bad = INVALID.exec(value);
  if (bad !== null) {
    const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    throw new XmlError(`U+${code} cannot be written in XML 1.0 (in ${JSON.stringify(value.slice(0, 40))}).`);
  }
  return value;
}

export function escapeText(value: string): string {
  return checked(value).replace(/[&<>\r]/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&#13;',
  );
}

function escapeAttribute(value: string): string {
  return checked(value).replace(/[&<>"\t\n\r]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return `&#${c.charCodeAt(0)};`;
    }
  });
}

export class XmlWriter {
  private readonly lines: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  private readonly open: string[] = [];

  private start(name: string, attributes: Attributes): string {
    const written = attributes
      .filter((a): a is readonly [string, string] => a[1] !== undefined)
      .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
      .join('');
    return `${'  '.repeat(this.open.length)}<${name}${written}`;
  }

  /** Opens an element; `close` ends it. */
  element(name: string, attributes: Attributes = []): this {
    this.lines.push(`${this.start(name, attributes)}>`);
    this.open.push(name);
    return this;
  }

  close(): this {
    const name = this.open.pop();
    if (name === undefined) throw new Error('XmlWriter: nothing to close.');
    this.lines.push(`${'  '.repeat(this.open.length)}</${name}>`);
    return this;
  }

  /** An element without children. */
  empty(name: string, attributes: Attributes = []): this {
    this.lines.push(`${this.start(name, attributes)}/>`);
    return this;
  }

  /** An element holding exactly this text. */
  text(name: string, text: string, attributes: Attributes = []): this {
    this.lines.push(`${this.start(name, attributes)}>${escapeText(text)}</${name}>`);
    return this;
  }

  /** An element holding one `<text>` child (DMN's way of holding FEEL). */
  feel(name: string, text: string, attributes: Attributes = []): this {
    this.lines.push(`${this.start(name, attributes)}><text>${escapeText(text)}</text></${name}>`);
    return this;
  }

  toString(): string {
    if (this.open.length > 0)
      throw new Error(`XmlWriter: <${this.open[this.open.length - 1]}> is not closed.`);
    return `${this.lines.join('\n')}\n`;
  }
}
