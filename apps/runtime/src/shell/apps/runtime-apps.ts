import type { ApiClient, RuntimeApp } from '@bankforge/client';

export function fetchRuntimeApps(api: ApiClient): Promise<RuntimeApp[]> {
  return api.request<RuntimeApp[]>('GET', '/runtime/apps');
}

/** The app a path names, if the user has it. */
export function findApp(apps: readonly RuntimeApp[], key: string | undefined): RuntimeApp | undefined {
  return key === undefined ? undefined : apps.find((app) => app.key === key);
}
