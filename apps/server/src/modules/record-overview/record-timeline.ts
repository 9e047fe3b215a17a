import { Inject, Injectable } from '@nestjs/common';
import type { ActivityDesign, CaseStatus, TimelineEntry, TimelineFieldChange, TimelinePage } from '@bankforge/client';
import { fromStoredDatetime, type FieldDefinition } from '@bankforge/data-model';
import type { FlowDefinition } from '@bankforge/flow-engine';
import type { Actor } from '../access/actor.js';
import { PublishedArtifacts } from '../artifacts/published-artifacts.js';
import { flowName } from '../flows/case-texts.js';
import { Database, type SqlExecutor, type SqlValue } from '../../platform/database/database.js';
import type { EntityModel } from '../metadata/entity-model.js';
import { RecordTitles, type RecordTitleMap } from '../records/record-titles.js';
import { RecordView } from '../records/record-view.js';
import { RecordsService, type RecordData } from '../records/records.service.js';
import { MAX_PAGE } from '../records/record-query.js';
import { optionOf } from './overview-header.js';
import { referringTo } from './related-lists.js';
import { timelinePeople, type TimelinePeople } from './timeline-people.js';

/** An activity entity the reader may read, with its model. */
export interface ReadableActivity {
  design: ActivityDesign;
  model: EntityModel;
}

/** Where a record's timeline is read from: its activities, and the records whose changes and cases it shows. */
export interface TimelineSources {
  page: EntityModel;
  id: string;
  activities: readonly ReadableActivity[];
  /** Relations whose records' changes and cases the timeline shows (the reader may read the entity). */
  related: readonly { model: EntityModel; via: string }[];
}

const CHANGES = ['create', 'update', 'delete', 'restore'] as const;
type ChangeAction = (typeof CHANGES)[number];

interface AuditRow {
  seq: number | string;
  at: string;
  actor_name: string;
  action: ChangeAction;
  entity_key: string;
  record_id: string;
  detail: string;
}

interface CaseRow {
  id: string;
  flow_key: string;
  flow_version: number | string;
  entity_key: string;
  record_id: string;
  status: CaseStatus;
  outcome: string | null;
  initiator_id: string;
  started_at: string;
  ended_at: string | null;
}

/** An instant as the timeline sorts and answers it: ISO 8601 in UTC with milliseconds; a date is its midnight (UTC). */
function instantOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/**
 * A record's timeline, newest first: the activities logged on it (interactions), the changes of it
 * and of its related records from the audit log, and the approval cases on them, all of records the
 * reader may read. Changes show field labels and values as the log kept them (sensitive values
 * masked there) under the reader's field rules: hidden fields are left out, masked ones masked.
 */
