import { Inject, Injectable } from '@nestjs/common';
import type { EntityDefinition } from '@bankforge/data-model';
import {
  compileForm,
  entitiesOfForm,
  migrateFormDocument,
  type CompiledForm,
  type FormDefinition,
} from '@bankforge/form-engine';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import { MetadataService } from '../metadata/metadata.service.js';
import { ProblemError, type ProblemFieldError } from '../../platform/problem/problem-error.js';
import { FeelBudget } from './feel-budget.js';

/** Like entity models, the published forms are re-checked after a second: another replica may publish. */
const CATALOG_TTL_MS = 1000;

/** A form and the entities it reads: what `compileForm` compiles its rules from. */
export interface FormRulesSource {
  form: FormDefinition;
  entities: Record<string, EntityDefinition>;
}

export interface PublishedForm {
  definition: FormDefinition;
  version: number;
}

// Which entities a form reads is the form engine's to say (its form kind resolves them on publish).
export { entitiesOfForm } from '@bankforge/form-engine';

/**
 * The published forms and their compiled rules. The server enforces a form's rules on every
 * record write that names it, and the entity's default form's rules on writes that name none,
 * so a crafted request cannot skip a rule the runtime enforces.
 */
@Injectable()
export class FormCatalog {
  private snapshot: { forms: Map<string, PublishedForm>; checkedAt: number } | undefined;
  private readonly compiled = new Map<string, { stamp: string; compiled: CompiledForm }>();

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(MetadataService) private readonly metadata: MetadataService,
    /** What FEEL may spend when the rules are enforced on a write. */
    @Inject(FeelBudget) readonly budget: FeelBudget,
  ) {}

  async published(): Promise<ReadonlyMap<string, PublishedForm>> {
    const now = Date.now();
    if (this.snapshot && now - this.snapshot.checkedAt < CATALOG_TTL_MS) return this.snapshot.forms;
    const previous = this.snapshot?.forms ?? new Map<string, PublishedForm>();
    const forms = await this.database.read(async (sql) => {
      const rows = await sql.rows<{ artifact_key: string; latest_version: number }>(
        "SELECT artifact_key, latest_version FROM bf_artifact WHERE kind = 'form' AND latest_version IS NOT NULL",
      );
      const next = new Map<string, PublishedForm>();
      for (const row of rows) {
        const version = Number(row.latest_version);
        const known = previous.get(row.artifact_key);
        next.set(row.artifact_key, known?.version === version ? known : { definition: await this.document(sql, row.artifact_key, version), version });
      }
      return next;
    });
    this.snapshot = { forms, checkedAt: now };
    return forms;
  }

  /** The form a write on `entityKey` obeys: the one named (it must edit that entity), else the entity's default form, else none. */
  async formFor(entityKey: string, formKey: string | undefined): Promise<PublishedForm | undefined> {
    const forms = await this.published();
    if (formKey === undefined) return [...forms.values()].find((f) => f.definition.entity === entityKey && f.definition.default === true);
    const form = forms.get(formKey);
    if (!form || form.definition.entity !== entityKey) {
      throw ProblemError.invalid(`There is no published form ${JSON.stringify(formKey)} for ${entityKey}.`, [
        { path: 'form', code: 'unknownForm', message: `form must name a published form of ${entityKey}` },
      ]);
    }
    return form;
  }

  /** The form compiled against the entities as published now (recompiled when either changes). */
  async compile(form: PublishedForm): Promise<CompiledForm> {
    const { source, stamp } = await this.sourceOf(form);
    const cached = this.compiled.get(form.definition.key);
    if (cached?.stamp === stamp) return cached.compiled;
    const compiled = compileForm(source.form, source.entities);
    this.compiled.set(form.definition.key, { stamp, compiled });
    return compiled;
  }

  /** What `rulesFor` compiles, as plain data: an import's worker thread compiles the same rules from it. */
  async rulesSourceFor(entityKey: string, formKey: string | undefined): Promise<FormRulesSource | undefined> {
    const form = await this.formFor(entityKey, formKey);
    return form ? (await this.sourceOf(form)).source : undefined;
  }

  /** The form and the entities it reads as published now, and a stamp of their versions. */
  private async sourceOf(form: PublishedForm): Promise<{ source: FormRulesSource; stamp: string }> {
    const entities: Record<string, EntityDefinition> = {};
    const versions: string[] = [];
    for (const key of entitiesOfForm(form.definition)) {
      const model = await this.metadata.entity(key).catch(() => undefined);
      if (model) {
        entities[key] = model.definition;
        versions.push(`${key}@${model.version}`);
      }
    }
    return { source: { form: form.definition, entities }, stamp: `${form.version}|${versions.join(',')}` };
  }

  /** The rules a write must pass, or undefined when no form applies. */
  async rulesFor(entityKey: string, formKey: string | undefined): Promise<CompiledForm | undefined> {
    const form = await this.formFor(entityKey, formKey);
    return form ? this.compile(form) : undefined;
  }

  /**
   * The server's rule on publishing a form, beside the form engine's check (which compiles it
   * against the published entities): an entity has at most one default form.
   */
  async defaultFormProblems(sql: SqlExecutor, form: FormDefinition): Promise<ProblemFieldError[]> {
    if (!form.default) return [];
    const rows = await sql.rows<{ artifact_key: string; document: string }>(
      `SELECT a.artifact_key, v.document FROM bf_artifact a
         JOIN bf_artifact_version v ON v.kind = a.kind AND v.artifact_key = a.artifact_key AND v.version = a.latest_version
        WHERE a.kind = 'form' AND a.artifact_key <> ?`,
      [form.key],
    );
    const taken = rows.find((r) => {
      const other = migrateFormDocument(JSON.parse(r.document)).document;
      return other.entity === form.entity && other.default === true;
    });
    return taken ? [{ path: '/default', code: 'defaultFormTaken', message: `form ${taken.artifact_key} is already the default form of ${form.entity}` }] : [];
  }

  private async document(sql: SqlExecutor, key: string, version: number): Promise<FormDefinition> {
    const [row] = await sql.rows<{ document: string }>("SELECT document FROM bf_artifact_version WHERE kind = 'form' AND artifact_key = ? AND version = ?", [key, version]);
    // Stored versions keep the format they were published in; the engine reads the current one.
    return migrateFormDocument(JSON.parse(row!.document)).document;
  }
}
