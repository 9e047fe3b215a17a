import type { AppDocument, RecordFigureDesign, RecordPageDesign, RelatedListDesign } from '@bankforge/client';
import { IDENTIFIER_PATTERN, type EntityDefinition, type FieldDefinition, type FieldType } from '@bankforge/data-model';
import type { ArtifactProblem } from '@bankforge/rule-engine';

const key = { type: 'string', pattern: IDENTIFIER_PATTERN } as const;
const label = {
  type: 'object',
  required: ['en', 'zh-CN'],
  additionalProperties: false,
  properties: { en: { type: 'string', minLength: 1, maxLength: 100 }, 'zh-CN': { type: 'string', minLength: 1, maxLength: 100 } },
} as const;
const related = { type: 'object', required: ['entity', 'via'], additionalProperties: false, properties: { entity: key, via: key } } as const;

/** The JSON Schema of an app's `recordPages`: what each entity's 360° page shows. */
export const recordPagesSchema = {
  type: 'array',
  maxItems: 100,
  items: {
    type: 'object',
    required: ['entity'],
    additionalProperties: false,
    properties: {
      entity: key,
      figures: {
        type: 'array',
        maxItems: 8,
        items: {
          oneOf: [
            { type: 'object', required: ['key', 'field'], additionalProperties: false, properties: { key, label, field: key } },
            { type: 'object', required: ['key', 'label', 'count'], additionalProperties: false, properties: { key, label, count: related } },
            {
              type: 'object',
              required: ['key', 'label', 'sum'],
              additionalProperties: false,
              properties: { key, label, sum: { ...related, required: ['entity', 'via', 'field'], properties: { ...related.properties, field: key } } },
            },
          ],
        },
      },
      tags: key,
      related: {
        type: 'array',
        maxItems: 12,
        items: {
          type: 'object',
          required: ['entity', 'via'],
          additionalProperties: false,
          properties: { entity: key, via: key, label, columns: { type: 'array', maxItems: 4, items: key }, rows: { type: 'integer', minimum: 1, maximum: 20 } },
        },
      },
      activities: {
        type: 'array',
        maxItems: 4,
        items: {
          type: 'object',
          required: ['entity', 'via', 'at'],
          additionalProperties: false,
          properties: { entity: key, via: key, at: key, summary: key, kind: key, fields: { type: 'array', maxItems: 4, items: key } },
        },
      },
      graph: {
        type: 'object',
        required: ['entity', 'from', 'to'],
        additionalProperties: false,
        properties: { entity: key, from: key, to: key, kind: key, note: key },
      },
    },
  },
} as const;

/** How many rows a related list shows when its design does not say. */
export const DEFAULT_RELATED_ROWS = 5;

const NUMERIC: readonly FieldType[] = ['integer', 'decimal', 'money', 'percentage'];
const TEXT: readonly FieldType[] = ['text', 'longText'];

type Problem = ArtifactProblem;

function problem(path: string, code: string, message: string, messageZh: string): Problem {
  return { path, code, message, messageZh };
}

/** Problems a save already sees: a page twice for one entity, a figure key twice, a list twice. */
export function recordPageDuplicates(app: AppDocument): Problem[] {
  const problems: Problem[] = [];
  const pages = new Set<string>();
  for (const [index, page] of (app.recordPages ?? []).entries()) {
    const at = `/recordPages/${index}`;
    if (pages.has(page.entity)) problems.push(problem(`${at}/entity`, 'duplicate', `${page.entity} has a record page already`, `${page.entity} 已有记录页设计`));
    pages.add(page.entity);
    const figures = new Set<string>();
    for (const [i, figure] of (page.figures ?? []).entries()) {
      if (figures.has(figure.key)) problems.push(problem(`${at}/figures/${i}/key`, 'duplicate', `Another figure is called ${figure.key}`, `已有名为 ${figure.key} 的指标`));
      figures.add(figure.key);
    }
    const lists = new Set<string>();
    for (const [i, list] of (page.related ?? []).entries()) {
      const id = `${list.entity}.${list.via}`;
      if (lists.has(id)) problems.push(problem(`${at}/related/${i}`, 'duplicate', `${id} is listed already`, `${id} 已列出`));
      lists.add(id);
    }
  }
  return problems;
}

/**
 * Problems a publish finds against the published entities: every entity named is in the app, every
 * `via` is a reference of that entity to the page's entity, and each field named has a type that
 * fits its use (a sum over a number, tags on a multi-select, an activity's time on a date-time).
 */
