import type { AppDocument, ArtifactKind } from '@bankforge/client';

/** What an app can hold: every kind but another app. */
export type AppContentKind = Exclude<ArtifactKind, 'app'>;
export type AppContent = AppDocument['artifacts'][number];

/** The kinds an app holds, in the order the designer offers them; entities are its menu pages. */
export const APP_CONTENT_KINDS: readonly AppContentKind[] = ['entity', 'form', 'report', 'decision', 'flow'];

export function hasContent(app: AppDocument, content: AppContent): boolean {
  return app.artifacts.some((a) => a.kind === content.kind && a.key === content.key);
}

/** Adds an artifact at the end (its page goes last in the menu); one already there is left where it is. */
export function addContent(app: AppDocument, content: AppContent): AppDocument {
  return hasContent(app, content) ? app : { ...app, artifacts: [...app.artifacts, { kind: content.kind, key: content.key }] };
}

/**
 * Removes an artifact. An entity page leaves the roles' landings with it: a role that opened on it
 * opens on the app's first page again, and its menu no longer names it (the server refuses a landing
 * on a page the app lacks).
 */
export function removeContent(app: AppDocument, index: number): AppDocument {
  const removed = app.artifacts[index];
  const artifacts = app.artifacts.filter((_, i) => i !== index);
  if (removed?.kind !== 'entity' || app.landing === undefined) return { ...app, artifacts };
  const landing = app.landing
    .filter((entry) => !('entity' in entry && entry.entity === removed.key))
    .map((entry) => (entry.menu?.includes(removed.key) ? { ...entry, menu: entry.menu.filter((key) => key !== removed.key) } : entry));
  return { ...app, artifacts, landing };
}

/** Moves an artifact one place up (-1) or down (+1); at either end nothing changes. */
export function moveContent(app: AppDocument, index: number, delta: -1 | 1): AppDocument {
  const target = index + delta;
  if (index < 0 || index >= app.artifacts.length || target < 0 || target >= app.artifacts.length) return app;
  const artifacts = [...app.artifacts];
  [artifacts[index], artifacts[target]] = [artifacts[target]!, artifacts[index]!];
  return { ...app, artifacts };
}

export function withLabel(app: AppDocument, language: 'en' | 'zh-CN', value: string): AppDocument {
  return { ...app, label: { en: app.label?.en ?? app.title, 'zh-CN': app.label?.['zh-CN'] ?? app.title, [language]: value } };
}
