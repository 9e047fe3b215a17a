import { Inject, Injectable } from '@nestjs/common';
import diff from 'microdiff';
import type { ArtifactDraft as ClientArtifactDraft, ArtifactSummary, ArtifactVersionSummary, VersionDiff } from '@bankforge/client';
import { fromStoredDatetime, toStoredDatetime } from '@bankforge/data-model';
import type { ReportDefinition } from '@bankforge/report-engine';
import type { DecisionArtifact } from '@bankforge/rule-engine';
import { FormCatalog } from '../forms/form-catalog.js';
import { SYSTEM_ACTOR, type Actor } from '../access/actor.js';
import { AuditLog } from '../audit/audit-log.js';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import { MetadataService } from '../metadata/metadata.service.js';
import type { MigrationPlan } from '../metadata/migration-plan.js';
import { ProblemError, type ProblemFieldError } from '../../platform/problem/problem-error.js';
import { ArtifactKindRegistry } from './artifact-kind-registry.js';
import { PublishedArtifacts } from './published-artifacts.js';
import type { ArtifactDocument, ArtifactKind } from './artifact-kinds.js';
import { configurationLookup } from './configuration-lookup.js';
import type { ServerCheckContext } from './server-kind.js';
import { diffVersions } from './version-diff.js';

// The answers' shapes are the public contract, defined once in the client package.
export type { ArtifactSummary, ArtifactVersionSummary, DocumentChange, VersionDiff } from '@bankforge/client';
export type ArtifactDraft = ClientArtifactDraft<ArtifactDocument>;

export interface PublishResult {
  kind: ArtifactKind;
  key: string;
  version: number;
  /** True when the draft equalled the latest version, which is answered instead of a copy. */
  unchanged: boolean;
  migration?: MigrationPlan;
  /** Published, but worth a look: a form's expressions that the evaluation budget will stop (`expressionBudgetRisk`). */
  warnings?: ProblemFieldError[];
}

interface ArtifactRow {
  kind: ArtifactKind;
  artifact_key: string;
  title: string;
  draft: string;
  revision: number;
  latest_version: number | null;
  updated_at: string;
}

/** The kinds as the refusals name them in Chinese. */
const KIND_NAMES_ZH: Record<ArtifactKind, string> = { entity: '实体', form: '表单', flow: '流程', decision: '决策', report: '报表', dashboard: '仪表板', automation: '自动化', calendar: '工作日历', app: '应用' };

/** A document's `label` when it is a name in the bank's languages (entities, forms, flows, apps have one). */
function labelOf(document: Record<string, unknown>): ArtifactSummary['label'] {
  const label = document.label;
  if (typeof label !== 'object' || label === null) return undefined;
  const { en, 'zh-CN': zh } = label as Record<string, unknown>;
  if (typeof en !== 'string') return undefined;
  return typeof zh === 'string' ? { en, 'zh-CN': zh } : { en };
}

function withoutVersion(document: ArtifactDocument): ArtifactDocument {
  const { version: _version, ...rest } = document;
  return rest as ArtifactDocument;
}

