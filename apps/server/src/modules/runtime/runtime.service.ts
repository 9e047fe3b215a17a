import { Inject, Injectable } from '@nestjs/common';
import type { AppLanding, ReaderFieldAccess, RuntimeApp, RuntimeEntityFlow, RuntimeEntityPage, RuntimeMenuItem } from '@bankforge/client';
import type { FlowDefinition } from '@bankforge/flow-engine';
import { standaloneValidatorModule, type EntityDefinition, type LocalizedText } from '@bankforge/data-model';
import type { Actor } from '../access/actor.js';
import { ArtifactsService } from '../artifacts/artifacts.service.js';
import { PublishedArtifacts } from '../artifacts/published-artifacts.js';
import { flowName } from '../flows/case-texts.js';
import { Database } from '../../platform/database/database.js';
import { FormCatalog, entitiesOfForm } from '../forms/form-catalog.js';
import { MetadataService } from '../metadata/metadata.service.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { readerFieldAccess, revealableFields } from './field-access.js';
import { entityActions, readerStart } from './reader-start.js';


/** Modules are generated per entity version and day (resident IDs may not be born after today). */
const MAX_CACHED_MODULES = 200;

/** What the runtime (the generated apps) reads: app menus, record page models and validator modules. */
@Injectable()
export class RuntimeService {
  private readonly modules = new Map<string, string>();

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(ArtifactsService) private readonly artifacts: ArtifactsService,
    @Inject(MetadataService) private readonly metadata: MetadataService,
    @Inject(FormCatalog) private readonly forms: FormCatalog,
    @Inject(PublishedArtifacts) private readonly published: PublishedArtifacts,
  ) {}

  /** The published approval flows bound to the entity: the fields each owns, and whether the reader may start it. */
  private async flowsOf(entityKey: string, actor: Actor): Promise<RuntimeEntityFlow[]> {
    const flows: RuntimeEntityFlow[] = [];
    for (const { document: flow } of (await this.published.latest<FlowDefinition>('flow')).values()) {
      if (flow.entity !== entityKey) continue;
      flows.push({
        key: flow.key,
        name: flowName(flow),
        controlledFields: [...(flow.record?.controlledFields ?? [])],
        canStart: actor.kind === 'user' && actor.access.canStartFlow(flow.key) && actor.access.entity(entityKey).scope('update') !== undefined,
      });
    }
    return flows;
  }

  /** Published apps, each listing the entity pages the actor may read. */
  async apps(actor: Actor): Promise<RuntimeApp[]> {
    const summaries = (await this.artifacts.list('app')).filter((a) => a.latestVersion !== null);
    const apps: RuntimeApp[] = [];
    for (const summary of summaries) {
      const app = await this.artifacts.version('app', summary.key, summary.latestVersion!);
      const refs = (app.artifacts as { kind: string; key: string }[]).filter((ref) => ref.kind === 'entity' && actor.access.entity(ref.key).scope('read'));
      const menu: RuntimeMenuItem[] = [];
      for (const ref of refs) {
        const model = await this.metadata.entity(ref.key).catch(() => undefined);
        if (model) menu.push({ entity: ref.key, label: model.definition.label, pluralLabel: model.definition.pluralLabel ?? model.definition.label });
      }
      const label = (app.label as LocalizedText | undefined) ?? { en: app.title, 'zh-CN': app.title };
      const start = readerStart(app.landing as AppLanding[] | undefined, menu, { roles: actor.roles, canReadAuditLog: actor.access.canReadAuditLog });
      if (menu.length > 0) apps.push({ key: summary.key, label, ...start });
    }
    return apps;
  }

  async entityPage(entityKey: string, actor: Actor): Promise<RuntimeEntityPage> {
    const model = await this.metadata.entity(entityKey);
    if (!actor.access.entity(model.key).scope('read')) {
      throw new ProblemError(403, 'forbidden', `Your roles do not allow you to read ${model.key} records.`, undefined, { operation: 'read', entity: model.key });
    }
    const published = await this.forms.formFor(model.key, undefined);
    // A form the published entities no longer satisfy is not offered: the page falls back to all fields.
    const usable = published && (await this.forms.compile(published)).errors.length === 0 ? published.definition : null;
    const related: Record<string, EntityDefinition> = {};
    const relatedFieldAccess: Record<string, ReaderFieldAccess> = {};
    const validators: Record<string, string> = { [model.key]: this.validatorUrl(model.key, model.version) };
    for (const key of usable ? entitiesOfForm(usable).filter((k) => k !== model.key) : []) {
      const other = await this.metadata.entity(key);
      related[key] = other.definition;
      relatedFieldAccess[key] = readerFieldAccess(other.definition, actor.access.entity(key));
      validators[key] = this.validatorUrl(key, other.version);
    }
    const fieldAccess = readerFieldAccess(model.definition, actor.access.entity(model.key));
    const revealable = revealableFields(model.definition, actor.access.entity(model.key));
    return { entity: model.definition, form: usable, related, validators, fieldAccess, relatedFieldAccess, flows: await this.flowsOf(model.key, actor), actions: entityActions(actor.access.entity(model.key)), ...(revealable.length > 0 ? { revealable } : {}) };
  }

  /** The ES module source of an entity's record validator (published version), built once per version and day. */
  async validatorModule(entityKey: string, today: string): Promise<{ source: string; version: number }> {
    const model = await this.metadata.entity(entityKey);
    const cacheKey = `${model.key}@${model.version}@${today}`;
    let source = this.modules.get(cacheKey);
    if (source === undefined) {
      source = standaloneValidatorModule(model.definition, { today });
      if (this.modules.size >= MAX_CACHED_MODULES) this.modules.delete(this.modules.keys().next().value!);
      this.modules.set(cacheKey, source);
    }
    return { source, version: model.version };
  }

  private validatorUrl(entityKey: string, version: number): string {
    return `/api/runtime/validators/${entityKey}.js?v=${version}`;
  }
}
