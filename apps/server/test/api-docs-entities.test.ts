import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@bankforge/data-model';
import { field } from './fixtures.js';
import { dialects, startTestServer, type TestServer } from './harness.js';
import { clientEntity } from './security-fixtures.js';

type Doc = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, unknown>; parameters?: { name: string; in: string }[] }>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * What OpenAPI 3.0 requires of the document's structure (no validator package is installed):
 * version and info, paths starting with `/`, responses on every operation, unique operation ids,
 * each path template's parameters declared, and every `$ref` resolving inside the document.
 */
function openApiProblems(doc: Doc): string[] {
  const problems: string[] = [];
  if (!/^3\.0\.\d+$/.test(doc.openapi)) problems.push(`openapi ${doc.openapi}`);
  if (!doc.info?.title || !doc.info?.version) problems.push('info');
  const ids = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!path.startsWith('/')) problems.push(`path ${path}`);
    const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      if (!op.responses || Object.keys(op.responses).length === 0) problems.push(`${method} ${path}: no responses`);
      if (op.operationId) {
        if (ids.has(op.operationId)) problems.push(`operationId ${op.operationId} twice`);
        ids.add(op.operationId);
      }
      const declared = new Set((op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name));
      for (const name of templated) if (!declared.has(name!)) problems.push(`${method} ${path}: path parameter ${name} undeclared`);
    }
  }
  const walk = (node: unknown, at: string): void => {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${at}/${i}`));
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') {
          const target = value.startsWith('#/components/schemas/') ? doc.components.schemas[value.slice('#/components/schemas/'.length)] : undefined;
          if (!target) problems.push(`${at}: $ref ${value} does not resolve`);
        } else walk(value, `${at}/${key}`);
      }
    }
  };
  walk(doc, '#');
  return problems;
}

const visit: EntityDefinition = {
  kind: 'entity',
  key: 'branch_visit',
  title: 'Branch visit',
  label: { en: 'Branch visit', 'zh-CN': '到店拜访' },
  fields: [field('v_purpose', 'purpose', 'singleSelect', { required: true, options: [{ value: 'deposit', label: { en: 'Deposit', 'zh-CN': '存款' } }] }), field('v_on', 'visited_on', 'date')],
};

describe.each(dialects())('the OpenAPI document with published entities on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity(clientEntity);
  });
  afterAll(async () => server?.close());

  const docs = async (): Promise<Doc> => {
    const answer = await server.request<Doc>('GET', '/api/docs-json');
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it('is an OpenAPI 3.0 document that types each published entity\'s records, and names them on per-entity paths', async () => {
    const doc = await docs();
    expect(openApiProblems(doc)).toEqual([]);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['ClientRecord', 'ClientRecordInput', 'ClientRecordPatch', 'Problem']));
    const input = doc.components.schemas.ClientRecordInput!;
    expect(input.required).toEqual(['name']);
    expect((input.properties as Record<string, unknown>).segment).toMatchObject({ type: 'string', enum: ['mass', 'affluent', null], description: expect.stringContaining('segment') });
    expect((doc.components.schemas.ClientRecord!.properties as Record<string, unknown>).resident_id).toMatchObject({ type: 'string', 'x-sensitive': true });
    expect(doc.paths['/api/records/client']!.post).toMatchObject({
      operationId: 'createClientRecord',
      requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/ClientRecordInput' } } } },
      responses: { '201': { content: { 'application/json': { schema: { $ref: '#/components/schemas/ClientRecord' } } } } },
    });
    expect(Object.keys(doc.paths['/api/records/client/{id}']!).sort()).toEqual(['delete', 'get', 'patch']);
    // The generic paths stay for entities published later and for the other record operations.
    expect(doc.paths['/api/records/{entity}']).toBeDefined();
  });

  it('describes what the server really answers: a created record validates against its schema', async () => {
    const doc = await docs();
    const ajv = new Ajv({ strict: false, validateFormats: false });
    for (const [name, schema] of Object.entries(doc.components.schemas)) if (/^Client/.test(name)) ajv.addSchema(schema, `#/components/schemas/${name}`);
    const body = { name: '王五', mobile: '13812345678', resident_id: '11010519491231002X', income: '1200.50', segment: 'mass' };
    expect(ajv.validate('#/components/schemas/ClientRecordInput', body), JSON.stringify(ajv.errors)).toBe(true);
    const created = await server.request<Record<string, unknown>>('POST', '/api/records/client', body);
    expect(created.status).toBe(201);
    expect(ajv.validate('#/components/schemas/ClientRecord', created.body), JSON.stringify(ajv.errors)).toBe(true);
    expect(ajv.validate('#/components/schemas/ClientRecordPatch', { version: created.body.version, segment: null })).toBe(true);
  });

  it('shows an entity published after start, and its next version, in the next document', async () => {
    expect((await docs()).components.schemas.BranchVisitRecord).toBeUndefined();
    await server.publishEntity(visit);
    const after = await docs();
    expect(openApiProblems(after)).toEqual([]);
    expect(after.components.schemas.BranchVisitRecordInput).toMatchObject({ required: ['purpose'] });
    expect(after.paths['/api/records/branch_visit/query']!.post!.operationId).toBe('queryBranchVisitRecords');
    await server.publishEntity({ ...visit, fields: [...visit.fields, field('v_note', 'note', 'text', { maxLength: 200 })] });
    const next = await docs();
    expect((next.components.schemas.BranchVisitRecordInput!.properties as Record<string, unknown>).note).toMatchObject({ type: 'string', maxLength: 200 });
    // An API key reads the same document.
    const key = await server.request<{ key: string }>('POST', '/api/auth/api-keys', { name: 'docs-reader', roles: [] });
    const byKey = await server.anonymous<Doc>('GET', '/api/docs-json', undefined, { authorization: `Bearer ${key.body.key}` });
    expect(byKey.status).toBe(200);
    expect(byKey.body.components.schemas.BranchVisitRecordPatch).toBeDefined();
  });
});
