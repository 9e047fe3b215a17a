/** The JSON filter of the query API: `and`/`or`/`not` over `{field, op, value}` conditions. */
export type FilterOperator =
  | 'eq'
  | 'ne'
  | 'lt'
  | 'lte'
  | 'gt'
  | 'gte'
  | 'in'
  | 'nin'
  | 'contains'
  | 'startsWith'
  | 'isNull'
  | 'between';

export const FILTER_OPERATORS: readonly FilterOperator[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'in', 'nin', 'contains', 'startsWith', 'isNull', 'between'];

export interface FilterCondition {
  field: string;
  op: FilterOperator;
  value?: unknown;
}

export type RecordFilter = { and: RecordFilter[] } | { or: RecordFilter[] } | { not: RecordFilter } | FilterCondition;

export interface SortKey {
  field: string;
  direction?: 'asc' | 'desc';
}

export interface RecordQuery {
  filter?: RecordFilter;
  sort?: SortKey[];
  fields?: string[];
  limit?: number;
  cursor?: string;
  count?: boolean;
  /** `exclude` (the default) hides soft-deleted records; `only` lists the recycle bin. */
  deleted?: 'exclude' | 'include' | 'only';
}

export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 50;

export const recordQuerySchema = {
  $id: 'RecordQuery',
  type: 'object',
  additionalProperties: false,
  properties: {
    filter: { $ref: '#/definitions/filter' },
    sort: {
      type: 'array',
      maxItems: 4,
      items: {
        type: 'object',
        required: ['field'],
        additionalProperties: false,
        properties: { field: { type: 'string', maxLength: 64 }, direction: { enum: ['asc', 'desc'] } },
      },
    },
    fields: { type: 'array', maxItems: 200, items: { type: 'string', maxLength: 64 } },
    limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE },
    cursor: { type: 'string', maxLength: 4096 },
    count: { type: 'boolean' },
    deleted: { enum: ['exclude', 'include', 'only'] },
  },
  definitions: {
    filter: {
      type: 'object',
      minProperties: 1,
      properties: {
        and: { type: 'array', maxItems: 100, items: { $ref: '#/definitions/filter' } },
        or: { type: 'array', maxItems: 100, items: { $ref: '#/definitions/filter' } },
        not: { $ref: '#/definitions/filter' },
        field: { type: 'string', maxLength: 64 },
        op: { enum: FILTER_OPERATORS },
        value: {},
      },
      additionalProperties: false,
    },
  },
} as const;
