import type { AppLanding, RuntimeEntityActions, RuntimeLanding, RuntimeMenuItem } from '@bankforge/client';
import type { EntityAccess } from '../access/access-profile.js';

/** What the reader may do with an entity's records: an operation some role grants in some scope (each record is still checked against it). */
export function entityActions(access: EntityAccess): RuntimeEntityActions {
  const granted = (operation: keyof RuntimeEntityActions) => access.scope(operation) !== undefined;
  return { create: granted('create'), update: granted('update'), delete: granted('delete'), export: granted('export'), transfer: granted('transfer'), ...(granted('import') ? { import: true } : {}) };
}

/** What the start of an app depends on about its reader. */
export interface StartReader {
  roles: readonly string[];
  canReadAuditLog: boolean;
}

/**
 * Where an app opens for a reader and the order of its menu: the first landing entry naming one of
 * the reader's roles (the app lists them in priority order) puts the entity pages the role uses
 * first, in its order, then the rest in the app's; its landing applies when the reader can open it
 * (an entity page in their menu, the audit viewer only with the audit right). Without an entry,
 * the app's menu as it is and no landing (the runtime opens the first page).
 */
export function readerStart(
  landing: readonly AppLanding[] | undefined,
  menu: readonly RuntimeMenuItem[],
  reader: StartReader,
): { menu: RuntimeMenuItem[]; landing?: RuntimeLanding } {
  const entry = landing?.find((candidate) => reader.roles.includes(candidate.role));
  if (!entry) return { menu: [...menu] };
  const first = entry.menu ?? ('entity' in entry ? [entry.entity] : []);
  const rank = (item: RuntimeMenuItem) => {
    const at = first.indexOf(item.entity);
    return at === -1 ? first.length : at;
  };
  // A stable sort: pages the role does not name keep the app's order after the named ones.
  const ordered = [...menu].sort((a, b) => rank(a) - rank(b));
  if ('entity' in entry) return ordered.some((item) => item.entity === entry.entity) ? { menu: ordered, landing: { entity: entry.entity } } : { menu: ordered };
  if (entry.page === 'audit' && !reader.canReadAuditLog) return { menu: ordered };
  return { menu: ordered, landing: { page: entry.page } };
}
