import type { OpenAPIObject } from '@nestjs/swagger';
import { entityApiSchemas, entitySchemaNames, type EntityDefinition, type OpenApiSchema } from '@bankforge/data-model';

type Operation = Record<string, unknown>;

const ref = (name: string): { $ref: string } => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown): Record<string, unknown> => ({ 'application/json': { schema } });

/** RFC 7807 as the API answers every error. */
const PROBLEM: OpenApiSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', description: 'Stable: clients branch on it' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'code', 'message'],
        properties: { path: { type: 'string', description: 'JSON Pointer into the request body' }, code: { type: 'string' }, message: { type: 'string' }, messageZh: { type: 'string' } },
      },
    },
  },
};

const problems = (...statuses: number[]): Record<string, unknown> =>
  Object.fromEntries(statuses.map((status) => [String(status), { description: 'A problem document', content: { 'application/problem+json': { schema: ref('Problem') } } }]));

const FORM_QUERY = { name: 'form', in: 'query', required: false, schema: { type: 'string' }, description: "The form whose rules the write is checked against (the entity's default form when absent)" };
const ID_PARAM = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

/**
 * The document with every published entity's records typed: `<Entity>Record`, `…RecordInput` and
 * `…RecordPatch` schemas, and per-entity paths (`/api/records/customer`, …) naming them beside the
 * generic `/api/records/{entity}` ones (OpenAPI matches concrete paths first). Pure: the base
 * document is not changed.
 */
export function withEntityRecords(document: OpenAPIObject, entities: readonly EntityDefinition[]): OpenAPIObject {
  const schemas: Record<string, unknown> = { ...document.components?.schemas, Problem: PROBLEM };
  const paths: Record<string, unknown> = { ...document.paths };
  const tags = [...(document.tags ?? [])];
  const genericQuery = (document.paths['/api/records/{entity}/query']?.post as Operation | undefined)?.requestBody;
  for (const entity of [...entities].sort((a, b) => a.key.localeCompare(b.key))) {
    const names = entitySchemaNames(entity.key);
    const typed = entityApiSchemas(entity);
    schemas[names.record] = typed.record;
    schemas[names.input] = typed.input;
    schemas[names.patch] = typed.patch;
    const tag = `records: ${entity.key}`;
    tags.push({ name: tag, description: `${entity.label.en} / ${entity.label['zh-CN']}` });
    const base = names.record;
    const operation = (id: string, summary: string, rest: Operation): Operation => ({ operationId: `${id}`, summary, tags: [tag], ...rest });
    paths[`/api/records/${entity.key}`] = {
      post: operation(`create${base}`, `Create a ${entity.label.en} record`, {
        parameters: [FORM_QUERY],
        requestBody: { required: true, content: json(ref(names.input)) },
        responses: { '201': { description: 'The record as the caller may see it', content: json(ref(names.record)) }, ...problems(403, 409, 422, 429) },
      }),
    };
    paths[`/api/records/${entity.key}/query`] = {
      post: operation(`query${base}s`, `Query ${entity.label.en} records within the caller's read scope`, {
        ...(genericQuery ? { requestBody: genericQuery } : {}),
        responses: {
          '200': {
            description: 'One page',
            content: json({
              type: 'object',
              required: ['items', 'nextCursor'],
              properties: { items: { type: 'array', items: ref(names.record) }, nextCursor: { type: 'string', nullable: true }, total: { type: 'integer' } },
            }),
          },
          ...problems(403, 422, 429),
        },
      }),
    };
    paths[`/api/records/${entity.key}/{id}`] = {
      get: operation(`get${base}`, `Read a ${entity.label.en} record`, {
        parameters: [ID_PARAM],
        responses: { '200': { description: 'The record', content: json(ref(names.record)) }, ...problems(403, 404, 429) },
      }),
      patch: operation(`update${base}`, `Change a ${entity.label.en} record (the version read; a stale one answers 409)`, {
        parameters: [ID_PARAM, FORM_QUERY],
        requestBody: { required: true, content: json(ref(names.patch)) },
        responses: { '200': { description: 'The record after the change', content: json(ref(names.record)) }, ...problems(403, 404, 409, 422, 429) },
      }),
      delete: operation(`delete${base}`, `Soft-delete a ${entity.label.en} record`, {
        parameters: [ID_PARAM, { name: 'version', in: 'query', required: false, schema: { type: 'integer' } }],
        responses: { '200': { description: 'The deleted record', content: json(ref(names.record)) }, ...problems(403, 404, 409, 429) },
      }),
    };
  }
  return { ...document, tags, paths: paths as OpenAPIObject['paths'], components: { ...document.components, schemas: schemas as NonNullable<OpenAPIObject['components']>['schemas'] } };
}

/**
 * Request schemas written as JSON Schema documents (the record filter) carry their own
 * `definitions` and refer to them as `#/definitions/…`, which in an OpenAPI document points at its
 * root and resolves to nothing. Each such definition moves to `components.schemas` (named in
 * PascalCase; the same name twice must be the same schema) and its references follow it.
 */
export function withHoistedDefinitions(document: OpenAPIObject): OpenAPIObject {
  const hoisted: Record<string, unknown> = {};
  const nameOf = (key: string): string => key[0]!.toUpperCase() + key.slice(1);
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === 'definitions' && value && typeof value === 'object' && !Array.isArray(value)) {
        for (const [name, definition] of Object.entries(value)) {
          const moved = rewrite(definition);
          const known = hoisted[nameOf(name)];
          if (known !== undefined && JSON.stringify(known) !== JSON.stringify(moved)) throw new Error(`Two request schemas define ${name} differently`);
          hoisted[nameOf(name)] = moved;
        }
      } else if (key === '$ref' && typeof value === 'string' && value.startsWith('#/definitions/')) {
        out.$ref = `#/components/schemas/${nameOf(value.slice('#/definitions/'.length))}`;
      } else out[key] = rewrite(value);
    }
    return out;
  };
  const paths = rewrite(document.paths) as OpenAPIObject['paths'];
  const schemas = { ...(rewrite(document.components?.schemas ?? {}) as object), ...hoisted };
  return { ...document, paths, components: { ...document.components, schemas: schemas as NonNullable<OpenAPIObject['components']>['schemas'] } };
}
