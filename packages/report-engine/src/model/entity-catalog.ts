import { entityTable, type EntityDefinition } from '@bankforge/data-model';
import type { ReportDefinition } from '../artifact/report-definition.js';

/** The published entity definitions a report may read, by key. */
export type EntityCatalog = ReadonlyMap<string, EntityDefinition>;

/** The physical table of an entity, as the data model lays it out. */
export const tableOf = entityTable;

/**
 * Collects the entities a report reads (source, join targets, children) with an injected loader,
 * so a caller can fetch exactly those from its metadata store. Unknown ones are left out: the
 * validator reports them with their paths.
 */
export async function collectEntities(
  report: Pick<ReportDefinition, 'source' | 'joins'>,
  load: (key: string) => Promise<EntityDefinition | undefined>,
): Promise<Map<string, EntityDefinition>> {
  const catalog = new Map<string, EntityDefinition>();
  const byAlias = new Map<string, EntityDefinition>();
  const fetch = async (key: string): Promise<EntityDefinition | undefined> => {
    if (!catalog.has(key)) {
      const found = await load(key);
      if (found) catalog.set(key, found);
    }
    return catalog.get(key);
  };
  const source = await fetch(report.source);
  for (const join of report.joins ?? []) {
    const from = join.from === undefined ? source : byAlias.get(join.from);
    let target: EntityDefinition | undefined;
    if (join.kind === 'oneToMany') target = await fetch(join.entity);
    else {
      const reference = from?.fields.find((f) => f.key === join.field)?.reference?.entity;
      target = reference === undefined ? undefined : await fetch(reference);
    }
    if (target) byAlias.set(join.alias, target);
  }
  return catalog;
}
