import type { SegmentChange, SegmentInput } from '@bankforge/client';
import { IDENTIFIER_PATTERN } from '@bankforge/data-model';
import { recordQuerySchema } from '../records/record-query.js';
import { requestSchema } from '../../platform/request-validation/request-schema.js';
import { refusingDeepFilters } from '../../platform/request-validation/filter-depth.js';
import { withBilingualErrors, type FieldWording } from '../../platform/request-validation/bilingual-errors.js';

export const SEGMENT_SHARING = ['private', 'team', 'branch'] as const;

// The records query's own filter and sort schemas: a segment holds nothing a query would not take.
const properties = {
  name: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S', description: 'How the picker names it' },
  filter: recordQuerySchema.properties.filter,
  sort: recordQuerySchema.properties.sort,
  sharing: { enum: [...SEGMENT_SHARING], description: 'private; team: the owner’s reporting line; branch: everyone of the owner’s branch' },
} as const;

export const segmentInputSchema = {
  type: 'object',
  required: ['entity', 'name', 'filter', 'sharing'],
  additionalProperties: false,
  properties: { entity: { type: 'string', pattern: IDENTIFIER_PATTERN, description: 'The entity whose list it filters' }, ...properties },
  definitions: recordQuerySchema.definitions,
} as const;

export const segmentChangeSchema = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties,
  definitions: recordQuerySchema.definitions,
} as const;

const WORDING: Record<string, FieldWording> = {
  '/entity': { name: { en: 'Entity', zh: '实体' }, pattern: { en: 'must be an entity key', zh: '必须是实体的键' } },
  '/name': { name: { en: 'Segment name', zh: '分群名称' }, pattern: { en: 'must not be blank', zh: '不能为空白' } },
  '/filter': { name: { en: 'Filter', zh: '筛选条件' } },
  '/sort': { name: { en: 'Sort', zh: '排序' } },
  '/sharing': { name: { en: 'Sharing', zh: '共享范围' } },
  // An empty change: said at the body.
  '/': { name: { en: 'The change', zh: '修改内容' } },
};

export const parseSegmentInput = withBilingualErrors(refusingDeepFilters(requestSchema<SegmentInput>(segmentInputSchema, 'invalidSegment')), WORDING);
export const parseSegmentChange = withBilingualErrors(refusingDeepFilters(requestSchema<SegmentChange>(segmentChangeSchema, 'invalidSegment')), WORDING);
