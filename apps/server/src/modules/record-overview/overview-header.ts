import type { OptionValue, OverviewFigure, OverviewHeader, RecordFigureDesign, RecordPageDesign } from '@bankforge/client';
import type { FieldDefinition, LocalizedText } from '@bankforge/data-model';
import type { Actor } from '../access/actor.js';
import type { EntityModel } from '../metadata/entity-model.js';
import type { RecordData, RecordsService } from '../records/records.service.js';
import { RecordView } from '../records/record-view.js';
import { referringTo } from './related-lists.js';

/** The label of a select option's value; undefined for a value the field does not offer. */
export function optionOf(field: FieldDefinition, value: unknown): OptionValue | undefined {
  const option = typeof value === 'string' ? field.options?.find((o) => o.value === value) : undefined;
  return option ? { value: option.value, label: option.label, ...(option.color ? { color: option.color } : {}) } : undefined;
}

/** The fields of the record the header reads: its figures' fields and its tags, those the reader may see. */
export function headerFields(design: RecordPageDesign, view: RecordView): string[] {
  const keys = [...(design.figures ?? []).flatMap((f) => ('field' in f ? [f.field] : [])), ...(design.tags ? [design.tags] : [])];
  return [...new Set(keys)].filter((key) => {
    const field = view.model.fieldsByKey.get(key);
    return field !== undefined && view.visible(field);
  });
}

/** Models of the entities the figures count or sum over, that the reader may read. */
export type RelatedModels = ReadonlyMap<string, EntityModel>;

/**
 * The header: the title, each figure the reader may see (a field in clear or masked as the records
 * API shows it; counts and sums over the related records in their read scope, of fields they see in
 * clear), and the tags labelled.
 */
export async function overviewHeader(records: RecordsService, actor: Actor, view: RecordView, design: RecordPageDesign, record: RecordData, title: string, related: RelatedModels): Promise<OverviewHeader> {
  const figures = await Promise.all((design.figures ?? []).map((figure) => figureOf(records, actor, view, figure, record, related)));
  const header: OverviewHeader = { title, figures: figures.filter((f): f is OverviewFigure => f !== undefined) };
  const tagsField = design.tags === undefined ? undefined : view.model.fieldsByKey.get(design.tags);
  // Masked tags would be a list of stars: only tags the reader sees in clear are shown.
  if (tagsField && view.fieldView(tagsField).see === 'clear') {
    const values = Array.isArray(record[tagsField.key]) ? (record[tagsField.key] as unknown[]) : [];
    header.tags = { field: tagsField.key, label: tagsField.label, values: values.map((v) => optionOf(tagsField, v) ?? { value: String(v), label: { en: String(v), 'zh-CN': String(v) } }) };
  }
  return header;
}

async function figureOf(records: RecordsService, actor: Actor, view: RecordView, figure: RecordFigureDesign, record: RecordData, related: RelatedModels): Promise<OverviewFigure | undefined> {
  if ('field' in figure) {
    const field = view.model.fieldsByKey.get(figure.field);
    if (!field || !view.visible(field) || !(field.key in record)) return undefined;
    const value = record[field.key] ?? null;
    const masked = view.fieldView(field).see === 'masked';
    const option = masked ? undefined : optionOf(field, value);
    return { key: figure.key, label: labelOf(figure.label, field.label), kind: 'field', type: field.type, value, ...(option ? { option } : {}), ...(masked ? { masked: true as const } : {}) };
  }
  const source = 'count' in figure ? figure.count : figure.sum;
  const model = related.get(source.entity);
  if (!model) return undefined;
  const filter = { filter: referringTo(source.via, record.id) };
  if ('count' in figure) {
    const { count } = await records.total(model.key, filter, undefined, actor);
    return { key: figure.key, label: figure.label, kind: 'count', type: 'count', value: count };
  }
  const field = model.fieldsByKey.get(figure.sum.field);
  // A total of values the reader sees masked or not at all would tell them what they may not read (the records service refuses it).
  if (!field || new RecordView(model, actor.access.entity(model.key)).fieldView(field).see !== 'clear') return undefined;
  const { sums = [] } = await records.total(model.key, filter, field.key, actor);
  const value = field.type === 'money' ? sums : (sums[0]?.amount ?? '0');
  return { key: figure.key, label: figure.label, kind: 'sum', type: field.type, value };
}

function labelOf(designed: LocalizedText | undefined, fallback: LocalizedText): LocalizedText {
  return designed ?? fallback;
}