@Injectable()
export class RecordTimelines {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(RecordsService) private readonly records: RecordsService,
    @Inject(RecordTitles) private readonly titles: RecordTitles,
    @Inject(PublishedArtifacts) private readonly published: PublishedArtifacts,
  ) {}

  async page(actor: Actor, sources: TimelineSources, limit: number): Promise<TimelinePage> {
    const [activities, subjects] = await Promise.all([this.activities(actor, sources, limit), this.subjects(actor, sources)]);
    const models = new Map([[sources.page.key, sources.page], ...sources.related.map((r) => [r.model.key, r.model] as const)]);
    const { changes, cases, people } = await this.database.read(async (sql) => {
      const changes = await this.changeRows(sql, subjects, limit + 1);
      const cases = await this.caseRows(sql, subjects, limit + 1);
      const usernames = new Set([...changes.map((c) => c.actor_name), ...cases.map((c) => c.initiator_id)]);
      const ids = new Set(activities.items.map((a) => a.record.created_by).filter((v): v is string => typeof v === 'string'));
      return { changes, cases, people: await timelinePeople(sql, usernames, ids) };
    });
    const wanted = new Map<string, Set<string>>();
    const want = (entity: string, id: string): void => void wanted.set(entity, (wanted.get(entity) ?? new Set()).add(id));
    for (const a of activities.items) want(a.source.model.key, a.record.id);
    for (const c of changes) want(c.entity_key, c.record_id);
    for (const c of cases) want(c.entity_key, c.record_id);
    // What the changes' reference fields point at, named in the same lookup (a title, never an id).
    for (const row of changes) for (const [entity, id] of referencesIn(actor, models.get(row.entity_key), row)) want(entity, id);
    const titles = await this.titles.of(actor, wanted);
    const entries: TimelineEntry[] = [
      ...activities.items.map((a) => this.activityEntry(a.source, a.record, titles, people)),
      ...changes.flatMap((row) => this.changeEntry(actor, models.get(row.entity_key), row, titles, people) ?? []),
      ...(await Promise.all(cases.map((row) => this.caseEntry(row, titles, people)))),
    ].filter((e): e is TimelineEntry => e !== undefined);
    entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    return { entries: entries.slice(0, limit), more: activities.more || changes.length > limit || cases.length > limit || entries.length > limit, titles };
  }

  /** The newest activities of each kind the reader may read, sorted by when they happened (a time they see in clear). */
  private async activities(actor: Actor, sources: TimelineSources, limit: number): Promise<{ items: { source: ReadableActivity; record: RecordData }[]; more: boolean }> {
    const pages = await Promise.all(
      sources.activities.map(async (source) => {
        const { design, model } = source;
        const view = new RecordView(model, actor.access.entity(model.key));
        const at = model.fieldsByKey.get(design.at);
        if (!at || view.fieldView(at).see !== 'clear') return { source, items: [] as RecordData[], more: false };
        const fields = [design.at, design.summary, design.kind, ...(design.fields ?? [])].filter((key): key is string => {
          const field = key === undefined ? undefined : model.fieldsByKey.get(key);
          return field !== undefined && view.visible(field);
        });
        const page = await this.records.query(model.key, { filter: referringTo(design.via, sources.id), sort: [{ field: design.at, direction: 'desc' }], fields: [...new Set(fields), 'created_by'], limit: limit + 1 }, actor);
        return { source, items: page.items.slice(0, limit), more: page.items.length > limit };
      }),
    );
    return { items: pages.flatMap((p) => p.items.map((record) => ({ source: p.source, record }))), more: pages.some((p) => p.more) };
  }

  /** The record and its related records the reader may read (the newest 500 of each relation, deleted ones too: their deletion is news). */
  private async subjects(actor: Actor, sources: TimelineSources): Promise<Map<string, string[]>> {
    const subjects = new Map<string, string[]>([[sources.page.key, [sources.id]]]);
    const pages = await Promise.all(
      sources.related.map(async ({ model, via }) => ({
        entity: model.key,
        page: await this.records.query(model.key, { filter: referringTo(via, sources.id), sort: [{ field: 'created_at', direction: 'desc' }], fields: ['id'], limit: MAX_PAGE, deleted: 'include' }, actor),
      })),
    );
    for (const { entity, page } of pages) subjects.set(entity, [...new Set([...(subjects.get(entity) ?? []), ...page.items.map((item) => item.id)])]);
    return subjects;
  }

  /** `(entity_key = ? AND record_id IN (…)) OR …`: the log's and the cases' index on (entity_key, record_id) answers it. */
  private subjectsWhere(subjects: ReadonlyMap<string, readonly string[]>): { sql: string; params: SqlValue[] } {
    const parts: string[] = [];
    const params: SqlValue[] = [];
    for (const [entity, ids] of subjects) {
      if (ids.length === 0) continue;
      parts.push(`(entity_key = ? AND record_id IN (${ids.map(() => '?').join(', ')}))`);
      params.push(entity, ...ids);
    }
    return { sql: parts.join(' OR '), params };
  }

  private async changeRows(sql: SqlExecutor, subjects: ReadonlyMap<string, readonly string[]>, limit: number): Promise<AuditRow[]> {
    const where = this.subjectsWhere(subjects);
    return sql.rows<AuditRow>(
      `SELECT seq, at, actor_name, action, entity_key, record_id, detail FROM bf_audit WHERE action IN (${CHANGES.map(() => '?').join(', ')}) AND (${where.sql}) ORDER BY seq DESC LIMIT ${Math.floor(limit)}`,
      [...CHANGES, ...where.params],
    );
  }

  private async caseRows(sql: SqlExecutor, subjects: ReadonlyMap<string, readonly string[]>, limit: number): Promise<CaseRow[]> {
    const where = this.subjectsWhere(subjects);
    return sql.rows<CaseRow>(
      `SELECT id, flow_key, flow_version, entity_key, record_id, status, outcome, initiator_id, started_at, ended_at FROM bf_flow_instance WHERE ${where.sql} ORDER BY started_at DESC, id DESC LIMIT ${Math.floor(limit)}`,
      where.params,
    );
  }

  private activityEntry(source: ReadableActivity, record: RecordData, titles: RecordTitleMap, people: TimelinePeople): TimelineEntry | undefined {
    const { design, model } = source;
    const at = instantOf(record[design.at]);
    if (!at) return undefined;
    const kindField = design.kind === undefined ? undefined : model.fieldsByKey.get(design.kind);
    const activityKind = kindField && kindField.key in record ? optionOf(kindField, record[kindField.key]) : undefined;
    const summary = design.summary !== undefined && typeof record[design.summary] === 'string' ? (record[design.summary] as string) : undefined;
    const by = people.byId(typeof record.created_by === 'string' ? record.created_by : undefined);
    const details = (design.fields ?? [])
      .map((key) => model.fieldsByKey.get(key))
      .filter((f): f is FieldDefinition => f !== undefined && f.key in record && record[f.key] !== null)
      .map((f) => ({ field: f.key, label: f.label, type: f.type, value: record[f.key] }));
    return {
      kind: 'activity',
      at,
      entity: model.key,
      entityLabel: model.definition.label,
      id: record.id,
      title: titles[model.key]?.[record.id] ?? '',
      ...(summary !== undefined ? { summary } : {}),
      ...(activityKind ? { activityKind } : {}),
      details,
      ...(by ? { by } : {}),
    };
  }

  /**
   * A change entry as the reader may see it: fields the entity no longer has, or hidden from the
   * reader, are left out (an update of only such fields is not shown at all); masked ones are
   * masked by the reader's view as any record is.
   */
  private changeEntry(actor: Actor, model: EntityModel | undefined, row: AuditRow, titles: RecordTitleMap, people: TimelinePeople): TimelineEntry | undefined {
    if (!model) return undefined;
    const view = new RecordView(model, actor.access.entity(model.key));
    const shown = shownChanges(view, row);
    if (row.action === 'update' && shown.length === 0) return undefined;
    const before = view.present(Object.fromEntries(shown.map(([key, value]) => [key, value])));
    const after = view.present(Object.fromEntries(shown.map(([key, , value]) => [key, value])));
    const changes: TimelineFieldChange[] = shown.map(([key]) => {
      const field = model.fieldsByKey.get(key)!;
      const masked = field.sensitive === true || view.fieldView(field).see === 'masked';
      const refersTo = field.type === 'reference' ? field.reference?.entity : undefined;
      return { field: key, label: field.label, type: field.type, before: before[key] ?? null, after: after[key] ?? null, ...(masked ? { masked: true as const } : {}), ...(refersTo ? { refersTo } : {}) };
    });
    const title = titles[row.entity_key]?.[row.record_id];
    return {
      kind: 'change',
      at: instantOf(fromStoredDatetime(row.at)) ?? '',
      seq: Number(row.seq),
      entity: model.key,
      entityLabel: model.definition.label,
      recordId: row.record_id,
      ...(title ? { recordTitle: title } : {}),
      action: row.action,
      by: people.byUsername(row.actor_name),
      changes,
    };
  }

  private async caseEntry(row: CaseRow, titles: RecordTitleMap, people: TimelinePeople): Promise<TimelineEntry | undefined> {
    const flow = await this.published.version<FlowDefinition>('flow', row.flow_key, Number(row.flow_version));
    const at = instantOf(fromStoredDatetime(row.started_at));
    if (!at) return undefined;
    const endedAt = instantOf(fromStoredDatetime(row.ended_at));
    const title = titles[row.entity_key]?.[row.record_id];
    return {
      kind: 'case',
      at,
      caseId: row.id,
      flowName: flow ? flowName(flow) : { en: row.flow_key, 'zh-CN': row.flow_key },
      status: row.status,
      ...(row.outcome ? { outcome: row.outcome } : {}),
      entity: row.entity_key,
      recordId: row.record_id,
      ...(title ? { recordTitle: title } : {}),
      ...(endedAt ? { endedAt } : {}),
      by: people.byUsername(row.initiator_id),
    };
  }
}

