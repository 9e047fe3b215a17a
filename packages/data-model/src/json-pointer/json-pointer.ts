/** JSON Pointer (RFC 6901) helpers for error paths. */

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `pointer('fields', 3, 'key')` → `/fields/3/key`. */
export function pointer(...tokens: Array<string | number>): string {
  return tokens.map((t) => `/${escapePointerToken(String(t))}`).join('');
}

/** The unescaped tokens of a pointer: `/a/0` → `['a', '0']`; `''` → `[]`. */
export function pointerTokens(path: string): string[] {
  return path === '' ? [] : path.slice(1).split('/').map(unescapePointerToken);
}

/** The value a pointer addresses, or undefined; follows own properties only. */
export function valueAt(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const token of pointerTokens(path)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
