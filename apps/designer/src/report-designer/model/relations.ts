import type { EntityDefinition, LocalizedText } from '@bankforge/data-model';
import type { EntityCatalog, ReportDefinition } from '@bankforge/report-engine';
import { joinedEntities } from './fields.js';

/** A relation a join can follow: from the source (no `from`) or from an earlier many-to-one join. */
export type RelationChoice =
  | {
      kind: 'manyToOne';
      from?: string;
      /** The reference field followed, and its label. */
      field: string;
      label: LocalizedText;
      /** The entity it reaches. */
      entity: string;
    }
  | {
      kind: 'oneToMany';
      from?: string;
      /** The child entity, and its reference field pointing back. */
      entity: string;
      field: string;
      label: LocalizedText;
    };

/** The id of a relation choice, for a select's value. */
export function relationId(choice: RelationChoice): string {
  return `${choice.kind}:${choice.from ?? ''}:${choice.kind === 'manyToOne' ? choice.field : `${choice.entity}.${choice.field}`}`;
}

function relationsOf(parent: EntityDefinition, from: string | undefined, catalog: EntityCatalog): RelationChoice[] {
  const at = from === undefined ? {} : { from };
  const up = parent.fields
    .filter((f) => f.type === 'reference' && f.reference !== undefined && catalog.has(f.reference.entity))
    .map((f): RelationChoice => ({ kind: 'manyToOne', ...at, field: f.key, label: f.label, entity: f.reference!.entity }));
  const down = [...catalog.values()].flatMap((child) =>
    child.fields
      .filter((f) => f.type === 'reference' && f.reference?.entity === parent.key)
      .map((f): RelationChoice => ({ kind: 'oneToMany', ...at, entity: child.key, field: f.key, label: f.label })),
  );
  return [...up, ...down];
}

/**
 * The relations the report can join next, from the published entities: the source's reference
 * fields (many-to-one: a loan's customer) and the entities referring to it (one-to-many: a
 * customer's loans), then the same from each many-to-one join already there (the customer's branch).
 */
export function relationChoices(report: ReportDefinition, catalog: EntityCatalog): RelationChoice[] {
  const source = catalog.get(report.source);
  if (!source) return [];
  const choices = relationsOf(source, undefined, catalog);
  for (const [alias, entity] of joinedEntities(report, catalog)) choices.push(...relationsOf(entity, alias, catalog));
  return choices;
}
