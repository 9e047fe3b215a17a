import { Inject, Injectable } from '@nestjs/common';
import { recordTitle, titleFieldKeys, type FieldDefinition } from '@bankforge/data-model';
import type { Actor } from '../access/actor.js';
import { scopePredicate } from '../access/data-scope.js';
import { defaultMaskOf, maskValue } from '../access/masking.js';
import { FieldCipher } from '../../platform/crypto/field-cipher.js';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import type { EntityModel } from '../metadata/entity-model.js';
import { MetadataService } from '../metadata/metadata.service.js';
import type { DataScope } from '../access/role.js';
import { columnsOf } from '../metadata/physical-schema.js';
import { fieldValueFromRow } from '../metadata/record-codec.js';
import { RecordView } from './record-view.js';

/** Titles by entity key, then record id: `{ customer: { "0193…": "张三 · C0000000001" } }`. */
export type RecordTitleMap = Record<string, Record<string, string>>;

/** How many ids one lookup names: well under every database's limit on bound parameters. */
const BATCH = 500;

/**
 * The titles of records referred to, as the reader may see them: one query per entity (per 500
 * ids), within the reader's read scope of that entity, with its field rules applied. A record the
 * reader may not read has no title in the answer, exactly like one that does not exist. A sensitive
 * field is always shown masked in a title: naming a record must not read personal data in clear.
 */
@Injectable()
export class RecordTitles {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(MetadataService) private readonly metadata: MetadataService,
    @Inject(FieldCipher) private readonly cipher: FieldCipher,
  ) {}

  async of(actor: Actor, wanted: ReadonlyMap<string, ReadonlySet<string>>): Promise<RecordTitleMap> {
    if (wanted.size === 0) return {};
    const lookup = await this.lookup(actor, wanted.keys());
    return this.database.read((sql) => lookup.in(sql, wanted));
  }

  /**
   * Prepares the lookup of titles of these entities' records: their models are loaded first, as
   * that may read the database, which must not happen inside the caller's read.
   */
  async lookup(actor: Actor, entityKeys: Iterable<string>): Promise<TitleLookup> {
    const plans = new Map<string, TitlePlan>();
    for (const entityKey of entityKeys) {
      const access = actor.access.entity(entityKey);
      const scope = access.scope('read');
      if (scope === undefined || plans.has(entityKey)) continue;
      const model = await this.metadata.entity(entityKey);
      const view = new RecordView(model, access);
      const fields = titleFieldKeys(model.definition)
        .map((key) => model.fieldsByKey.get(key))
        .filter((f): f is FieldDefinition => f !== undefined && view.visible(f));
      plans.set(entityKey, { model, view, scope, fields });
    }
    return { in: (sql, wanted) => this.titlesIn(sql, actor, plans, wanted) };
  }

  private async titlesIn(sql: SqlExecutor, actor: Actor, plans: ReadonlyMap<string, TitlePlan>, wanted: ReadonlyMap<string, ReadonlySet<string>>): Promise<RecordTitleMap> {
    const titles: RecordTitleMap = {};
    const q = (name: string): string => this.database.quote(name);
    for (const [entityKey, ids] of wanted) {
      const plan = plans.get(entityKey);
      if (!plan || ids.size === 0) continue;
      const { model, fields } = plan;
      const predicate = await scopePredicate(sql, actor, plan.scope);
      const columns = ['id', ...fields.flatMap((f) => columnsOf(f).map((c) => c.name))].map(q).join(', ');
      const list = [...ids];
      const named: Record<string, string> = {};
      for (let i = 0; i < list.length; i += BATCH) {
        const batch = list.slice(i, i + BATCH);
        const rows = await sql.rows(
          `SELECT ${columns} FROM ${q(model.table)} WHERE id IN (${batch.map(() => '?').join(', ')})${predicate ? ` AND (${predicate.sql})` : ''}`,
          [...batch, ...(predicate?.params ?? [])],
        );
        for (const row of rows) named[String(row.id)] = this.titleOf(plan, row);
      }
      titles[entityKey] = named;
    }
    return titles;
  }

  /** The title from a row; an empty text when none of the title's fields has a value. */
  private titleOf({ model, view, fields }: TitlePlan, row: Record<string, unknown>): string {
    const values: Record<string, unknown> = {};
    for (const field of fields) values[field.key] = fieldValueFromRow(field, row, this.cipher);
    const shown = view.present(values);
    for (const field of fields) {
      if (field.sensitive === true && shown[field.key] === values[field.key]) shown[field.key] = maskValue(values[field.key], defaultMaskOf(field));
    }
    return recordTitle(model.definition, shown) ?? '';
  }
}

interface TitlePlan {
  model: EntityModel;
  view: RecordView;
  scope: DataScope;
  fields: FieldDefinition[];
}

/** Titles looked up within a read the caller holds. */
export interface TitleLookup {
  in(sql: SqlExecutor, wanted: ReadonlyMap<string, ReadonlySet<string>>): Promise<RecordTitleMap>;
}

/** The records a page refers to through its reference fields, by the entity they refer to. */
export function referencedIds(fields: readonly { key: string; type: string; reference?: { entity: string } }[], items: readonly Record<string, unknown>[]): Map<string, Set<string>> {
  const wanted = new Map<string, Set<string>>();
  for (const field of fields) {
    if (field.type !== 'reference' || !field.reference) continue;
    for (const item of items) {
      const id = item[field.key];
      if (typeof id !== 'string') continue;
      const ids = wanted.get(field.reference.entity) ?? new Set<string>();
      ids.add(id);
      wanted.set(field.reference.entity, ids);
    }
  }
  return wanted;
}
