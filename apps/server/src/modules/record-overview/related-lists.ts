import type { RelatedListDesign, RelatedListOverview } from '@bankforge/client';
import { titleFieldKeys, type FieldDefinition, type RecordFilter } from '@bankforge/data-model';
import type { Actor } from '../access/actor.js';
import type { EntityModel } from '../metadata/entity-model.js';
import type { RecordTitles } from '../records/record-titles.js';
import { RecordView } from '../records/record-view.js';
import type { RecordsService } from '../records/records.service.js';
import { DEFAULT_RELATED_ROWS } from './record-page-design.js';

/** How many columns a list shows when its design names none. */
const DEFAULT_COLUMNS = 3;

/** The records of `entity` whose `via` field refers to the record. */
export function referringTo(via: string, id: string): RecordFilter {
  return { field: via, op: 'eq', value: id };
}

/** A related list the reader may read: its design with the related entity's model. */
export interface ReadableList {
  design: RelatedListDesign;
  model: EntityModel;
  /** The list is of activities: newest by when they happened (the activity's indexed time), not by when they were entered. */
  newestBy?: string;
}

/** Whether the reader may create a record of the entity that refers to this one (they can write the reference). */
export function mayCreateOn(actor: Actor, model: EntityModel, via: string): boolean {
  const view = new RecordView(model, actor.access.entity(model.key));
  const field = model.fieldsByKey.get(via);
  return view.access.scope('create') !== undefined && field !== undefined && view.fieldView(field).write;
}

/**
 * The columns of a list as the reader may see them: the design's, or the entity's first fields other
 * than the reference itself and what its title already shows.
 */
function columnsOf(list: ReadableList, actor: Actor): FieldDefinition[] {
  const { model, design } = list;
  const view = new RecordView(model, actor.access.entity(model.key));
  const visible = (f: FieldDefinition): boolean => view.visible(f);
  if (design.columns) return design.columns.map((key) => model.fieldsByKey.get(key)).filter((f): f is FieldDefinition => f !== undefined && visible(f));
  const titled = new Set(titleFieldKeys(model.definition));
  return model.definition.fields.filter((f) => f.key !== design.via && !titled.has(f.key) && f.type !== 'json' && f.type !== 'longText' && visible(f)).slice(0, DEFAULT_COLUMNS);
}

/**
 * Each list's count and newest rows through the records query (the reader's scope, field rules and
 * masking), and the rows' titles in one lookup per entity.
 */
export async function relatedLists(records: RecordsService, titles: RecordTitles, actor: Actor, id: string, lists: readonly ReadableList[]): Promise<RelatedListOverview[]> {
  const pages = await Promise.all(
    lists.map(async (list) => {
      const columns = columnsOf(list, actor);
      const page = await records.query(
        list.model.key,
        { filter: referringTo(list.design.via, id), sort: [{ field: list.newestBy ?? 'created_at', direction: 'desc' }], fields: columns.map((c) => c.key), limit: list.design.rows ?? DEFAULT_RELATED_ROWS, count: true },
        actor,
      );
      return { list, columns, page };
    }),
  );
  const wanted = new Map<string, Set<string>>();
  for (const { list, page } of pages) {
    const ids = wanted.get(list.model.key) ?? new Set<string>();
    for (const item of page.items) ids.add(item.id);
    wanted.set(list.model.key, ids);
  }
  const named = await titles.of(actor, wanted);
  return pages.map(({ list, columns, page }) => ({
    entity: list.model.key,
    via: list.design.via,
    label: list.design.label ?? list.model.definition.pluralLabel ?? list.model.definition.label,
    entityLabel: list.model.definition.label,
    total: page.total ?? page.items.length,
    rows: page.items.map((item) => ({
      id: item.id,
      title: named[list.model.key]?.[item.id] ?? '',
      values: Object.fromEntries(columns.filter((c) => c.key in item).map((c) => [c.key, item[c.key]])),
    })),
    columns,
    canCreate: mayCreateOn(actor, list.model, list.design.via),
  }));
}
