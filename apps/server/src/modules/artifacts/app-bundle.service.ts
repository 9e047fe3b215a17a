import type { Actor } from '../access/actor.js';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityDefinition } from '@bankforge/data-model';
import { Database } from '../../platform/database/database.js';
import { ProblemError, type ProblemFieldError } from '../../platform/problem/problem-error.js';
import { requestSchema } from '../../platform/request-validation/request-schema.js';
import { ARTIFACT_KINDS, type AppArtifact, type ArtifactDocument } from './artifact-kinds.js';
import { ArtifactsService, type PublishResult } from './artifacts.service.js';
import { PublishedArtifacts } from './published-artifacts.js';

/** One JSON file holding an app and every artifact it lists: reviewable in git, portable between banks' environments. */
export interface AppBundle {
  format: 'bankforge-bundle';
  formatVersion: 1;
  app: AppArtifact;
  artifacts: ArtifactDocument[];
}

const parseBundle = requestSchema<AppBundle>({
  type: 'object',
  required: ['format', 'formatVersion', 'app', 'artifacts'],
  additionalProperties: false,
  properties: {
    format: { const: 'bankforge-bundle' },
    formatVersion: { const: 1 },
    exportedAt: { type: 'string' },
    app: { type: 'object' },
    artifacts: {
      type: 'array',
      maxItems: 1000,
      items: { type: 'object', required: ['kind', 'key'], properties: { kind: { enum: ARTIFACT_KINDS.filter((k) => k !== 'app') }, key: { type: 'string' } } },
    },
  },
});

/** Entities referenced by others come first, so that each one's foreign keys have a table to point at. */
function entityOrder(entities: EntityDefinition[]): EntityDefinition[] {
  const byKey = new Map(entities.map((e) => [e.key, e]));
  const ordered: EntityDefinition[] = [];
  const visiting = new Set<string>();
  const visit = (entity: EntityDefinition): void => {
    if (ordered.includes(entity) || visiting.has(entity.key)) return;
    visiting.add(entity.key);
    for (const field of entity.fields) {
      const target = field.reference?.entity ? byKey.get(field.reference.entity) : undefined;
      if (target && target !== entity) visit(target);
    }
    ordered.push(entity);
  };
  entities.forEach(visit);
  return ordered;
}

@Injectable()
export class AppBundleService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(ArtifactsService) private readonly artifacts: ArtifactsService,
    @Inject(PublishedArtifacts) private readonly published: PublishedArtifacts,
  ) {}

  /** The latest published version of the app and of everything it lists. */
  async export(key: string): Promise<AppBundle> {
    return this.database.read(async (sql) => {
      const app = (await this.artifacts.latestPublished(sql, 'app', key)) as AppArtifact | undefined;
      if (!app) throw ProblemError.notFound('artifactNotFound', `There is no published app called ${key}.`);
      const artifacts: ArtifactDocument[] = [];
      for (const ref of app.artifacts) {
        const document = await this.artifacts.latestPublished(sql, ref.kind, ref.key);
        if (!document) throw ProblemError.conflict('artifactNotPublished', `${ref.kind} ${ref.key}, listed by app ${key}, has no published version.`);
        artifacts.push(document);
      }
      return { format: 'bankforge-bundle', formatVersion: 1, app, artifacts };
    });
  }

  /**
   * Saves and publishes every artifact of a bundle, entities first, dashboards after the reports, then the app. All of it lands
   * or none of it does (on MySQL, table changes commit as they happen; see the README).
   */
  async import(body: unknown, confirmDataLoss: boolean, by: Actor): Promise<{ app: string; published: PublishResult[] }> {
    const bundle = parseBundle(body);
    for (const kind of new Set([...bundle.artifacts.map((a) => a.kind), 'app' as const])) {
      ArtifactsService.requireRight(by, kind, 'edit');
      ArtifactsService.requireRight(by, kind, 'publish');
    }
    const listed = new Set(bundle.app.artifacts?.map((a) => `${a.kind}:${a.key}`) ?? []);
    const problems: ProblemFieldError[] = [];
    // Everything is checked before anything is written: on MySQL a table change commits at once.
    for (const [index, artifact] of bundle.artifacts.entries()) {
      if (!listed.has(`${artifact.kind}:${artifact.key}`)) {
        problems.push({ path: `/artifacts/${index}`, code: 'notListedByApp', message: `${artifact.kind} ${artifact.key} is not listed by the app.` });
      }
      for (const problem of await this.artifacts.draftProblems(artifact.kind, artifact)) problems.push({ ...problem, path: `/artifacts/${index}${problem.path}` });
    }
    for (const problem of await this.artifacts.draftProblems('app', bundle.app)) problems.push({ ...problem, path: `/app${problem.path}` });
    if (problems.length > 0) throw ProblemError.invalid('The bundle is not consistent.', problems, 'invalidBundle');
    const entities = entityOrder(bundle.artifacts.filter((a) => a.kind === 'entity') as unknown as EntityDefinition[]);
    // A dashboard's publish check reads its reports as published: they go first, whatever the bundle's order.
    const rest = bundle.artifacts.filter((a) => a.kind !== 'entity');
    const ordered = [...(entities as unknown as ArtifactDocument[]), ...rest.filter((a) => a.kind !== 'dashboard'), ...rest.filter((a) => a.kind === 'dashboard'), bundle.app];
    const result = await this.database.schemaTransaction(async (sql) => {
      const published: PublishResult[] = [];
      for (const document of ordered) {
        await this.artifacts.saveDraftWith(sql, document.kind, document.key, document, undefined, by);
        published.push(await this.artifacts.publishWith(sql, document.kind, document.key, confirmDataLoss, by));
      }
      return { app: bundle.app.key, published };
    });
    this.published.forgetLatest();
    return result;
  }
}
