import { Inject, Injectable } from '@nestjs/common';
import { fromStoredDatetime, isEncrypted, toStoredDatetime, type EntityDefinition } from '@bankforge/data-model';
import { FieldCipher } from '../../platform/crypto/field-cipher.js';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { EntityModel } from './entity-model.js';
import { planEntityMigration, type MigrationPlan } from './migration-plan.js';
import { layoutOf, type EntityTableLayout } from './physical-schema.js';
import { SchemaMigrator } from './schema-migrator.js';
import { timeOrderedId } from '../../platform/ids/time-ordered-id.js';

/** How long a cached entity model is trusted before the table registry is asked again. */
const MODEL_TTL_MS = 1000;

export interface PublishedEntity {
  definition: EntityDefinition;
  version: number;
}

export interface EntityMigrationRecord {
  id: string;
  fromVersion: number | null;
  toVersion: number;
  plan: MigrationPlan;
  backupTable: string | null;
  appliedAt: string;
}

/**
 * Owns the physical side of entities: which table each published version lives in, the plans
 * that move a table from one version to the next, and the models the record store runs on.
 * Another replica may publish at any time, so cached models expire after a second.
 */
@Injectable()
export class MetadataService {
  private readonly models = new Map<string, { model: EntityModel; checkedAt: number }>();
  private readonly platform = new Map<string, EntityDefinition>();

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(FieldCipher) private readonly cipher: FieldCipher,
  ) {}

  /**
   * Declares an entity the server defines and writes itself (the flows' approval tasks): it is
   * published as the server starts (`ArtifactsService.publishPlatformEntities`), people read and
   * report on it as their roles allow, and only the server writes its records or its definition.
   */
  definePlatformEntity(definition: EntityDefinition): void {
    this.platform.set(definition.key, definition);
  }

  /** The server's definition of a platform entity; undefined for an analyst's entity. */
  platformEntity(key: string): EntityDefinition | undefined {
    return this.platform.get(key);
  }

  platformEntities(): EntityDefinition[] {
    return [...this.platform.values()];
  }

  /** The published model of an entity, for record reads and writes. */
  async entity(key: string): Promise<EntityModel> {
    const cached = this.models.get(key);
    const now = Date.now();
    if (cached && now - cached.checkedAt < MODEL_TTL_MS) return cached.model;
    const published = await this.database.read((sql) => this.published(sql, key, cached?.model.version));
    if (!published) {
      this.models.delete(key);
      throw ProblemError.notFound('entityNotFound', `No published entity is called ${JSON.stringify(key)}.`);
    }
    const model = published === 'unchanged' && cached ? cached.model : new EntityModel((published as PublishedEntity).definition, (published as PublishedEntity).version);
    this.models.set(key, { model, checkedAt: now });
    return model;
  }

  /** Answers 'unchanged' without loading the document when the caller already holds `knownVersion`. */
  async published(sql: SqlExecutor, key: string, knownVersion?: number): Promise<PublishedEntity | 'unchanged' | undefined> {
    const [row] = await sql.rows<{ entity_version: number }>('SELECT entity_version FROM bf_entity_table WHERE entity_key = ?', [key]);
    if (!row) return undefined;
    const version = Number(row.entity_version);
    if (version === knownVersion) return 'unchanged';
    const [doc] = await sql.rows<{ document: string }>(
      "SELECT document FROM bf_artifact_version WHERE kind = 'entity' AND artifact_key = ? AND version = ?",
      [key, version],
    );
    if (!doc) return undefined;
    return { definition: JSON.parse(doc.document) as EntityDefinition, version };
  }

  async publishedEntity(sql: SqlExecutor, key: string): Promise<PublishedEntity | undefined> {
    const found = await this.published(sql, key);
    return found === 'unchanged' ? undefined : found;
  }

  /** The plan publishing `next` would apply; referenced entities must be published first. */
  async plan(sql: SqlExecutor, next: EntityDefinition): Promise<{ plan: MigrationPlan; previous: PublishedEntity | undefined }> {
    const previous = await this.publishedEntity(sql, next.key);
    const missing: { path: string; code: string; message: string }[] = [];
    for (const [index, field] of next.fields.entries()) {
      const target = field.reference?.entity;
      if (field.type !== 'reference' || !target || target === next.key) continue;
      const [row] = await sql.rows('SELECT entity_key FROM bf_entity_table WHERE entity_key = ?', [target]);
      if (!row) {
        missing.push({
          path: `/fields/${index}/reference/entity`,
          code: 'referenceNotPublished',
          message: `Field ${field.key} refers to entity ${target}, which is not published yet.`,
        });
      }
    }
    if (missing.length > 0) throw ProblemError.invalid('Publish the referenced entities first.', missing, 'referenceNotPublished');
    // Encrypting or decrypting a column in place is not a migration step yet: a new field is the way.
    const before = new Map(previous?.definition.fields.map((f) => [f.id, f]));
    const toggled = next.fields.flatMap((field, index) => {
      const old = before.get(field.id);
      return old && isEncrypted(old) !== isEncrypted(field)
        ? [{ path: `/fields/${index}/sensitive`, code: 'encryptionChange', message: `${field.key} already holds values ${isEncrypted(old) ? 'encrypted' : 'in clear'}; add a new field instead of changing sensitive` }]
        : [];
    });
    if (toggled.length > 0) throw ProblemError.invalid('Published fields cannot switch encryption at rest.', toggled, 'encryptionChange');
    return { plan: planEntityMigration(previous, next), previous };
  }

  /**
   * Applies the plan and records the new layout and the migration, inside the publishing
   * transaction. Lossy plans need `confirmed`; their values land in a backup table first.
   */
  async migrate(sql: SqlExecutor, next: EntityDefinition, confirmed: boolean, appliedBy: string | null): Promise<MigrationPlan> {
    const { plan, previous } = await this.plan(sql, next);
    if (plan.lossy.length > 0 && !confirmed) {
      throw ProblemError.conflict(
        'dataLossNotConfirmed',
        `Publishing ${next.key} would lose stored values (${plan.lossy.map((l) => l.key).join(', ')}). Publish again with confirm: "data-loss" to proceed; the values are kept in a backup table.`,
        { lossy: plan.lossy, plan },
      );
    }
    const backup = await new SchemaMigrator(this.database, sql, this.cipher).apply(plan, next, previous?.definition);
    const layout: EntityTableLayout = layoutOf(next, plan.toVersion);
    const now = toStoredDatetime(new Date().toISOString());
    const stored = await sql.execute('UPDATE bf_entity_table SET entity_version = ?, layout = ?, updated_at = ? WHERE entity_key = ?', [
      plan.toVersion,
      JSON.stringify(layout),
      now,
      next.key,
    ]);
    if (stored === 0) {
      await sql.execute('INSERT INTO bf_entity_table (entity_key, table_name, entity_version, layout, updated_at) VALUES (?, ?, ?, ?, ?)', [
        next.key,
        layout.table,
        plan.toVersion,
        JSON.stringify(layout),
        now,
      ]);
    }
    await sql.execute(
      'INSERT INTO bf_migration (id, entity_key, from_version, to_version, plan, backup_table, applied_at, applied_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [timeOrderedId(), next.key, plan.fromVersion, plan.toVersion, JSON.stringify(plan), backup, now, appliedBy],
    );
    this.models.delete(next.key);
    return plan;
  }

  async listEntities(): Promise<{ key: string; table: string; version: number }[]> {
    const rows = await this.database.read((sql) =>
      sql.rows<{ entity_key: string; table_name: string; entity_version: number }>(
        'SELECT entity_key, table_name, entity_version FROM bf_entity_table ORDER BY entity_key',
      ),
    );
    return rows.map((r) => ({ key: r.entity_key, table: r.table_name, version: Number(r.entity_version) }));
  }

  async migrations(key: string): Promise<EntityMigrationRecord[]> {
    const rows = await this.database.read((sql) =>
      sql.rows<{ id: string; from_version: number | null; to_version: number; plan: string; backup_table: string | null; applied_at: string }>(
        'SELECT id, from_version, to_version, plan, backup_table, applied_at FROM bf_migration WHERE entity_key = ? ORDER BY to_version',
        [key],
      ),
    );
    return rows.map((r) => ({
      id: r.id,
      fromVersion: r.from_version === null ? null : Number(r.from_version),
      toVersion: Number(r.to_version),
      plan: JSON.parse(r.plan) as MigrationPlan,
      backupTable: r.backup_table,
      appliedAt: fromStoredDatetime(r.applied_at) ?? '',
    }));
  }
}
