import type { ArtifactKind } from '@bankforge/client';

/** The kinds in the order the list shows them. */
export const LISTED_KINDS: readonly ArtifactKind[] = ['entity', 'form', 'flow', 'decision', 'report', 'dashboard', 'automation', 'app'];

/** The kinds whose artifact has a name in both languages (`label`); a decision and a report have a title only. */
export const BILINGUAL_NAMED_KINDS: ReadonlySet<ArtifactKind> = new Set(['entity', 'form', 'flow', 'dashboard', 'automation', 'app']);

/** The kinds this designer can edit, and the route of each one's designer. */
const DESIGNER_ROUTES: Partial<Record<ArtifactKind, string>> = { entity: 'entity', form: 'form', flow: 'flow', app: 'app', decision: 'decision', report: 'report', dashboard: 'dashboard', automation: 'automation' };

export function designerPath(kind: ArtifactKind, key: string): string | null {
  const route = DESIGNER_ROUTES[kind];
  return route === undefined ? null : `/${route}/${encodeURIComponent(key)}`;
}

export function isListedKind(value: string | null): value is ArtifactKind {
  return LISTED_KINDS.includes(value as ArtifactKind);
}
