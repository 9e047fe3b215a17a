import type { ApiClient } from '@bankforge/client';
import type { LocalizedText } from '@bankforge/form-engine/react';

/** One entity page of an app's menu, as `GET /api/runtime/apps` lists it. */
export interface RuntimeMenuItem {
  entity: string;
  label: LocalizedText;
  pluralLabel: LocalizedText;
}

/** A published app with the entity pages the signed-in user may read. */
export interface RuntimeApp {
  key: string;
  label: LocalizedText;
  menu: RuntimeMenuItem[];
}

export function fetchRuntimeApps(api: ApiClient): Promise<RuntimeApp[]> {
  return api.request<RuntimeApp[]>('GET', '/runtime/apps');
}

/** The app a path names, if the user has it. */
export function findApp(apps: readonly RuntimeApp[], key: string | undefined): RuntimeApp | undefined {
  return key === undefined ? undefined : apps.find((app) => app.key === key);
}
