/** The few DOM helpers the BPMN importer needs (namespace-aware, over @xmldom/xmldom). */
import { DOMParser, type Element } from '@xmldom/xmldom';

export type { Element };

/** Parses XML; throws with the parser's first error when it is not well-formed. */
export function parseXmlDocument(text: string): Element {
  const errors: string[] = [];
  let root: Element | null;
  try {
    root = new DOMParser({ onError: (level, message) => void (level === 'warning' ? undefined : errors.push(message)) }).parseFromString(text, 'text/xml').documentElement;
  } catch (e) {
    throw new Error(`not well-formed XML: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  if (errors.length > 0 || root === null) throw new Error(`not well-formed XML: ${errors[0] ?? 'no root element'}`);
  return root;
}

/** Element children, optionally only those in `ns` (and with `local` name). */
export function elementsOf(parent: Element, ns?: string, local?: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n !== null; n = n.nextSibling) {
    if (n.nodeType !== 1) continue;
    const el = n as Element;
    if (ns !== undefined && el.namespaceURI !== ns) continue;
    if (local !== undefined && el.localName !== local) continue;
    out.push(el);
  }
  return out;
}

/** All descendants in `ns` with the `local` name. */
export function descendants(root: Element, ns: string, local: string): Element[] {
  const list = root.getElementsByTagNameNS(ns, local);
  const out: Element[] = [];
  for (let i = 0; i < list.length; i++) {
    const el = list.item(i);
    if (el !== null) out.push(el);
  }
  return out;
}

export function attribute(el: Element, name: string): string | undefined {
  return el.hasAttribute(name) ? (el.getAttribute(name) ?? undefined) : undefined;
}

export function textContent(el: Element | undefined): string {
  return (el?.textContent ?? '').trim();
}
