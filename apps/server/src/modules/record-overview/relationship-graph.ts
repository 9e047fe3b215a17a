import type { GraphEdge, GraphNode, RelationshipGraph, RelationshipGraphDesign } from '@bankforge/client';
import type { Actor } from '../access/actor.js';
import type { EntityModel } from '../metadata/entity-model.js';
import type { RecordTitles } from '../records/record-titles.js';
import { RecordView } from '../records/record-view.js';
import type { RecordsService } from '../records/records.service.js';
import { optionOf } from './overview-header.js';
import { mayCreateOn } from './related-lists.js';

/** The most relationships one page draws: a graph beyond that is a list's job. */
const MAX_EDGES = 60;

/**
 * The record's related parties one step away: the relationship records the reader may read (their
 * scope and field rules), and at their other end the records the reader may read, by title. A
 * record they may not read is drawn without name or id, as "a customer you may not see".
 */
export async function relationshipGraph(
  records: RecordsService,
  titles: RecordTitles,
  actor: Actor,
  page: { model: EntityModel; id: string; title: string },
  design: RelationshipGraphDesign,
  model: EntityModel,
): Promise<RelationshipGraph | undefined> {
  const view = new RecordView(model, actor.access.entity(model.key));
  const ends = [design.from, design.to].map((key) => model.fieldsByKey.get(key));
  // Who is related to whom is the graph itself: a reader who sees either end masked or not at all gets no graph.
  if (ends.some((field) => !field || view.fieldView(field).see !== 'clear')) return undefined;
  const fields = [design.from, design.to, design.kind, design.note].filter((key): key is string => {
    const field = key === undefined ? undefined : model.fieldsByKey.get(key);
    return field !== undefined && view.visible(field);
  });
  const found = await records.query(
    model.key,
    { filter: { or: [{ field: design.from, op: 'eq', value: page.id }, { field: design.to, op: 'eq', value: page.id }] }, sort: [{ field: 'created_at', direction: 'asc' }], fields, limit: MAX_EDGES },
    actor,
  );
  const others = new Set<string>();
  for (const item of found.items) for (const end of [item[design.from], item[design.to]]) if (typeof end === 'string' && end !== page.id) others.add(end);
  const named = (await titles.of(actor, new Map([[page.model.key, others]])))[page.model.key] ?? {};
  const nodes = new Map<string, GraphNode>([[page.id, { id: page.id, visible: true, title: page.title, center: true }]]);
  const nodeOf = (id: string): string => {
    const known = nodes.get(id);
    if (known) return known.id;
    const title = named[id];
    // One the reader may not read keeps neither name nor id: an opaque node per record.
    const node: GraphNode = title === undefined ? { id: `hidden-${nodes.size}`, visible: false } : { id, visible: true, title };
    nodes.set(id, node);
    return node.id;
  };
  const kindField = design.kind === undefined ? undefined : model.fieldsByKey.get(design.kind);
  const edges: GraphEdge[] = [];
  for (const item of found.items) {
    const from = item[design.from];
    const to = item[design.to];
    if (typeof from !== 'string' || typeof to !== 'string' || from === to) continue;
    const kind = kindField && kindField.key in item ? optionOf(kindField, item[kindField.key]) : undefined;
    const note = design.note !== undefined && typeof item[design.note] === 'string' ? (item[design.note] as string) : undefined;
    edges.push({ id: item.id, from: nodeOf(from), to: nodeOf(to), ...(kind ? { kind } : {}), ...(note ? { note } : {}) });
  }
  return {
    entity: model.key,
    label: model.definition.pluralLabel ?? model.definition.label,
    nodes: [...nodes.values()],
    edges,
    canCreate: mayCreateOn(actor, model, design.from),
    from: design.from,
    to: design.to,
  };
}
