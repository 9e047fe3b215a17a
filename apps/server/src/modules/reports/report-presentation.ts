import { Inject, Injectable } from '@nestjs/common';
import type { ColumnPresentation } from '@bankforge/client';
import type { FieldDefinition, LocalizedText } from '@bankforge/data-model';
import { othersBucket, reportFields, type EntityCatalog, type MaskFunction, type ReportDefinition, type ReportRow, type ResultColumn } from '@bankforge/report-engine';
import type { Actor } from '../access/actor.js';
import type { SqlExecutor } from '../../platform/database/database.js';
import { RecordTitles, type TitleLookup } from '../records/record-titles.js';

/** What a dimension's raw values are: option values, ids of an entity's records, or people's ids. */
type DimensionMeaning =
  | { kind: 'options'; labels: Readonly<Record<string, LocalizedText>> }
  | { kind: 'record'; entity: string; others: string | undefined }
  | { kind: 'person'; others: string | undefined };

/** The standard columns that hold a person's id (a user's, or an API key's for what a key wrote). */
const PERSON_COLUMNS = new Set(['owner_id', 'created_by', 'updated_by']);
/** The aggregates whose result is an amount in the field's currency (a count or a ratio is none). */
const AMOUNT_AGGREGATES = new Set(['sum', 'avg', 'min', 'max']);
/** A record the reader may not read, or one with nothing to call it by: named alike, so nothing is told apart. */
const UNNAMED: LocalizedText = { en: '—', 'zh-CN': '—' };
/** Ids one lookup names: well under every database's limit on bound parameters. */
const BATCH = 500;

export type ExportLanguage = keyof LocalizedText;

/** A report's presentation, prepared before the run's read (the title lookup may read entity models). */
export interface PresentationPlan {
  /**
   * How the shown columns' raw values read, within the run's read: option labels, record titles
   * in the reader's scope, people's names, money measures' currencies. A masked column gets no
   * labels: its values are masked already, and a label must not say what the mask hides.
   */
  of(sql: SqlExecutor, columns: readonly ResultColumn[], rows: readonly ReportRow[], masked: ReadonlySet<string>): Promise<Record<string, ColumnPresentation> | undefined>;
  /**
   * An export's option labels in one language, per unmasked column. Records and people stay as
   * their ids in an export: naming them would mean a lookup per streamed batch.
   */
  optionLabels(language: ExportLanguage, masked: ReadonlySet<string>): Record<string, MaskFunction>;
}

/**
 * How report results read to a person (ReportRunResult.presentation). A money measure's currency
 * is the data model's: the field's one allowed currency. A field allowing several (or any) may
 * hold rows in different currencies, and the database adds the amounts as they are, so such a
 * measure claims no currency rather than a wrong one.
 */
@Injectable()
export class ReportPresentation {
  constructor(@Inject(RecordTitles) private readonly titles: RecordTitles) {}

  async prepare(actor: Actor, report: ReportDefinition, catalog: EntityCatalog): Promise<PresentationPlan> {
    const fields = new Map(reportFields(report, catalog).map((f) => [f.path, f]));
    const definitionOf = (path: string): { key: string; definition: FieldDefinition | undefined } | undefined => {
      const field = fields.get(path);
      return field && { key: field.field, definition: catalog.get(field.entity)?.fields.find((f) => f.key === field.field) };
    };
    const meanings = new Map<string, DimensionMeaning>();
    const folded = new Map<string, { value: string; label: LocalizedText }>();
    for (const dimension of report.dimensions ?? []) {
      if (dimension.top) folded.set(dimension.key, othersBucket(dimension.top));
      // A date bucket or a bin is a value of its own, not the field's.
      if (dimension.date !== undefined || dimension.bin !== undefined) continue;
      const found = definitionOf(dimension.field);
      const others = folded.get(dimension.key)?.value;
      const definition = found?.definition;
      if (found && !definition && PERSON_COLUMNS.has(found.key)) meanings.set(dimension.key, { kind: 'person', others });
      else if (definition?.type === 'singleSelect' && definition.options)
        meanings.set(dimension.key, { kind: 'options', labels: Object.fromEntries(definition.options.map((o) => [o.value, o.label])) });
      else if (definition?.type === 'reference' && definition.reference)
        meanings.set(dimension.key, { kind: 'record', entity: definition.reference.entity, others });
    }
    const currencies = new Map<string, string>();
    for (const measure of report.measures ?? []) {
      if (!AMOUNT_AGGREGATES.has(measure.agg) || measure.field === undefined) continue;
      const definition = definitionOf(measure.field)?.definition;
      const [only, ...more] = definition?.type === 'money' ? (definition.currencies ?? []) : [];
      if (only !== undefined && more.length === 0) currencies.set(measure.key, only);
    }
    const entities = new Set([...meanings.values()].flatMap((m) => (m.kind === 'record' ? [m.entity] : [])));
    const lookup = await this.titles.lookup(actor, entities);
    return new Plan(meanings, currencies, folded, lookup);
  }
}

