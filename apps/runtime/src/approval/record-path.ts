import type { RuntimeApp } from '@bankforge/client';

/**
 * The record page of a case's record: under the app the reader is in when its menu has the
 * entity, else the first of their apps that has it; none when no app of theirs shows the entity.
 */
export function recordPath(apps: readonly RuntimeApp[], entity: string, recordId: string, preferApp?: string): string | undefined {
  const has = (app: RuntimeApp) => app.menu.some((item) => item.entity === entity);
  const app = apps.find((candidate) => candidate.key === preferApp && has(candidate)) ?? apps.find(has);
  return app === undefined ? undefined : `/${app.key}/${entity}/${encodeURIComponent(recordId)}`;
}
