import type { RuntimeEntityActions, RuntimeEntityPage } from '@bankforge/client';

/**
 * Whether the runtime offers an action on the entity's records: what the page model says the
 * reader's roles allow (the grants the server enforces). A page from an older server says
 * nothing and everything is offered: the server still refuses what the roles do not allow.
 */
export function offers(page: RuntimeEntityPage, action: keyof RuntimeEntityActions): boolean {
  return page.actions?.[action] ?? true;
}