/** Drafts, immutable published versions and their differences, for every kind of artifact. */
@Injectable()
export class ArtifactsService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(MetadataService) private readonly metadata: MetadataService,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(FormCatalog) private readonly forms: FormCatalog,
    @Inject(ArtifactKindRegistry) private readonly kinds: ArtifactKindRegistry,
    @Inject(PublishedArtifacts) private readonly published: PublishedArtifacts,
  ) {}

  /** Designer rights are permissions like any other: checked here, not only in the designer. */
  static requireRight(actor: Actor, kind: ArtifactKind, right: 'edit' | 'publish'): void {
    if (!actor.access.canDesign(kind, right)) {
      const messageZh = `您的角色不允许${right === 'edit' ? '编辑' : '发布'}${KIND_NAMES_ZH[kind]}。`;
      throw new ProblemError(403, 'forbidden', `Your roles do not allow you to ${right} ${kind} artifacts.`, undefined, { kind, right, messageZh });
    }
  }

  async list(kind: ArtifactKind): Promise<ArtifactSummary[]> {
    return this.database.read(async (sql) => {
      const rows = await sql.rows<ArtifactRow & { published: string | null }>(
        `SELECT a.kind, a.artifact_key, a.title, a.draft, a.revision, a.latest_version, a.updated_at, v.document AS published
           FROM bf_artifact a
           LEFT JOIN bf_artifact_version v ON v.kind = a.kind AND v.artifact_key = a.artifact_key AND v.version = a.latest_version
          WHERE a.kind = ? ORDER BY a.artifact_key`,
        [kind],
      );
      return rows.map((row) => {
        const draft = JSON.parse(row.draft) as ArtifactDocument;
        const label = labelOf(draft);
        return {
          kind: row.kind,
          key: row.artifact_key,
          title: row.title,
          revision: Number(row.revision),
          latestVersion: row.latest_version === null ? null : Number(row.latest_version),
          state: row.published === null ? 'draft' : this.sameDocument(draft, JSON.parse(row.published)) ? 'published' : 'modified',
          updatedAt: fromStoredDatetime(row.updated_at) ?? '',
          ...(label ? { label } : {}),
        };
      });
    });
  }

  async draft(kind: ArtifactKind, key: string): Promise<ArtifactDraft> {
    const row = await this.database.read((sql) => this.row(sql, kind, key));
    if (!row) throw ProblemError.notFound('artifactNotFound', `There is no ${kind} called ${key}.`);
    return { document: JSON.parse(row.draft) as ArtifactDocument, revision: Number(row.revision), latestVersion: row.latest_version === null ? null : Number(row.latest_version) };
  }

  async version(kind: ArtifactKind, key: string, version: number): Promise<ArtifactDocument> {
    const document = await this.database.read((sql) => this.versionWith(sql, kind, key, version));
    if (!document) throw ProblemError.notFound('artifactVersionNotFound', `${kind} ${key} has no version ${version}.`);
    return document;
  }

  /** The published versions, each with who published it by name: the publishers are looked up in the same query. */
  async versions(kind: ArtifactKind, key: string): Promise<ArtifactVersionSummary[]> {
    await this.draft(kind, key);
    const rows = await this.database.read((sql) =>
      sql.rows<{ version: number; published_at: string; published_by: string | null; username: string | null; display_name: string | null; key_name: string | null }>(
        `SELECT v.version, v.published_at, v.published_by, u.username, u.display_name, k.name AS key_name
           FROM bf_artifact_version v
           LEFT JOIN bf_user u ON u.id = v.published_by
           LEFT JOIN bf_api_key k ON k.id = v.published_by
          WHERE v.kind = ? AND v.artifact_key = ? ORDER BY v.version`,
        [kind, key],
      ),
    );
    return rows.map((r) => ({
      version: Number(r.version),
      publishedAt: fromStoredDatetime(r.published_at) ?? '',
      publishedBy: r.published_by,
      // An API key is named as the audit log names it.
      publisher:
        r.username !== null ? { name: r.display_name ?? r.username, username: r.username }
        : r.key_name !== null ? { name: r.key_name, username: `api-key:${r.key_name}` }
        : null,
    }));
  }

  /**
   * The version publishing the draft would make: the draft numbered as the next version, or the
   * latest version itself when the draft equals it (publishing then makes none).
   */
  async pendingVersion(kind: ArtifactKind, key: string): Promise<{ document: ArtifactDocument; version: number; draft: boolean }> {
    const { document, latestVersion } = await this.draft(kind, key);
    if (latestVersion !== null) {
      const latest = await this.version(kind, key, latestVersion);
      if (this.sameDocument(document, latest)) return { document: latest, version: latestVersion, draft: false };
    }
    const version = (latestVersion ?? 0) + 1;
    return { document: { ...document, version }, version, draft: true };
  }

  /** What changed between two published versions, element by element (see `diffVersions`), both read in the kind's current format. */
  async diff(kind: ArtifactKind, key: string, from: number, to: number): Promise<VersionDiff> {
    const definition = this.kinds.kind(kind);
    const current = (document: ArtifactDocument): unknown => {
      const upgraded = definition.upgrade(document);
      return 'document' in upgraded ? upgraded.document : document;
    };
    const [a, b] = (await Promise.all([this.version(kind, key, from), this.version(kind, key, to)])).map(current);
    const named = definition.namedElements;
    if (!named) return { from, to, changes: diffVersions(a, b, definition.elements) };
    const [elementsA, elementsB] = await this.database.read(async (sql) => [await named(sql, a), await named(sql, b)]);
    return { from, to, changes: diffVersions(a, b, (document: unknown) => (document === a ? elementsA : elementsB)) };
  }

  /** Saves a draft. With `expectedRevision` (the `If-Match` header), a stale save is a 409. */
  async saveDraft(kind: ArtifactKind, key: string, document: unknown, expectedRevision: number | undefined, by: Actor): Promise<ArtifactDraft> {
    ArtifactsService.requireRight(by, kind, 'edit');
    return this.database.transaction((sql) => this.saveDraftWith(sql, kind, key, document, expectedRevision, by));
  }

  async saveDraftWith(
    sql: SqlExecutor,
    kind: ArtifactKind,
    key: string,
    document: unknown,
    expectedRevision: number | undefined,
    by: Actor,
  ): Promise<ArtifactDraft> {
    this.refusePlatformEntity(kind, key, by);
    const examined = await this.kinds.examine(kind, document, this.checkContext(sql, 'save', []));
    const problems = examined.problems;
    const doc = examined.document as ArtifactDocument;
    if (problems.length === 0 && doc.key !== key) {
      problems.push({ path: '/key', code: 'keyMismatch', message: `The document's key must be ${key}, as in the URL.` });
    }
    if (problems.length > 0) throw ProblemError.invalid(`The ${kind} is not valid.`, problems, 'invalidArtifact');
    const draft = withoutVersion(doc);
    const now = toStoredDatetime(new Date().toISOString());
    const current = await this.row(sql, kind, key);
    if (!current) {
      if (expectedRevision !== undefined && expectedRevision !== 0) {
        throw ProblemError.conflict('staleRevision', `${kind} ${key} does not exist yet; its revision is 0.`, { currentRevision: 0 });
      }
      await sql.execute(
        'INSERT INTO bf_artifact (kind, artifact_key, title, draft, revision, latest_version, created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, 1, NULL, ?, ?, ?)',
        [kind, key, draft.title, JSON.stringify(draft), now, now, by.userId],
      );
      return { document: draft, revision: 1, latestVersion: null };
    }
    const revision = Number(current.revision);
    if (expectedRevision !== undefined && expectedRevision !== revision) {
      throw ProblemError.conflict('staleRevision', `${kind} ${key} was changed by someone else (revision ${revision}); reload it and apply your change again.`, {
        currentRevision: revision,
      });
    }
    const changed = await sql.execute(
      'UPDATE bf_artifact SET title = ?, draft = ?, revision = revision + 1, updated_at = ?, updated_by = ? WHERE kind = ? AND artifact_key = ? AND revision = ?',
      [draft.title, JSON.stringify(draft), now, by.userId, kind, key, revision],
    );
    if (changed === 0) throw ProblemError.conflict('staleRevision', `${kind} ${key} was changed concurrently; reload it.`);
    return { document: draft, revision: revision + 1, latestVersion: current.latest_version === null ? null : Number(current.latest_version) };
  }

  /** The migration plan that publishing an entity's current draft would apply. */
  async plan(kind: ArtifactKind, key: string): Promise<MigrationPlan> {
    const plan = this.kinds.kind(kind).plan;
    if (!plan) throw ProblemError.badRequest('planNotApplicable', `Publishing a ${kind} changes no table: it has no migration plan.`);
    const { document } = await this.draft(kind, key);
    return this.database.read((sql) => plan(sql, document));
  }

  async publish(kind: ArtifactKind, key: string, confirmDataLoss: boolean, by: Actor): Promise<PublishResult> {
    ArtifactsService.requireRight(by, kind, 'publish');
    const result = await this.database.schemaTransaction((sql) => this.publishWith(sql, kind, key, confirmDataLoss, by));
    this.published.forgetLatest();
    return result;
  }

  async publishWith(sql: SqlExecutor, kind: ArtifactKind, key: string, confirmDataLoss: boolean, by: Actor): Promise<PublishResult> {
    this.refusePlatformEntity(kind, key, by);
    const row = await this.row(sql, kind, key);
    if (!row) throw ProblemError.notFound('artifactNotFound', `There is no ${kind} called ${key}.`);
    const draft = JSON.parse(row.draft) as ArtifactDocument;
    // The publish check resolves what the draft references (entities, decisions, listed artifacts) as published now.
    const warnings: ProblemFieldError[] = [];
    const { problems } = await this.kinds.examine(kind, draft, this.checkContext(sql, 'publish', warnings));
    if (problems.length > 0) throw ProblemError.invalid(`The ${kind} cannot be published.`, problems, 'invalidArtifact');
    const latest = row.latest_version === null ? null : Number(row.latest_version);
    if (latest !== null) {
      const published = await this.versionWith(sql, kind, key, latest);
      if (published && this.sameDocument(draft, published)) return { kind, key, version: latest, unchanged: true };
    }
    const version = (latest ?? 0) + 1;
    const { migration } = (await this.kinds.kind(kind).applyPublish?.(sql, draft, confirmDataLoss, by)) ?? {};
    const now = toStoredDatetime(new Date().toISOString());
    await sql.execute('INSERT INTO bf_artifact_version (kind, artifact_key, version, document, published_at, published_by) VALUES (?, ?, ?, ?, ?, ?)', [
      kind,
      key,
      version,
      JSON.stringify({ ...draft, version }),
      now,
      by.userId,
    ]);
    const claimed = await sql.execute('UPDATE bf_artifact SET latest_version = ? WHERE kind = ? AND artifact_key = ? AND revision = ?', [
      version,
      kind,
      key,
      row.revision,
    ]);
    if (claimed === 0) throw ProblemError.conflict('staleRevision', `${kind} ${key} changed while it was being published; publish again.`);
    await this.audit.append(sql, by, { action: 'publish', detail: { kind, key, version, ...(migration ? { migration: migration.steps.map((step) => step.op) } : {}) } });
    return { kind, key, version, unchanged: false, ...(migration ? { migration } : {}), ...(warnings.length > 0 ? { warnings } : {}) };
  }

  /**
   * Publishes the entities the server defines itself (`MetadataService.definePlatformEntity`) where
   * the database holds none or another version: a new database, or a server whose definition
   * changed (a change that would lose data stops the start). Replicas starting together may race:
   * the one that loses finds the other's version equal to its own.
   */
  async publishPlatformEntities(): Promise<void> {
    for (const definition of this.metadata.platformEntities()) {
      const upgraded = this.kinds.kind('entity').upgrade(definition);
      const wanted = ('document' in upgraded ? upgraded.document : definition) as ArtifactDocument;
      const current = (): Promise<boolean> => this.database.read(async (sql) => {
        const published = await this.latestPublished(sql, 'entity', definition.key);
        return published !== undefined && this.sameDocument(published, wanted);
      });
      if (await current()) continue;
      try {
        await this.database.schemaTransaction(async (sql) => {
          await this.saveDraftWith(sql, 'entity', definition.key, wanted, undefined, SYSTEM_ACTOR);
          await this.publishWith(sql, 'entity', definition.key, false, SYSTEM_ACTOR);
        });
      } catch (error) {
        if (!(await current())) throw error;
      }
    }
    this.published.forgetLatest();
  }

  /** What the server defines itself, only the server changes: people read it and report on it. */
  private refusePlatformEntity(kind: ArtifactKind, key: string, by: Actor): void {
    if (kind !== 'entity' || by.kind === 'system' || !this.metadata.platformEntity(key)) return;
    throw new ProblemError(403, 'platformEntity', `The ${key} entity is defined by the server itself: it can be read and reported on, not changed.`, undefined, {
      kind,
      key,
      messageZh: `实体 ${key} 由平台定义，只能查看和用于报表，不能修改。`,
    });
  }

  /** What the kinds' checks may ask, answered from the database as the save or publish sees it. */
  private checkContext(sql: SqlExecutor, stage: 'save' | 'publish', warnings: ProblemFieldError[]): ServerCheckContext {
    return {
      stage,
      sql,
      warn: (problem) => warnings.push(problem),
      feelStepBudget: this.forms.budget.steps,
      entity: async (key) => (await this.metadata.publishedEntity(sql, key))?.definition,
      decision: async (key) => (await this.latestPublished(sql, 'decision', key)) as DecisionArtifact | undefined,
      // A dashboard's widgets read the latest published reports, in the report kind's current format.
      report: async (key) => {
        const document = await this.latestPublished(sql, 'report', key);
        const upgraded = document && this.kinds.kind('report').upgrade(document);
        return upgraded && 'document' in upgraded ? (upgraded.document as ReportDefinition) : undefined;
      },
      isPublished: async (kind, key) => {
        const [found] = await sql.rows('SELECT latest_version FROM bf_artifact WHERE kind = ? AND artifact_key = ? AND latest_version IS NOT NULL', [kind, key]);
        return found !== undefined;
      },
      ...configurationLookup(sql),
    };
  }

  /** What saving a document as a draft would answer (for an import that checks everything before writing anything). */
  async draftProblems(kind: ArtifactKind, document: unknown): Promise<ProblemFieldError[]> {
    return this.database.read(async (sql) => (await this.kinds.examine(kind, document, this.checkContext(sql, 'save', []))).problems);
  }

  async latestPublished(sql: SqlExecutor, kind: ArtifactKind, key: string): Promise<ArtifactDocument | undefined> {
    const row = await this.row(sql, kind, key);
    if (!row || row.latest_version === null) return undefined;
    return this.versionWith(sql, kind, key, Number(row.latest_version));
  }

  private async versionWith(sql: SqlExecutor, kind: ArtifactKind, key: string, version: number): Promise<ArtifactDocument | undefined> {
    const [row] = await sql.rows<{ document: string }>('SELECT document FROM bf_artifact_version WHERE kind = ? AND artifact_key = ? AND version = ?', [
      kind,
      key,
      version,
    ]);
    return row ? (JSON.parse(row.document) as ArtifactDocument) : undefined;
  }

  private async row(sql: SqlExecutor, kind: ArtifactKind, key: string): Promise<ArtifactRow | undefined> {
    const [row] = await sql.rows<ArtifactRow>(
      'SELECT kind, artifact_key, title, draft, revision, latest_version, updated_at FROM bf_artifact WHERE kind = ? AND artifact_key = ?',
      [kind, key],
    );
    return row;
  }

  private sameDocument(a: ArtifactDocument, b: ArtifactDocument): boolean {
    return diff(withoutVersion(a), withoutVersion(b)).length === 0;
  }
}
