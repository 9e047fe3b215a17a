import { describe, expect, it } from 'vitest';
import { EVERY_TYPE, entityOf, field, options } from '../testing/fixtures.js';
import { recordJsonSchema } from './record-schema.js';

describe('recordJsonSchema', () => {
  const entity = entityOf(
    field('name', 'text', { required: true, pattern: '[a-z]+' }),
    field('nickname', 'text'),
    field('segment', 'singleSelect', { options: options('a', 'b') }),
    field('tier', 'singleSelect', { options: options('x'), required: true }),
  );

  it('is a closed object listing required fields', () => {
    const schema = recordJsonSchema(entity);
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['name', 'tier']);
    expect(Object.keys(schema.properties as object)).toEqual(['name', 'nickname', 'segment', 'tier']);
  });

  it('makes optional fields nullable and required strings non-empty', () => {
    const props = recordJsonSchema(entity).properties as Record<string, Record<string, unknown>>;
    expect(props.name).toMatchObject({
      type: 'string',
      minLength: 1,
      maxLength: 255,
      pattern: '^[^\\u0000]*$',
      allOf: [{ pattern: '^(?:[a-z]+)$' }],
    });
    expect(props.nickname).toMatchObject({ type: ['string', 'null'], maxLength: 255 });
    expect(props.nickname?.minLength).toBeUndefined();
    expect(props.segment).toMatchObject({ type: ['string', 'null'], enum: ['a', 'b', null] });
    expect(props.tier).toMatchObject({ type: 'string', enum: ['x'] });
  });

  it('lists nothing as required when partial', () => {
    const schema = recordJsonSchema(entity, { partial: true });
    expect(schema.required).toBeUndefined();
    expect((schema.properties as Record<string, { type: unknown }>).name?.type).toBe('string');
  });

  it('is plain JSON for every field type', () => {
    const schema = recordJsonSchema(entityOf(...EVERY_TYPE.map((t) => t.field)));
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });
});
