/** JSON Pointers (RFC 6901) to the values the validator reports on. */

/** One reference token, escaped (`~` → `~0`, `/` → `~1`). */
export function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The pointer of a path: `jsonPointer('nodes', 3, 'id')` is `/nodes/3/id`. */
export function jsonPointer(...tokens: (string | number)[]): string {
  return tokens.map((t) => `/${escapeToken(String(t))}`).join('');
}