class Plan implements PresentationPlan {
  constructor(
    private readonly meanings: ReadonlyMap<string, DimensionMeaning>,
    private readonly currencies: ReadonlyMap<string, string>,
    /** Top-N dimensions' "others" value and how it reads in each language. */
    private readonly folded: ReadonlyMap<string, { value: string; label: LocalizedText }>,
    private readonly titles: TitleLookup,
  ) {}

  async of(sql: SqlExecutor, columns: readonly ResultColumn[], rows: readonly ReportRow[], masked: ReadonlySet<string>): Promise<Record<string, ColumnPresentation> | undefined> {
    const presentation: Record<string, ColumnPresentation> = {};
    const wanted = new Map<string, Set<string>>();
    const people = new Set<string>();
    const named: { column: string; meaning: Exclude<DimensionMeaning, { kind: 'options' }> }[] = [];
    for (const column of columns) {
      const currency = this.currencies.get(column.key);
      if (currency) presentation[column.key] = { currency };
      const meaning = this.meanings.get(column.key);
      if (!meaning || masked.has(column.key)) continue;
      if (meaning.kind === 'options') {
        const labels = Object.fromEntries(this.valuesOf(rows, column.key, undefined).flatMap((v) => (meaning.labels[v] ? [[v, meaning.labels[v]]] : [])));
        if (Object.keys(labels).length > 0) presentation[column.key] = { labels };
        continue;
      }
      const ids = this.valuesOf(rows, column.key, meaning.others);
      if (ids.length === 0) continue;
      if (meaning.kind === 'person') for (const id of ids) people.add(id);
      else wanted.set(meaning.entity, new Set([...(wanted.get(meaning.entity) ?? []), ...ids]));
      named.push({ column: column.key, meaning });
    }
    const titles = wanted.size > 0 ? await this.titles.in(sql, wanted) : {};
    const names = await personNames(sql, people);
    for (const { column, meaning } of named) {
      const labels: Record<string, LocalizedText> = {};
      for (const id of this.valuesOf(rows, column, meaning.others)) {
        const name = meaning.kind === 'person' ? names.get(id) : titles[meaning.entity]?.[id];
        labels[id] = name ? { en: name, 'zh-CN': name } : UNNAMED;
      }
      presentation[column] = { ...presentation[column], labels };
    }
    for (const [column, others] of this.folded) {
      if (masked.has(column) || !rows.some((row) => row[column] === others.value)) continue;
      presentation[column] = { ...presentation[column], labels: { ...presentation[column]?.labels, [others.value]: others.label } };
    }
    return Object.keys(presentation).length > 0 ? presentation : undefined;
  }

  optionLabels(language: ExportLanguage, masked: ReadonlySet<string>): Record<string, MaskFunction> {
    const labels: Record<string, MaskFunction> = {};
    for (const [column, meaning] of this.meanings) {
      if (meaning.kind !== 'options' || masked.has(column)) continue;
      labels[column] = (value) => (typeof value === 'string' ? (meaning.labels[value]?.[language] ?? value) : value);
    }
    return labels;
  }

  /** The distinct text values of a column (top N's "others" bucket is no value of the field). */
  private valuesOf(rows: readonly ReportRow[], column: string, others: string | undefined): string[] {
    const values = new Set<string>();
    for (const row of rows) {
      const value = row[column];
      if (typeof value === 'string' && value !== others) values.add(value);
    }
    return [...values];
  }
}

/** People's display names by id: users, and API keys by their names (as the audit log names them). */
async function personNames(sql: SqlExecutor, ids: ReadonlySet<string>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const list = [...ids];
  for (let i = 0; i < list.length; i += BATCH) {
    const batch = list.slice(i, i + BATCH);
    const marks = batch.map(() => '?').join(', ');
    const users = await sql.rows<{ id: string; display_name: string }>(`SELECT id, display_name FROM bf_user WHERE id IN (${marks})`, batch);
    for (const user of users) names.set(String(user.id), user.display_name);
    const rest = batch.filter((id) => !names.has(id));
    if (rest.length === 0) continue;
    const keys = await sql.rows<{ id: string; name: string }>(`SELECT id, name FROM bf_api_key WHERE id IN (${rest.map(() => '?').join(', ')})`, rest);
    for (const key of keys) names.set(String(key.id), key.name);
  }
  return names;
}
