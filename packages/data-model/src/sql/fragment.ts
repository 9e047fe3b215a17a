/** A bound value: the only way data from an artifact, a parameter or a request reaches SQL (the engine binds no booleans itself; a caller's scope predicate may). */
export type SqlValue = string | number | boolean | null;

/** SQL text with `?` placeholders and their values, in order. */
export interface SqlFragment {
  readonly sql: string;
  readonly params: readonly SqlValue[];
}

function isFragment(value: unknown): value is SqlFragment {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as SqlFragment).sql === 'string' &&
    Array.isArray((value as SqlFragment).params)
  );
}

/**
 * Builds a fragment: interpolated fragments are spliced in, anything else becomes a bound `?`.
 * Identifiers therefore never come through here as plain strings; they arrive as `raw` output of
 * the dialect's quote function.
 */
export function sql(strings: TemplateStringsArray, ...parts: (SqlFragment | SqlValue)[]): SqlFragment {
  let text = strings[0] ?? '';
  const params: SqlValue[] = [];
  parts.forEach((part, i) => {
    if (isFragment(part)) {
      text += part.sql;
      params.push(...part.params);
    } else {
      text += '?';
      params.push(part);
    }
    text += strings[i + 1] ?? '';
  });
  return { sql: text, params };
}

/** Compiler-made SQL text (keywords, quoted identifiers, validated integers); never user text. */
export function raw(text: string): SqlFragment {
  return { sql: text, params: [] };
}

export function joinSql(parts: readonly SqlFragment[], separator: string): SqlFragment {
  return { sql: parts.map((p) => p.sql).join(separator), params: parts.flatMap((p) => p.params) };
}

export const TRUE_SQL: SqlFragment = raw('1=1');
export const FALSE_SQL: SqlFragment = raw('1=0');

/** ANDs predicates, dropping the always-true ones. */
export function andSql(parts: readonly SqlFragment[]): SqlFragment {
  const kept = parts.filter((p) => p !== TRUE_SQL);
  if (kept.length === 0) return TRUE_SQL;
  if (kept.length === 1) return kept[0]!;
  return joinSql(
    kept.map((p) => sql`(${p})`),
    ' AND ',
  );
}
