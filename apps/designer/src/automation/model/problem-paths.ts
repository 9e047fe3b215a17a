import type { ProblemFieldError } from '@bankforge/client';

/** Properties shown as one control per language or per part: the problem sits beside that part. */
const PARTS: Record<string, readonly string[]> = { label: ['en', 'zh-CN'], message: ['en', 'zh-CN'], match: ['field', 'value'] };

function segments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `match` + `['field']` -> `match.field`; a property without parts stops at itself (`values/segment` -> `values`). */
function control(prop: string, rest: readonly string[]): string {
  const part = rest[0];
  return part !== undefined && PARTS[prop]?.includes(part) ? `${prop}.${part}` : prop;
}

/**
 * The control a server problem is about, from its JSON Pointer: `label.en`, `trigger`,
 * `trigger.condition`, `trigger.match.value`, `actions`, `actions.2`, `actions.2.values`,
 * `actions.0.message.zh-CN`; `document` for anything else (shown at the top only).
 */
export function problemControl(pointer: string): string {
  const [head, ...rest] = segments(pointer);
  if (head === 'label') return control('label', rest);
  if (head === 'trigger') return rest.length === 0 ? 'trigger' : `trigger.${control(rest[0]!, rest.slice(1))}`;
  if (head === 'actions') {
    const [index, prop, ...sub] = rest;
    if (index === undefined || !/^\d+$/.test(index)) return 'actions';
    // An action's type and id have no field of their own: the card says what is wrong with them.
    return prop === undefined || prop === 'type' || prop === 'id' ? `actions.${index}` : `actions.${index}.${control(prop, sub)}`;
  }
  if (head === 'enabled') return 'enabled';
  return 'document';
}

/** The problems a control shows beside it. */
export function problemsAt(problems: readonly ProblemFieldError[], controlId: string): ProblemFieldError[] {
  return problems.filter((p) => problemControl(p.path) === controlId);
}

/** The action indices with a problem anywhere in them (their cards say so when collapsed). */
export function actionsWithProblems(problems: readonly ProblemFieldError[]): Set<number> {
  const found = new Set<number>();
  for (const p of problems) {
    const match = /^actions\.(\d+)/.exec(problemControl(p.path));
    if (match) found.add(Number(match[1]));
  }
  return found;
}

