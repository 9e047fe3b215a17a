import type { RuntimeApp } from '@bankforge/client';

/**
 * Where an app opens for its reader: the page their role works from (the server's answer: an
 * entity page of the app, or the inbox, their cases or the audit log), else its first menu page.
 */
export function landingPath(app: RuntimeApp): string | undefined {
  const landing = app.landing;
  if (landing !== undefined && 'page' in landing) return `/${landing.page}`;
  const entity = landing?.entity ?? app.menu[0]?.entity;
  return entity === undefined ? undefined : `/${app.key}/${entity}`;
}
