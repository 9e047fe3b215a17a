/** Namespace-aware XML helpers over @xmldom/xmldom (shared by the DMN importer and the TCK runner). */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';

export type { Element };

export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

const ELEMENT_NODE = 1;

/** Parses an XML text; throws XmlError when it is not well-formed. */
export function parseXml(text: string, what = 'XML'): Element {
  const errors: string[] = [];
  let root: Element | null;
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') errors.push(message);
      },
    }).parseFromString(text, 'text/xml');
    root = doc.documentElement;
  } catch (error) {
    throw new XmlError(`${what} is not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (errors.length > 0 || !root) throw new XmlError(`${what} is not well-formed XML: ${errors[0] ?? 'no root element'}`);
  return root;
}

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

/** Child elements (comments and text skipped), optionally only those with a local name. */
export function childElements(parent: Element, localName?: string): Element[] {
  const out: Element[] = [];
  const nodes = parent.childNodes;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes.item(i);
    if (node && isElement(node) && (localName === undefined || node.localName === localName)) out.push(node);
  }
  return out;
}

export function firstChild(parent: Element, localName: string): Element | undefined {
  return childElements(parent, localName)[0];
}

/** The attribute's value, or undefined when absent (no namespace). */
export function attr(element: Element, name: string): string | undefined {
  return element.hasAttribute(name) ? element.getAttribute(name) ?? undefined : undefined;
}

export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

export function attrNS(element: Element, namespace: string, localName: string): string | undefined {
  return element.hasAttributeNS(namespace, localName) ? element.getAttributeNS(namespace, localName) ?? undefined : undefined;
}

export function textOf(element: Element | undefined): string {
  return element?.textContent ?? '';
}

/** The text of the `<text>` child of an element (DMN's way of holding FEEL), or undefined. */
export function childText(parent: Element | undefined, localName = 'text'): string | undefined {
  if (!parent) return undefined;
  const child = firstChild(parent, localName);
  return child ? textOf(child) : undefined;
}

/** Resolves a QName value (`prefix:local`) against the element's in-scope namespaces. */
export function resolveQName(element: Element, qname: string): { namespace: string | null; local: string } {
  const colon = qname.indexOf(':');
  if (colon < 0) return { namespace: null, local: qname };
  const prefix = qname.slice(0, colon);
  if (!/^[A-Za-z_][\w.-]*$/.test(prefix)) return { namespace: null, local: qname };
  const namespace = element.lookupNamespaceURI(prefix);
  return namespace === null ? { namespace: null, local: qname } : { namespace, local: qname.slice(colon + 1) };
}
