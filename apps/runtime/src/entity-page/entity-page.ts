import type { ApiClient } from '@bankforge/client';
import type { EntityDefinition, FormDefinition } from '@bankforge/form-engine/react';

/** What `GET /api/runtime/entities/{entity}` answers: everything an entity's pages need to draw and check records. */
export interface RuntimeEntityPage {
  /** The latest published version of the entity. */
  entity: EntityDefinition;
  /** The entity's default form; null when none is published (the page generates one). */
  form: FormDefinition | null;
  /** The entities of the form's repeating groups, by key. */
  related: Record<string, EntityDefinition>;
  /** Per entity key, the URL of its record validator: a same-origin ES module (no eval). */
  validators: Record<string, string>;
}

export function fetchEntityPage(api: ApiClient, entity: string): Promise<RuntimeEntityPage> {
  return api.request<RuntimeEntityPage>('GET', `/runtime/entities/${encodeURIComponent(entity)}`);
}
