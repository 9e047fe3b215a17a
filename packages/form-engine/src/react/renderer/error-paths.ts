import type { FieldError } from '@bankforge/data-model';

/** Whether `path` is `pointer` or lies inside it (`/balance/currency` lies inside `/balance`). */
export function isAtOrUnder(path: string, pointer: string): boolean {
  return path === pointer || path.startsWith(`${pointer}/`);
}

/** The errors at or inside a field's pointer. */
export function errorsAt(errors: readonly FieldError[], pointer: string): FieldError[] {
  return errors.filter((error) => isAtOrUnder(error.path, pointer));
}

/** One message per path and text: the server often repeats what the form already says. */
export function distinctErrors(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const id = `${error.path}\n${error.message}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * Where a path points once row `removed` of group `groupKey` is gone: later rows move up one,
 * the removed row's paths are null; other paths are unchanged.
 */
export function pathAfterRowRemoved(path: string, groupKey: string, removed: number): string | null {
  const prefix = `/${groupKey}/`;
  if (!path.startsWith(prefix)) return path;
  const rest = path.slice(prefix.length);
  const slash = rest.indexOf('/');
  const indexText = slash === -1 ? rest : rest.slice(0, slash);
  if (!/^\d+$/.test(indexText)) return path;
  const index = Number(indexText);
  if (index === removed) return null;
  if (index < removed) return path;
  return `${prefix}${index - 1}${slash === -1 ? '' : rest.slice(slash)}`;
}

/** The pointers `from` holds once row `removed` of group `groupKey` is gone. */
export function pointersAfterRowRemoved(from: ReadonlySet<string>, groupKey: string, removed: number): Set<string> {
  const next = new Set<string>();
  for (const path of from) {
    const moved = pathAfterRowRemoved(path, groupKey, removed);
    if (moved !== null) next.add(moved);
  }
  return next;
}