/** A change row's field changes `[field, before, after]` the reader may see (fields the entity still has, not hidden from them). */
function shownChanges(view: RecordView, row: AuditRow): [string, unknown, unknown][] {
  const detail = JSON.parse(row.detail) as { values?: Record<string, unknown>; changes?: Record<string, { before: unknown; after: unknown }> };
  const pairs: [string, unknown, unknown][] =
    row.action === 'create'
      ? Object.entries(detail.values ?? {}).map(([key, value]) => [key, null, value])
      : row.action === 'update'
        ? Object.entries(detail.changes ?? {}).map(([key, change]) => [key, change.before ?? null, change.after ?? null])
        : [];
  return pairs.filter(([key]) => {
    const field = view.model.fieldsByKey.get(key);
    return field !== undefined && view.visible(field);
  });
}

/** The records a change row's visible reference fields point at, as `[entity, id]`. */
function referencesIn(actor: Actor, model: EntityModel | undefined, row: AuditRow): [string, string][] {
  if (!model) return [];
  const view = new RecordView(model, actor.access.entity(model.key));
  return shownChanges(view, row).flatMap(([key, before, after]) => {
    const entity = model.fieldsByKey.get(key)?.reference?.entity;
    return entity ? [before, after].filter((v): v is string => typeof v === 'string').map((id): [string, string] => [entity, id]) : [];
  });
}
