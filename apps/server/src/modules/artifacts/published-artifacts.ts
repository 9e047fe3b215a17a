import { Inject, Injectable } from '@nestjs/common';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import { ArtifactKindRegistry } from './artifact-kind-registry.js';
import type { ArtifactKind } from './artifact-kinds.js';

/** Like entity models and forms, the latest versions are re-checked after a second: another replica may publish. */
const LATEST_TTL_MS = 1000;

export interface PublishedArtifact<T> {
  document: T;
  version: number;
}

/**
 * The published versions of artifacts, in their kind's current format. A published version never
 * changes, so each is read once; which version is the latest is re-read after a second.
 */
@Injectable()
export class PublishedArtifacts {
  private readonly latestByKind = new Map<ArtifactKind, { checkedAt: number; artifacts: Map<string, PublishedArtifact<unknown>> }>();
  private readonly versions = new Map<string, unknown>();
  /** A re-read outside any transaction under way: the callers that find the latest out of date meanwhile share it. */
  private readonly reading = new Map<ArtifactKind, Promise<Map<string, PublishedArtifact<unknown>>>>();

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(ArtifactKindRegistry) private readonly kinds: ArtifactKindRegistry,
  ) {}

  /**
   * The latest published version of every artifact of a kind, by key. Inside a transaction, pass
   * its executor: a second connection would wait on the first (SQLite runs one at a time).
   */
  async latest<T>(kind: ArtifactKind, on?: SqlExecutor): Promise<ReadonlyMap<string, PublishedArtifact<T>>> {
    const now = Date.now();
    const cached = this.latestByKind.get(kind);
    if (cached && now - cached.checkedAt < LATEST_TTL_MS) return cached.artifacts as Map<string, PublishedArtifact<T>>;
    const load = async (sql: SqlExecutor): Promise<Map<string, PublishedArtifact<unknown>>> => {
      const rows = await sql.rows<{ artifact_key: string; latest_version: number }>(
        'SELECT artifact_key, latest_version FROM bf_artifact WHERE kind = ? AND latest_version IS NOT NULL',
        [kind],
      );
      const next = new Map<string, PublishedArtifact<unknown>>();
      for (const row of rows) {
        const version = Number(row.latest_version);
        next.set(row.artifact_key, { document: await this.versionIn(sql, kind, row.artifact_key, version), version });
      }
      return next;
    };
    if (on) {
      const artifacts = await load(on);
      this.latestByKind.set(kind, { checkedAt: now, artifacts });
      return artifacts as Map<string, PublishedArtifact<T>>;
    }
    // The domain event dispatcher hands a batch of events to the automations side by side: each
    // second, all of them found the latest out of date and read it again, a pooled connection each.
    let reading = this.reading.get(kind);
    if (!reading) {
      const started = this.database.read(load).then((artifacts) => {
        this.latestByKind.set(kind, { checkedAt: now, artifacts });
        return artifacts;
      });
      const done = (): void => {
        if (this.reading.get(kind) === started) this.reading.delete(kind);
      };
      started.then(done, done);
      this.reading.set(kind, (reading = started));
    }
    return (await reading) as Map<string, PublishedArtifact<T>>;
  }

  /** Forgets which versions are the latest (this replica just published): the next read asks the database. */
  forgetLatest(): void {
    this.latestByKind.clear();
    this.reading.clear();
  }

  /** One published version (an instance stays on the version it started with); undefined when there is none. */
  async version<T>(kind: ArtifactKind, key: string, version: number): Promise<T | undefined> {
    return this.database.read((sql) => this.versionIn(sql, kind, key, version).catch(() => undefined)) as Promise<T | undefined>;
  }

  private async versionIn(sql: SqlExecutor, kind: ArtifactKind, key: string, version: number): Promise<unknown> {
    const id = `${kind}/${key}@${version}`;
    if (this.versions.has(id)) return this.versions.get(id);
    const [row] = await sql.rows<{ document: string }>('SELECT document FROM bf_artifact_version WHERE kind = ? AND artifact_key = ? AND version = ?', [kind, key, version]);
    if (!row) throw new Error(`${id} is not published`);
    // Stored versions keep the format they were published in; the engines read the current one.
    const upgraded = this.kinds.kind(kind).upgrade(JSON.parse(row.document));
    if (!('document' in upgraded)) throw new Error(`${id} cannot be brought to the current format`);
    const { document } = upgraded;
    this.versions.set(id, document);
    return document;
  }
}
