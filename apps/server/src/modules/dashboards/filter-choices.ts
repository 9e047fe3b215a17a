import { Inject, Injectable } from '@nestjs/common';
import type { DashboardFilterView } from '@bankforge/client';
import type { FieldDefinition } from '@bankforge/data-model';
import type { ReportField } from '@bankforge/report-engine';
import type { Actor } from '../access/actor.js';
import { ownerPredicate, scopePredicate } from '../access/data-scope.js';
import { Database } from '../../platform/database/database.js';
import { MetadataService } from '../metadata/metadata.service.js';
import { RecordTitles } from '../records/record-titles.js';

export type FilterChoice = NonNullable<DashboardFilterView['choices']>[number];

/** Choices one filter offers: a picker's list, not a way to page through a table. */
export const MAX_CHOICES = 200;

const byLabel = (a: FilterChoice, b: FilterChoice): number => a.label.en.localeCompare(b.label.en) || a.value.localeCompare(b.value);

/**
 * The values a person may pick in a `values` filter, as they may see them: a select field's
 * options; the records a reference field points at, within the reader's read scope of them and by
 * their titles (masked as the reader's field rules say); for a record's owner, the people whose
 * records the reader's scope reaches (an RM themselves, a branch manager the branch's people).
 * Any other field has no list: its values are typed.
 */
@Injectable()
export class FilterChoices {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(MetadataService) private readonly metadata: MetadataService,
    @Inject(RecordTitles) private readonly titles: RecordTitles,
  ) {}

  async of(actor: Actor, field: ReportField, definition: FieldDefinition | undefined): Promise<FilterChoice[] | undefined> {
    if (definition?.type === 'singleSelect') return (definition.options ?? []).map((o) => ({ value: o.value, label: o.label }));
    if (definition?.type === 'reference' && definition.reference) return this.records(actor, definition.reference.entity);
    if (field.meaning === 'owner') return this.owners(actor, field.entity);
    return undefined;
  }

  private async records(actor: Actor, entity: string): Promise<FilterChoice[]> {
    const scope = actor.access.entity(entity).scope('read');
    if (scope === undefined) return [];
    // Read before the query: the model and the title lookup may read the database themselves.
    const model = await this.metadata.entity(entity);
    const lookup = await this.titles.lookup(actor, [entity]);
    return this.database.read(async (sql) => {
      const predicate = await scopePredicate(sql, actor, scope);
      const rows = await sql.rows<{ id: string }>(
        `SELECT id FROM ${this.database.quote(model.table)} WHERE deleted_at IS NULL${predicate ? ` AND (${predicate.sql})` : ''} ORDER BY id LIMIT ${MAX_CHOICES}`,
        predicate?.params ?? [],
      );
      const ids = rows.map((r) => String(r.id));
      const titles = (await lookup.in(sql, new Map([[entity, new Set(ids)]])))[entity] ?? {};
      return ids.map((id) => ({ value: id, label: { en: titles[id] || id, 'zh-CN': titles[id] || id } })).sort(byLabel);
    });
  }

  private async owners(actor: Actor, entity: string): Promise<FilterChoice[]> {
    const scope = actor.access.entity(entity).scope('read');
    if (scope === undefined) return [];
    return this.database.read(async (sql) => {
      const reach = (await ownerPredicate(sql, actor, scope))?.('id');
      const rows = await sql.rows<{ id: string; display_name: string }>(
        `SELECT id, display_name FROM bf_user${reach ? ` WHERE ${reach.sql}` : ''} ORDER BY display_name, id LIMIT ${MAX_CHOICES}`,
        reach?.params ?? [],
      );
      return rows.map((r) => ({ value: String(r.id), label: { en: r.display_name, 'zh-CN': r.display_name } })).sort(byLabel);
    });
  }
}
