import type { ApiClient } from '@bankforge/client';

/** Whether any form artifact (published or draft only) is bound to the entity, read from the forms' drafts. */
export async function entityHasForm(api: ApiClient, entity: string): Promise<boolean> {
  const forms = await api.listArtifacts('form');
  const drafts = await Promise.all(forms.map((form) => api.getDraft('form', form.key)));
  return drafts.some((draft) => draft.document['entity'] === entity);
}