export async function recordPageProblems(app: AppDocument, entityOf: (key: string) => Promise<EntityDefinition | undefined>): Promise<Problem[]> {
  const inApp = new Set(app.artifacts.filter((a) => a.kind === 'entity').map((a) => a.key));
  const problems: Problem[] = [];
  for (const [index, page] of (app.recordPages ?? []).entries()) {
    const at = `/recordPages/${index}`;
    const entity = await known(page.entity, `${at}/entity`);
    if (!entity) continue;
    const fieldOf = (definition: EntityDefinition, name: string | undefined, path: string, types: readonly FieldType[] | undefined, kind: { en: string; zh: string }): void => {
      if (name === undefined) return;
      const field = definition.fields.find((f) => f.key === name);
      if (!field) problems.push(problem(path, 'unknownField', `${definition.key} has no field ${name}`, `${definition.key} 没有字段 ${name}`));
      else if (types && !types.includes(field.type)) problems.push(problem(path, 'fieldType', `${name} is a ${field.type} field; ${kind.en}`, `${name} 是 ${field.type} 字段；${kind.zh}`));
    };
    const relatedOf = async (ref: { entity: string; via: string }, path: string): Promise<EntityDefinition | undefined> => {
      const other = await known(ref.entity, `${path}/entity`);
      if (other && !pointsAt(other.fields.find((f) => f.key === ref.via), page.entity)) {
        problems.push(problem(`${path}/via`, 'notAReference', `${ref.via} of ${ref.entity} does not refer to ${page.entity}`, `${ref.entity} 的 ${ref.via} 不是指向 ${page.entity} 的引用`));
        return undefined;
      }
      return other;
    };
    for (const [i, figure] of (page.figures ?? []).entries()) {
      const path = `${at}/figures/${i}`;
      if ('field' in figure) fieldOf(entity, figure.field, `${path}/field`, undefined, { en: '', zh: '' });
      else if ('count' in figure) await relatedOf(figure.count, `${path}/count`);
      else {
        const other = await relatedOf(figure.sum, `${path}/sum`);
        if (other) fieldOf(other, figure.sum.field, `${path}/sum/field`, NUMERIC, { en: 'a sum needs a number or money field', zh: '求和须为数字或金额字段' });
      }
    }
    fieldOf(entity, page.tags, `${at}/tags`, ['multiSelect'], { en: 'tags are a multi-select field', zh: '标签须为多选字段' });
    for (const [i, list] of (page.related ?? []).entries()) {
      const other = await relatedOf(list, `${at}/related/${i}`);
      if (other) for (const [c, column] of (list.columns ?? []).entries()) fieldOf(other, column, `${at}/related/${i}/columns/${c}`, undefined, { en: '', zh: '' });
    }
    for (const [i, activity] of (page.activities ?? []).entries()) {
      const path = `${at}/activities/${i}`;
      const other = await relatedOf(activity, path);
      if (!other) continue;
      fieldOf(other, activity.at, `${path}/at`, ['datetime', 'date'], { en: 'the time of an activity is a date or date-time field', zh: '活动时间须为日期或日期时间字段' });
      const atField = other.fields.find((f) => f.key === activity.at);
      // The timeline reads the newest activities first: the database sorts on the field's index.
      if (atField && (atField.type === 'datetime' || atField.type === 'date') && atField.indexed !== true && atField.unique !== true) {
        problems.push(problem(`${path}/at`, 'notIndexed', `${activity.at} must be indexed: the timeline sorts on it`, `${activity.at} 须建索引：时间线按它排序`));
      }
      fieldOf(other, activity.summary, `${path}/summary`, TEXT, { en: 'a summary is a text field', zh: '摘要须为文本字段' });
      fieldOf(other, activity.kind, `${path}/kind`, ['singleSelect'], { en: 'a kind is a single-select field', zh: '类别须为单选字段' });
      for (const [f, name] of (activity.fields ?? []).entries()) fieldOf(other, name, `${path}/fields/${f}`, undefined, { en: '', zh: '' });
    }
    if (page.graph) {
      const path = `${at}/graph`;
      const graph = page.graph;
      const other = await known(graph.entity, `${path}/entity`);
      if (!other) continue;
      for (const end of ['from', 'to'] as const) {
        if (!pointsAt(other.fields.find((f) => f.key === graph[end]), page.entity)) {
          problems.push(problem(`${path}/${end}`, 'notAReference', `${graph[end]} of ${graph.entity} does not refer to ${page.entity}`, `${graph.entity} 的 ${graph[end]} 不是指向 ${page.entity} 的引用`));
        }
      }
      if (graph.from === graph.to) problems.push(problem(`${path}/to`, 'sameField', 'A relationship joins two different fields', '关系的两端须为不同字段'));
      fieldOf(other, graph.kind, `${path}/kind`, ['singleSelect'], { en: 'a kind is a single-select field', zh: '类别须为单选字段' });
      fieldOf(other, graph.note, `${path}/note`, TEXT, { en: 'a note is a text field', zh: '备注须为文本字段' });
    }
  }
  return problems;

  async function known(entityKey: string, path: string): Promise<EntityDefinition | undefined> {
    if (!inApp.has(entityKey)) {
      problems.push(problem(path, 'entityNotInApp', `${entityKey} is not an entity of this app`, `${entityKey} 不是本应用的实体`));
      return undefined;
    }
    const definition = await entityOf(entityKey);
    if (!definition) problems.push(problem(path, 'artifactNotPublished', `entity ${entityKey} is not published.`, `实体 ${entityKey} 尚未发布`));
    return definition;
  }
}

function pointsAt(field: FieldDefinition | undefined, entityKey: string): boolean {
  return field?.type === 'reference' && field.reference?.entity === entityKey;
}

/**
 * The design of an entity's page: the app's, or the default: every reference to the entity from the
 * app's entities (or, without an app, from every published entity) as a related list, in that order.
 */
export function pageDesignOf(entityKey: string, app: AppDocument | undefined, entities: readonly EntityDefinition[]): RecordPageDesign {
  const designed = app?.recordPages?.find((p) => p.entity === entityKey);
  if (designed) return designed;
  const related: RelatedListDesign[] = entities.flatMap((entity) =>
    entity.fields.filter((f) => pointsAt(f, entityKey)).map((f) => ({ entity: entity.key, via: f.key })),
  );
  return { entity: entityKey, related };
}

/** The related records a figure counts or sums. */
export function figureSource(figure: RecordFigureDesign): { entity: string; via: string } | undefined {
  if ('count' in figure) return figure.count;
  if ('sum' in figure) return figure.sum;
  return undefined;
}
