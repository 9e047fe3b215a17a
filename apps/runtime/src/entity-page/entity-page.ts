import type { ApiClient, RuntimeEntityPage } from '@bankforge/client';

export function fetchEntityPage(api: ApiClient, entity: string): Promise<RuntimeEntityPage> {
  return api.request<RuntimeEntityPage>('GET', `/runtime/entities/${encodeURIComponent(entity)}`);
}
