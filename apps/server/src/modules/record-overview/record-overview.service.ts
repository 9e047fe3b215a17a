import { Inject, Injectable } from '@nestjs/common';
import type { AppDocument, RecordOverview, RecordPageDesign, TimelinePage } from '@bankforge/client';
import type { EntityDefinition } from '@bankforge/data-model';
import type { Actor } from '../access/actor.js';
import { PublishedArtifacts } from '../artifacts/published-artifacts.js';
import type { EntityModel } from '../metadata/entity-model.js';
import { MetadataService } from '../metadata/metadata.service.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { RecordTitles } from '../records/record-titles.js';
import { RecordView } from '../records/record-view.js';
import { RecordsService, type RecordData } from '../records/records.service.js';
import { headerFields, overviewHeader } from './overview-header.js';
import { TIMELINE_FIRST } from './overview-params.js';
import { figureSource, pageDesignOf } from './record-page-design.js';
import { RecordTimelines, type ReadableActivity, type TimelineSources } from './record-timeline.js';
import { mayCreateOn, relatedLists, type ReadableList } from './related-lists.js';
import { relationshipGraph } from './relationship-graph.js';

/** A record page's design with the models of the entities it names that the reader may read. */
interface ReadablePage {
  view: RecordView;
  design: RecordPageDesign;
  lists: ReadableList[];
  activities: ReadableActivity[];
  /** Models of the entities figures count or sum over. */
  figureModels: Map<string, EntityModel>;
  graph?: EntityModel;
}

/**
 * The 360° page of a record in one answer: the header (title, key figures, tags), the related lists,
 * the first page of the timeline and the relationship graph. Every part reads through the records
 * service (the reader's scope, field rules and masking) and the one title lookup; an entity the
 * reader may not read is left out of the page, as if the app had not designed it.
 */
@Injectable()
export class RecordOverviews {
  constructor(
    @Inject(RecordsService) private readonly records: RecordsService,
    @Inject(RecordTitles) private readonly titles: RecordTitles,
    @Inject(MetadataService) private readonly metadata: MetadataService,
    @Inject(PublishedArtifacts) private readonly published: PublishedArtifacts,
    @Inject(RecordTimelines) private readonly timelines: RecordTimelines,
  ) {}

  async overview(entityKey: string, id: string, appKey: string | undefined, actor: Actor): Promise<RecordOverview> {
    const page = await this.readablePage(entityKey, appKey, actor);
    const { view, design } = page;
    const record = await this.record(view, design, id, actor);
    const title = (await this.titles.of(actor, new Map([[entityKey, new Set([id])]])))[entityKey]?.[id] ?? '';
    const [header, related, timeline, graph] = await Promise.all([
      overviewHeader(this.records, actor, view, design, record, title, page.figureModels),
      relatedLists(this.records, this.titles, actor, id, page.lists),
      this.timelines.page(actor, this.timelineSources(page, id), TIMELINE_FIRST),
      page.graph && design.graph ? relationshipGraph(this.records, this.titles, actor, { model: view.model, id, title }, design.graph, page.graph) : undefined,
    ]);
    return {
      entity: entityKey,
      id,
      header,
      related,
      activities: page.activities.map(({ design: a, model }) => ({ entity: a.entity, via: a.via, label: model.definition.label, canCreate: mayCreateOn(actor, model, a.via) })),
      timeline,
      ...(graph ? { graph } : {}),
    };
  }

  /** More of the timeline: the newest `limit` entries. */
  async timeline(entityKey: string, id: string, appKey: string | undefined, limit: number, actor: Actor): Promise<TimelinePage> {
    const page = await this.readablePage(entityKey, appKey, actor);
    await this.record(page.view, { entity: entityKey }, id, actor);
    return this.timelines.page(actor, this.timelineSources(page, id), limit);
  }

  /** The record's fields the header shows; 404 when the reader may not read it, as when it does not exist. */
  private async record(view: RecordView, design: RecordPageDesign, id: string, actor: Actor): Promise<RecordData> {
    const found = await this.records.query(view.model.key, { filter: { field: 'id', op: 'eq', value: id }, fields: headerFields(design, view), limit: 1 }, actor);
    const record = found.items[0];
    if (!record) throw ProblemError.notFound('recordNotFound', `There is no ${view.model.key} with id ${id}.`);
    return record;
  }

  private timelineSources(page: ReadablePage, id: string): TimelineSources {
    const logged = new Set(page.activities.map((a) => a.model.key));
    return {
      page: page.view.model,
      id,
      activities: page.activities,
      // Activities are on the timeline themselves: their creation is not told twice.
      related: page.lists.filter((l) => !logged.has(l.model.key)).map((l) => ({ model: l.model, via: l.design.via })),
    };
  }

  /** The page's design (the app's, else the default) with what in it the reader may read (403 when not the record's entity itself). */
  private async readablePage(entityKey: string, appKey: string | undefined, actor: Actor): Promise<ReadablePage> {
    const view = await this.records.viewFor(entityKey, actor, 'read');
    const app = appKey === undefined ? undefined : (await this.published.latest<AppDocument>('app')).get(appKey)?.document;
    if (appKey !== undefined && !app) throw ProblemError.notFound('appNotFound', `There is no published app ${appKey}.`);
    const keys = app ? app.artifacts.filter((a) => a.kind === 'entity').map((a) => a.key) : (await this.metadata.listEntities()).map((e) => e.key);
    const designed = app?.recordPages?.find((p) => p.entity === entityKey);
    // The default design lists every reference to the entity: it needs every entity's definition.
    const models = new Map<string, EntityModel>();
    for (const key of keys) {
      if (designed && !this.namedBy(designed, key)) continue;
      const model = await this.metadata.entity(key).catch(() => undefined);
      if (model) models.set(key, model);
    }
    const design = pageDesignOf(entityKey, app, [...models.values()].map((m): EntityDefinition => m.definition));
    const readable = (key: string): EntityModel | undefined => (actor.access.entity(key).scope('read') === undefined ? undefined : models.get(key));
    const activities = (design.activities ?? []).flatMap((d) => {
      const model = readable(d.entity);
      return model ? [{ design: d, model }] : [];
    });
    const lists = (design.related ?? []).flatMap((d): ReadableList[] => {
      const model = readable(d.entity);
      if (!model || model.fieldsByKey.get(d.via)?.type !== 'reference') return [];
      // A list of activities reads newest first by when they happened, if the reader sees that time in clear.
      const at = activities.find((a) => a.design.entity === d.entity && a.design.via === d.via)?.design.at;
      const atField = at === undefined ? undefined : model.fieldsByKey.get(at);
      const clear = atField !== undefined && new RecordView(model, actor.access.entity(model.key)).fieldView(atField).see === 'clear';
      return [{ design: d, model, ...(clear ? { newestBy: at } : {}) }];
    });
    const figureModels = new Map<string, EntityModel>();
    for (const figure of design.figures ?? []) {
      const source = figureSource(figure);
      const model = source && readable(source.entity);
      if (model) figureModels.set(model.key, model);
    }
    const graph = design.graph ? readable(design.graph.entity) : undefined;
    return { view, design, lists, activities, figureModels, ...(graph ? { graph } : {}) };
  }

  /** Whether a designed page names the entity (only those are loaded). */
  private namedBy(design: RecordPageDesign, key: string): boolean {
    return (
      (design.related ?? []).some((r) => r.entity === key) ||
      (design.activities ?? []).some((a) => a.entity === key) ||
      (design.figures ?? []).some((f) => figureSource(f)?.entity === key) ||
      design.graph?.entity === key
    );
  }
}

