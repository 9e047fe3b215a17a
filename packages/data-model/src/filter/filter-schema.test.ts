import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { filterJsonSchema } from './filter-schema.js';

const validate = new Ajv({ allErrors: true, strict: true }).compile({
  type: 'object',
  properties: { filter: { $ref: '#/definitions/filter' } },
  definitions: { filter: filterJsonSchema({ type: 'string', maxLength: 64 }) },
});

describe('the JSON Schema of a filter', () => {
  it('takes and/or/not over conditions, every operator of the language included', () => {
    const filter = {
      and: [
        { field: 'name', op: 'contains', value: 'wang' },
        {
          or: [
            { field: 'opened_on', op: 'within', value: 'thisMonth' },
            { not: { field: 'vip', op: 'isNull', value: true } },
          ],
        },
      ],
    };
    expect(validate({ filter })).toBe(true);
  });

  it('refuses unknown operators and keys, empty objects and too long field names', () => {
    for (const filter of [
      { field: 'name', op: 'like', value: 'x' },
      { field: 'name', op: 'eq', value: 'x', extra: 1 },
      {},
      { field: 'n'.repeat(65), op: 'eq', value: 'x' },
      { and: [{ field: 'name', op: 'matches' }] },
    ]) {
      expect(validate({ filter }), JSON.stringify(filter)).toBe(false);
    }
  });
});
